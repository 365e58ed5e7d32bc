//! `factcheck FILE...`: reads newspaper copy, reads every number in it, and reports them.

use clap::{Parser, Subcommand, ValueEnum};
use factcheck::rules_cmd;
use factcheck_numbers::PartialDate;
use factcheck_report::{json, text, Report, Severity};
use std::io::{Read, Write};
use std::process::ExitCode;

// The check makes many small, short-lived allocations; mimalloc serves them faster than glibc.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
            let what = format!(
                "the date `{}` is not a date YYYY-MM-DD (a day that exists, year 1000–9999)",
                date.unwrap_or_default()
            );
            if cli.date.is_none() {
                return config_error(&loaded, "date", &what);
            }
            eprintln!("error: {what}");
            return ExitCode::from(2);
        }
        None => None,
    };
    if let Err(message) = factcheck::yaml_guard::check_packs(&packs) {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
    let checker =
        match factcheck::Checker::with_rules_and_selection(&packs, loaded.selection_pack()) {
            Ok(checker) => checker.with_page_date(page_date),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::from(2);
            }
        };
    let expanded = factcheck::inputs::expand_reporting(&cli.files);
    for note in &expanded.notes {
        eprintln!("note: skipped {note}");
    }
    let paths = match loaded.filter(expanded.paths) {
        Ok(paths) => paths,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    if let Some(output) = &cli.output {
        if let Some(input) = same_file_as_input(output, &paths) {
            eprintln!(
                "error: the output file {} is the input {input}: refusing to overwrite a draft",
                output.display()
            );
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
    let sink: Box<dyn Write> = match &cli.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
        None => Box::new(std::io::stdout().lock()),
    };
    let mut run = Run {
        sink: std::io::BufWriter::new(sink),
        write_failed: None,
        format,
        // counts per rule are printed once every file is in
        streamed: matches!(format, Format::Json)
            || (matches!(format, Format::Text)
                && !cli.view.options_for_stdout(cli.output.is_some()).statistics),
        json: json::Stream::default(),
        kept: Vec::new(),
        tally: text::Tally::default(),
        view: cli.view.options_for_stdout(cli.output.is_some()),
        fingerprints: std::collections::BTreeSet::new(),
        filter: factcheck::baseline::Filter::new(&baseline, &loaded),
        loaded: &loaded,
        summary: factcheck_report::Summary::default(),
        worst: None,
        input_errors: Vec::new(),
    };
    if matches!(format, Format::Json) {
        let begin = run.json.begin();
        run.emit(&begin);
    }
    // a streamed report takes each file's records as they are made, keeping little of them
    let view = cli.view.options_for_stdout(cli.output.is_some());
    let keep = match format {
        _ if !run.streamed => Keep::All,
        Format::Json => Keep::Json,
        _ if view.show_checks || view.show_quantities => Keep::All,
        _ => Keep::Counts,
    };
    check_all(&checker, &paths, keep, |checked| run.file(checked));
    for (path, message) in expanded.problems {
        run.file(Done::whole(failed_input(&path, message)));
    }
    let Run {
        mut sink,
        mut write_failed,
        summary,
        worst,
        input_errors,
        kept,
        tally,
        fingerprints,
        json: mut stream,
        filter,
        ..
    } = run;
    let (problems, suppressed) = filter.finish(&cli.files);
    let mut summary = summary;
    summary.suppressed += suppressed;
    let mut worst = worst;
    let mut tail = String::new();
    let mut kept = kept;
    let mut tally = tally;
    let view = cli.view.options_for_stdout(cli.output.is_some());
    if let Some(mut entry) = problems {
        // the suppressions' own findings, on the configuration file, close the report
        for finding in &entry.findings {
            count(&mut summary, finding.severity);
            worst = worst.max(Some(finding.severity));
        }
        if matches!(format, Format::Github | Format::Sarif | Format::Junit) {
            entry.path = loaded.relative_to_root(&entry.path);
        }
        match format {
            Format::Text if !view.statistics => {
                tally.add(&entry);
                text::render_file_with(&mut tail, &entry, &view);
            }
            Format::Json => tail.push_str(&stream.file(&entry)),
            _ => kept.push(entry),
        }
    }
    let rendered = match format {
        Format::Text if !view.statistics => {
            text::render_summary_of(&mut tail, &tally, &summary, &view);
            tail
        }
        Format::Json => tail + &stream.end(&summary),
        other => {
            let report = Report {
                schema: factcheck_report::model::SCHEMA,
                files: kept,
                summary: summary.clone(),
            };
            match other {
                // counts per rule need every file's findings
                Format::Text => text::render_with(&report, &view),
                Format::Dot => factcheck_report::dot::render(&report),
                Format::Sarif => factcheck_report::sarif::render(&report),
                Format::Github => factcheck_report::github::render(&report),
                Format::Junit => factcheck_report::junit::render_with(&report, fail_on.threshold()),
                Format::Html => factcheck_report::html::render(&report),
                _ => factcheck_report::markdown::render(&report),
            }
        }
    };
    if write_failed.is_none() {
        if let Err(e) = sink
            .write_all(rendered.as_bytes())
            .and_then(|_| sink.flush())
        {
            write_failed = Some(e);
        }
    }
    if let Some(e) = write_failed {
        match &cli.output {
            Some(path) => eprintln!("error: cannot write {}: {e}", path.display()),
            None => eprintln!("error: cannot write the report: {e}"),
        }
        return ExitCode::from(2);
    }
    if let Some(path) = &cli.write_baseline {
        if let Err(message) = factcheck::baseline::write_fingerprints(path, fingerprints) {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    }
    for line in &input_errors {
        eprintln!("{line}");
    }
    if !input_errors.is_empty() {
        return ExitCode::from(2);
    }
    match (fail_on.threshold(), worst) {
        (Some(threshold), Some(worst)) if worst >= threshold => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    }
}

/// A run's output as its files finish: text and JSON reports are written file by file (nothing but
/// counts kept), the other formats keep the files for one rendering at the end.
struct Run<'a> {
    sink: std::io::BufWriter<Box<dyn Write + 'a>>,
    write_failed: Option<std::io::Error>,
    format: Format,
    streamed: bool,
    json: json::Stream,
    kept: Vec<factcheck_report::FileReport>,
    tally: text::Tally,
    view: text::Options,
    fingerprints: std::collections::BTreeSet<String>,
    filter: factcheck::baseline::Filter<'a>,
    loaded: &'a factcheck::config::Loaded,
    summary: factcheck_report::Summary,
    worst: Option<Severity>,
    input_errors: Vec<String>,
}

impl Run<'_> {
    fn emit(&mut self, text: &str) {
        if self.write_failed.is_none() {
            if let Err(e) = self.sink.write_all(text.as_bytes()) {
                self.write_failed = Some(e);
            }
        }
    }

    fn file(&mut self, done: Done) {
        let Done {
            report: mut file,
            body,
            counted,
        } = done;
        // a baseline records every finding, before any is left out
        self.fingerprints
            .extend(file.findings.iter().map(|f| f.fingerprint.clone()));
        self.filter.file(&mut file);
        if let Some(error) = &file.error {
            let place = match (error.line, error.column) {
                (Some(l), Some(c)) => format!(":{l}:{c}"),
                _ => String::new(),
            };
            self.input_errors
                .push(format!("error: {}{place}: {}", file.path, error.message));
        }
        self.summary.suppressed += file.suppressed;
        for finding in &file.findings {
            count(&mut self.summary, finding.severity);
            self.worst = self.worst.max(Some(finding.severity));
        }
        if matches!(self.format, Format::Github | Format::Sarif | Format::Junit) {
            // annotations name files the way the repository's views do: from its root
            file.path = self.loaded.relative_to_root(&file.path);
        }
        if !self.streamed {
            // the HTML report shows the copy itself; the others quote only lines with findings
            if !matches!(self.format, Format::Html) {
                file.source = file.source.filter(|_| !file.findings.is_empty());
            }
            self.kept.push(file);
            return;
        }
        if matches!(self.format, Format::Json) {
            if self.write_failed.is_none() {
                let written = match body {
                    Some(body) => self.json.write_file_body(&mut self.sink, &file, body),
                    None => self.json.write_file(&mut self.sink, &file),
                };
                if let Err(e) = written {
                    self.write_failed = Some(e);
                }
            }
            return;
        }
        let mut piece = String::new();
        match counted {
            Some(counted) => self.tally.add_counted(&file, counted),
            None => self.tally.add(&file),
        }
        text::render_file_with(&mut piece, &file, &self.view);
        self.emit(&piece);
    }
}

fn count(summary: &mut factcheck_report::Summary, severity: Severity) {
    match severity {
        Severity::Error => summary.errors += 1,
        Severity::Warning => summary.warnings += 1,
        Severity::Info => summary.infos += 1,
    }
}

/// The input that `output` would overwrite, if it is one of them (the same file, however named).
fn same_file_as_input(output: &std::path::Path, inputs: &[String]) -> Option<String> {
    let target = std::fs::canonicalize(output).ok()?;
    inputs
        .iter()
        .filter(|p| *p != "-")
        .find(|p| std::fs::canonicalize(p).is_ok_and(|c| c == target))
        .cloned()
}

/// The report entry of an input that could not be taken at all.
fn failed_input(path: &str, message: String) -> factcheck_report::FileReport {
    factcheck_report::FileReport {
        path: path.to_string(),
        error: Some(factcheck_report::InputError {
            message,
            line: None,
            column: None,
        }),
        ..factcheck_report::FileReport::default()
    }
}

/// The largest file checked: offsets inside are 32-bit, and a page is a few kilobytes.
const MAX_FILE_BYTES: u64 = 1 << 30;

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "larger than {} MiB, the most one file may hold: split it",
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(bytes)
}

fn rules(action: RulesAction) -> ExitCode {
    let paths = match &action {
        RulesAction::List { rules, .. } | RulesAction::Explain { rules, .. } => rules.clone(),
        RulesAction::Test { packs } => packs.clone(),
    };
    if let Err(message) = factcheck::yaml_guard::check_packs(&paths) {
        eprintln!("error: {message}");
        return ExitCode::from(2);
    }
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

/// What a run keeps of a file's records while it is checked: all of them (formats rendered once
/// every file is in, and the full text listing), the JSON of them (spooled, see
/// `json::FileBody`), or only their counts (the default text report).
#[derive(Debug, Clone, Copy)]
enum Keep {
    All,
    Json,
    Counts,
}

/// A file checked: its report, with its records in it (`Keep::All`) or beside it.
struct Done {
    report: factcheck_report::FileReport,
    body: Option<json::FileBody>,
    counted: Option<factcheck_report::parts::Counted>,
}

impl Done {
    fn whole(report: factcheck_report::FileReport) -> Done {
        Done {
            report,
            body: None,
            counted: None,
        }
    }
}

/// Checks every file, as many at once as there are cores, and hands each result to `done` in the
/// order of the paths as soon as it and the ones before it are finished (at most a few results
/// wait). A panic while checking one file becomes that file's input error (a bug of factcheck,
/// reported with the file named); the other files are still checked.
fn check_all(
    checker: &factcheck::Checker,
    paths: &[String],
    keep: Keep,
    mut done: impl FnMut(Done),
) {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    // checking is CPU work: blocking tasks, at most one per core
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .max_blocking_threads(workers)
        .build()
        .expect("a runtime starts");
    let checker = std::sync::Arc::new(checker.clone());
    factcheck::panics::quiet_panics();
    runtime.block_on(async {
        let mut pending = std::collections::VecDeque::new();
        for path in paths {
            let (checker, path) = (checker.clone(), path.clone());
            pending.push_back(tokio::task::spawn_blocking(move || {
                check_one(&checker, &path, keep)
            }));
            // enough in flight to keep every core busy, few enough to hold little
            while pending.len() > workers * 2 {
                if let Some(task) = pending.pop_front() {
                    done(joined(task.await));
                }
            }
        }
        while let Some(task) = pending.pop_front() {
            done(joined(task.await));
        }
    });
}

fn joined(result: Result<Done, tokio::task::JoinError>) -> Done {
    result
        .unwrap_or_else(|error| Done::whole(failed_input("?", format!("internal error: {error}"))))
}

/// Reads and checks one file, keeping of its records what `keep` says; a panic becomes the
/// file's error.
fn check_one(checker: &factcheck::Checker, path: &str, keep: Keep) -> Done {
    let bytes = match read_input(path) {
        Ok(bytes) => bytes,
        Err(error) => return Done::whole(factcheck::unreadable(path, &error)),
    };
    let checked = factcheck::panics::catch(|| {
        // the tests make one file's check panic to see the others still reported
        if std::env::var_os("FACTCHECK_TEST_PANIC_ON").is_some_and(|p| p == path) {
            panic!("a panic the tests asked for");
        }
        match keep {
            Keep::All => Done::whole(checker.check(path, bytes)),
            Keep::Json => {
                let mut body = json::FileBody::default();
                let report = checker.check_in_parts(path, bytes, &mut body);
                match body.finished() {
                    // a file that could not be read has no records, and says why
                    Ok(_) if report.error.is_some() => Done::whole(report),
                    Ok(body) => Done {
                        report,
                        body: Some(body),
                        counted: None,
                    },
                    Err(error) => Done::whole(failed_input(
                        path,
                        format!("cannot hold the report of this file: {error}"),
                    )),
                }
            }
            Keep::Counts => {
                let mut counted = factcheck_report::parts::Counted::default();
                let report = checker.check_in_parts(path, bytes, &mut counted);
                Done {
                    report,
                    body: None,
                    counted: Some(counted),
                }
            }
        }
    });
    checked.unwrap_or_else(|what| {
        Done::whole(failed_input(
            path,
            format!(
                "internal error while checking this file (a bug in factcheck; please report it with the file): {what}"
            ),
        ))
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

/// `2025-10-29` as a date: a day that exists, in a year from 1000 to 9999.
fn parse_date(text: &str) -> Option<PartialDate> {
    let mut parts = text.split('-');
    let year: i32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1000..=9999).contains(y))?;
    let month: u32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let day = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=days).contains(d))?;
    parts.next().is_none().then_some(PartialDate {
        year: Some(year),
        month: Some(month),
        day: Some(day),
        year_inferred: false,
        year_from_story: false,
        year_from_later: false,
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
