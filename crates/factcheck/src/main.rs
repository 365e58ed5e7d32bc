//! `factcheck FILE...`: reads newspaper copy, reads every number in it, and reports them.

use clap::{Parser, Subcommand, ValueEnum};
use factcheck::rules_cmd;
use factcheck_report::{json, text, Report, Severity};
use std::io::{Read, Write};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "factcheck",
    version,
    about = "Finds numbers in newspaper copy that cannot all be true"
)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Exit with status 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,

    /// Rule packs (YAML files or folders of them) to add to the built-in rules.
    #[arg(long, value_name = "PATH")]
    rules: Vec<std::path::PathBuf>,

    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Work with rules: list them, explain one, test them on their examples.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
}

#[derive(Debug, Subcommand)]
enum RulesAction {
    /// Every rule: id, relation, severity, description.
    List {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Rule packs to add to the built-in rules.
        #[arg(long, value_name = "PATH")]
        rules: Vec<std::path::PathBuf>,
    },
    /// What one rule checks, why, an example each way, and how figures are read.
    Explain {
        id: String,
        #[arg(long, value_enum, default_value_t = Lang::Zh)]
        lang: Lang,
        #[arg(long, value_name = "PATH")]
        rules: Vec<std::path::PathBuf>,
    },
    /// Run every rule's examples (built-in and the given packs) and the annotated `*.txt` files
    /// beside the packs; exit 1 if any fails.
    Test {
        /// Rule packs (files or folders).
        packs: Vec<std::path::PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Lang {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    /// The graph of related numbers, in Graphviz DOT.
    Dot,
    /// SARIF 2.1.0 for code-scanning views.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// JUnit XML.
    Junit,
    /// A Markdown summary for a pull-request comment.
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Rules { action }) = cli.command {
        return rules(action);
    }
    let checker = match factcheck::Checker::with_rules(&cli.rules) {
        Ok(checker) => checker,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let want_dot = matches!(cli.format, Format::Dot);
    let paths = factcheck::inputs::expand(&cli.files);
    let checked = check_all(&checker, &paths, want_dot);
    let mut dots = Vec::new();
    let files = checked
        .into_iter()
        .map(|c| {
            dots.extend(c.dot);
            c.report
        })
        .collect();
    let report = Report::new(files);
    let rendered = match cli.format {
        Format::Text => text::render(&report),
        Format::Json => json::render(&report),
        Format::Dot => dots.concat(),
        Format::Sarif => factcheck_report::sarif::render(&report),
        Format::Github => factcheck_report::github::render(&report),
        Format::Junit => factcheck_report::junit::render(&report),
        Format::Markdown => factcheck_report::markdown::render(&report),
    };
    let written = match &cli.output {
        Some(path) => std::fs::write(path, rendered.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(rendered.as_bytes())
                .and_then(|_| stdout.flush())
                .map_err(|e| format!("cannot write the report: {e}"))
        }
    };
    if let Err(message) = written {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    for file in report.files.iter().filter(|f| f.error.is_some()) {
        if let Some(error) = &file.error {
            let place = match (error.line, error.column) {
                (Some(l), Some(c)) => format!(":{l}:{c}"),
                _ => String::new(),
            };
            eprintln!("error: {}{place}: {}", file.path, error.message);
        }
    }
    if report.has_input_errors() {
        return ExitCode::from(2);
    }
    match (cli.fail_on.threshold(), report.worst()) {
        (Some(threshold), Some(worst)) if worst >= threshold => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        return Ok(bytes);
    }
    std::fs::read(path)
}

fn rules(action: RulesAction) -> ExitCode {
    let paths = match &action {
        RulesAction::List { rules, .. } | RulesAction::Explain { rules, .. } => rules.clone(),
        RulesAction::Test { packs } => packs.clone(),
    };
    let checker = match factcheck::Checker::with_rules(&paths) {
        Ok(checker) => checker,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let (text, code) = match action {
        RulesAction::List {
            format: ListFormat::Text,
            ..
        } => (rules_cmd::list_text(checker.rules()), 0),
        RulesAction::List {
            format: ListFormat::Json,
            ..
        } => (rules_cmd::list_json(checker.rules()), 0),
        RulesAction::List {
            format: ListFormat::Markdown,
            ..
        } => (rules_cmd::reference_markdown(checker.rules()), 0),
        RulesAction::Explain { id, lang, .. } => {
            match rules_cmd::explain(checker.rules(), &id, matches!(lang, Lang::En)) {
                Some(text) => (text, 0),
                None => {
                    eprintln!("error: no rule `{id}` (see `factcheck rules list`)");
                    return ExitCode::from(2);
                }
            }
        }
        RulesAction::Test { packs } => {
            let (text, ok) = rules_cmd::test(&checker, &packs);
            (text, if ok { 0 } else { 1 })
        }
    };
    print!("{text}");
    ExitCode::from(code)
}

/// Checks every file, as many at once as there are cores, and returns the results in the order of
/// the paths.
fn check_all(
    checker: &factcheck::Checker,
    paths: &[String],
    want_dot: bool,
) -> Vec<factcheck::Checked> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    // checking is CPU work: blocking tasks, at most one per core
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(workers)
        .build()
        .expect("a runtime starts");
    let checker = std::sync::Arc::new(checker.clone());
    runtime.block_on(async {
        let mut tasks = Vec::new();
        for path in paths {
            let (checker, path) = (checker.clone(), path.clone());
            tasks.push(tokio::task::spawn_blocking(move || {
                match read_input(&path) {
                    Ok(bytes) => checker.check_with_graph(&path, &bytes, want_dot),
                    Err(error) => factcheck::Checked {
                        report: factcheck::unreadable(&path, &error),
                        dot: None,
                    },
                }
            }));
        }
        let mut out = Vec::new();
        for task in tasks {
            out.push(task.await.expect("a check does not panic"));
        }
        out
    })
}
