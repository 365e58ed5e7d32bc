//! factcheck as a library: checking one file's bytes into its part of the report. The binary adds
//! the command line; tests and benchmarks call this directly.

pub mod baseline;
mod check;
pub mod config;
pub mod fuzzing;
pub mod inputs;
pub mod panics;
pub mod rules_cmd;
pub mod serve;
mod stories;
mod story_pool;
pub mod view;
pub mod yaml_guard;

pub use check::{unreadable, Checked, Checker};
pub use story_pool::StoryThreads;
