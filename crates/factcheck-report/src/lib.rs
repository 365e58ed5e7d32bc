//! The report of a run: the versioned JSON contract (`factcheck-report/1`) as plain data, and one
//! module per output format, all fed by the same report.

pub mod json;
pub mod model;
pub mod text;

pub use model::*;
