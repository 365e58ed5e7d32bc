//! `factcheck FILE...`: reads newspaper copy, reads every number in it, and reports them.

use clap::{Parser, Subcommand, ValueEnum};
use factcheck::rules_cmd;
use factcheck_numbers::PartialDate;
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

    /// Files or folders to check (folders are walked, honouring .gitignore); `-` reads standard
    /// input.
    ///
    /// A folder is walked recursively for drafts ending in .txt, .text, .md, .markdown, .html,
    /// .htm or .docx, skipping hidden files and what .gitignore leaves out, in sorted order.
    #[arg(required = true, value_name = "PATH")]
    files: Vec<String>,

    /// Output format [default: text, or the configuration's].
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// Exit with status 1 when a finding at or above this severity is reported [default: error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,

    /// The configuration file [default: the nearest factcheck.yaml above the first file].
    #[arg(long, value_name = "FILE")]
    config: Option<std::path::PathBuf>,

    /// The pages' publication date (YYYY-MM-DD): the year of dates that print none.
    #[arg(long, value_name = "DATE")]
    date: Option<String>,

    /// Leave out the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<std::path::PathBuf>,

    /// Record every finding of this run in a baseline file.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<std::path::PathBuf>,

    /// Rule packs (YAML files or folders of them) to add to the built-in rules.
    #[arg(long, value_name = "PATH")]
    rules: Vec<std::path::PathBuf>,

    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<std::path::PathBuf>,

    #[command(flatten)]
    view: factcheck::view::ViewArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write a commented starter factcheck.yaml in the current folder.
    Init,
    /// Work with rules: list them, explain one, test them on their examples.
    Rules {
        #[command(subcommand)]
        action: RulesAction,
    },
    /// Serve checks over HTTP (POST /v1/check, GET /v1/rules, GET /health, GET /).
    Serve(factcheck::serve::ServeArgs),
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
    /// One self-contained HTML page: the copy with its numbers, findings, arithmetic and graphs.
    Html,
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
    match cli.command {
        Some(Command::Rules { action }) => return rules(action),
        Some(Command::Init) => return init(),
        Some(Command::Serve(args)) => return factcheck::serve::run(args),
        None => {}
    }
    let start = cli
        .files
        .iter()
        .find(|f| *f != "-")
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    let start = if start.is_dir() {
        start
    } else {
        start
            .parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default()
    };
    let start = std::fs::canonicalize(if start.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        &start
    })
    .unwrap_or_default();
    let loaded = match factcheck::config::load(cli.config.as_deref(), &start) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    // flags over the configuration over the defaults
    let Some(format) = layered(cli.format, loaded.config.format.as_deref(), Format::Text) else {
        return config_error(&loaded, "format", "unknown format");
    };
    let Some(fail_on) = layered(cli.fail_on, loaded.config.fail_on.as_deref(), FailOn::Error)
    else {
        return config_error(&loaded, "fail_on", "unknown fail_on level");
    };
    let mut packs = cli.rules.clone();
    packs.extend(loaded.config.rules.iter().map(|p| loaded.resolve(p)));
    let date = cli.date.clone().or(loaded.config.date.clone());
    let page_date = match date.as_deref().map(parse_date) {
        Some(Some(d)) => Some(d),
        Some(None) => {
            eprintln!(
                "error: the date `{}` is not YYYY-MM-DD",
                date.unwrap_or_default()
            );
            return ExitCode::from(2);
        }
        None => None,
    };
    let checker =
        match factcheck::Checker::with_rules_and_selection(&packs, loaded.selection_pack()) {
            Ok(checker) => checker.with_page_date(page_date),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::from(2);
            }
        };
    let paths = match loaded.filter(factcheck::inputs::expand(&cli.files)) {
        Ok(paths) => paths,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let mut files = check_all(&checker, &paths);
    if let Some(path) = &cli.write_baseline {
        if let Err(message) = factcheck::baseline::write(path, &files) {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    }
    let baseline = match cli
        .baseline
        .as_deref()
        .map(factcheck::baseline::read)
        .transpose()
    {
        Ok(b) => b.unwrap_or_default(),
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let suppressed = factcheck::baseline::apply(&mut files, &baseline, &loaded, &cli.files);
    if matches!(format, Format::Github | Format::Sarif | Format::Junit) {
        // annotations name files the way the repository's views do: from its root
        for file in &mut files {
            file.path = loaded.relative_to_root(&file.path);
        }
    }
    let report = Report::with_suppressed(files, suppressed);
    let rendered = match format {
        Format::Text => {
            text::render_with(&report, &cli.view.options_for_stdout(cli.output.is_some()))
        }
        Format::Json => json::render(&report),
        Format::Dot => factcheck_report::dot::render(&report),
        Format::Sarif => factcheck_report::sarif::render(&report),
        Format::Github => factcheck_report::github::render(&report),
        Format::Junit => factcheck_report::junit::render_with(&report, fail_on.threshold()),
        Format::Markdown => factcheck_report::markdown::render(&report),
        Format::Html => factcheck_report::html::render(&report),
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
    match (fail_on.threshold(), report.worst()) {
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
fn check_all(checker: &factcheck::Checker, paths: &[String]) -> Vec<factcheck_report::FileReport> {
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
                    Ok(bytes) => checker.check(&path, &bytes),
                    Err(error) => factcheck::unreadable(&path, &error),
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

/// A setting from the flag, else from the configuration (`None` when that is not a known value),
/// else the default.
fn layered<T: ValueEnum>(flag: Option<T>, configured: Option<&str>, default: T) -> Option<T> {
    match (flag, configured) {
        (Some(value), _) => Some(value),
        (None, Some(text)) => T::from_str(text, true).ok(),
        (None, None) => Some(default),
    }
}

fn config_error(loaded: &factcheck::config::Loaded, key: &str, what: &str) -> ExitCode {
    let (line, column) = loaded.place_of(&format!("{key}:"));
    let path = loaded
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    eprintln!("error: {path}:{line}:{column}: {what}");
    ExitCode::from(2)
}

/// `2025-10-29` as a date.
fn parse_date(text: &str) -> Option<PartialDate> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    parts.next().is_none().then_some(PartialDate {
        year: Some(year),
        month: Some(month),
        day: Some(day),
        year_inferred: false,
    })
}

fn init() -> ExitCode {
    let path = std::path::Path::new(factcheck::config::FILE_NAME);
    if path.exists() {
        eprintln!("error: {} already exists", path.display());
        return ExitCode::from(2);
    }
    match std::fs::write(path, factcheck::config::STARTER) {
        Ok(()) => {
            println!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}
