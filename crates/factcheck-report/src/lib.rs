//! The report of a run: the versioned JSON contract (`factcheck-report/1`) as plain data, and one
//! module per output format, all fed by the same report.

pub mod dot;
pub mod github;
pub mod graph;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod model;
pub mod parts;
pub mod sarif;
mod spool;
mod svg;
pub mod text;

pub use model::*;
