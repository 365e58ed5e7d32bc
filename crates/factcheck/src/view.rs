//! How the text report is shown: what it lists beyond the findings, quiet and statistics modes,
//! and colour (on a terminal unless `NO_COLOR` is set; `--color` decides over both).

use clap::{Args, ValueEnum};
use factcheck_report::text::Options;
use std::io::IsTerminal;

#[derive(Debug, Clone, Args)]
pub struct ViewArgs {
    /// Also list, in the text report (comma-separated): `checks`, every relation examined with its
    /// arithmetic; `quantities`, every number read, per story.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    pub show: Vec<Show>,

    /// Print the findings only: no summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// Print how many findings each rule raised instead of the findings.
    #[arg(long)]
    pub statistics: bool,

    /// Colour the text report: `auto` on a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Show {
    Checks,
    Quantities,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ViewArgs {
    /// The text report's options; `to_terminal` is whether the report goes to a terminal.
    pub fn options(&self, to_terminal: bool) -> Options {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Options {
            show_checks: self.show.contains(&Show::Checks),
            show_quantities: self.show.contains(&Show::Quantities),
            quiet: self.quiet,
            statistics: self.statistics,
            color: match self.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => to_terminal && !no_color,
            },
        }
    }

    /// The options for a report written to standard output (`false` for a file).
    pub fn options_for_stdout(&self, to_file: bool) -> Options {
        self.options(!to_file && std::io::stdout().is_terminal())
    }
}
