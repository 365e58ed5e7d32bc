//! One self-contained HTML page for desk editors: no script, no network. Per file, the copy with
//! every number highlighted (hover: its value, unit, interval and what it measures; a number found
//! wrong links to its finding), and beside it the findings, then every relation checked. Each
//! finding and relation opens (a `<details>`) onto its chain of arithmetic and a picture of its part
//! of the graph, drawn here as SVG; clicking a number found wrong goes to its finding and opens it
//! (the link's target, `#f1-3-work`, is inside the closed `<details>`, which browsers then open).
//!
//! The page is also well-formed XML, so the tests read it with an XML parser.

use crate::graph::{self, describe, Links, Quantities};
use crate::model::{FileReport, Report, Severity};
use crate::svg::{self, escape};
use crate::text::summary_line;
use std::collections::HashMap;
use std::fmt::Write;

/// At most this many relations in the picture of one finding or relation (it and its neighbours).
const PICTURE_CHECKS: usize = 8;

const STYLE: &str = r#"
:root { --bad: #c62828; --warn: #b26a00; --info: #1565c0; --ok: #2e7d32; --line: #d0d4da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d232b; background: #f6f7f9; }
header { padding: 12px 24px; background: #1d232b; color: #fff; }
header h1 { margin: 0; font-size: 18px; }
header p { margin: 2px 0 0; }
section.file { margin: 16px 24px; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
section.file > h2 { margin: 0; padding: 8px 16px; font-size: 16px; border-bottom: 1px solid var(--line); }
.columns { display: flex; gap: 0; align-items: flex-start; }
.copy { flex: 1 1 55%; min-width: 0; padding: 12px 16px; border-right: 1px solid var(--line); }
.copy pre { margin: 0; white-space: pre-wrap; word-break: break-all; font: inherit; }
aside { flex: 1 1 45%; min-width: 0; padding: 12px 16px; position: sticky; top: 0; max-height: 100vh; overflow: auto; }
aside h3 { font-size: 15px; margin: 8px 0; }
ol { padding-left: 0; list-style: none; margin: 0; }
li { margin: 0 0 6px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
li:target, details > div:target { outline: 2px solid var(--info); }
summary { cursor: pointer; padding: 4px 8px; }
details > div { padding: 4px 10px 8px; border-top: 1px dashed var(--line); }
.q { background: #e3f0fb; border-bottom: 1px solid #90b8e0; color: inherit; text-decoration: none; cursor: help; }
.q.bad { background: #fde4e4; border-bottom: 2px solid var(--bad); font-weight: bold; cursor: pointer; }
.sev { font-weight: bold; }
.error .sev, .contradiction .mark { color: var(--bad); }
.warning .sev { color: var(--warn); }
.info .sev, .derived .mark { color: var(--info); }
.consistent .mark { color: var(--ok); }
.rule { font-family: monospace; font-size: 13px; color: #555; }
.where { color: #555; font-size: 13px; }
.arith { margin: 4px 0; padding-left: 18px; }
.arith li { border: 0; margin: 0; list-style: disc; }
figure { margin: 6px 0 0; overflow-x: auto; }
svg.graph text { font-size: 13px; text-anchor: middle; fill: #1d232b; }
svg.graph .edge { fill: none; stroke: #7a8594; stroke-width: 1.3; }
svg.graph .edge.head { fill: #7a8594; stroke: none; }
svg.graph .edge.bad { stroke: var(--bad); }
svg.graph .edge.bad.head { fill: var(--bad); stroke: none; }
svg.graph .stated rect { fill: #e3f0fb; stroke: #5b8fc7; }
svg.graph .relation polygon { fill: #fff6dc; stroke: #c9a227; }
svg.graph .derived ellipse { fill: #e6f4e7; stroke: #5aa469; }
svg.graph .bad rect, svg.graph .bad polygon { fill: #fde4e4; stroke: var(--bad); stroke-width: 2; }
.error-file { color: var(--bad); padding: 12px 16px; }
.none { color: var(--ok); }
"#;

pub fn render(report: &Report) -> String {
    let mut out = String::with_capacity(
        report
            .files
            .iter()
            .map(|f| f.source.as_ref().map_or(0, String::len) * 2)
            .sum::<usize>()
            + 16_384,
    );
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>factcheck 报告</title>\n<style>",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header><h1>factcheck 报告</h1><p class=\"summary\">");
    out.push_str(&escape(&summary_line(report)));
    out.push_str("</p></header>\n");
    for (k, file) in report.files.iter().enumerate() {
        render_file(&mut out, k + 1, file);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn severity_word(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("error", "错误"),
        Severity::Warning => ("warning", "警告"),
        Severity::Info => ("info", "提示"),
    }
}

fn render_file(out: &mut String, k: usize, file: &FileReport) {
    let _ = write!(
        out,
        "<section class=\"file\" id=\"file{k}\">\n<h2>{}</h2>\n",
        escape(&file.path)
    );
    if let Some(error) = &file.error {
        let place = match (error.line, error.column) {
            (Some(l), Some(c)) => format!(":{l}:{c}"),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<p class=\"error-file\">无法读取{}：{}</p>\n</section>\n",
            escape(&place),
            escape(&error.message)
        );
        return;
    }
    let links = Links::new(file);
    out.push_str("<div class=\"columns\">\n<div class=\"copy\"><pre>");
    copy(out, k, file);
    out.push_str("</pre></div>\n<aside>\n");
    let quantities = graph::quantities(file);
    findings(out, k, file, &quantities, &links);
    checks(out, k, file, &quantities, &links);
    out.push_str("</aside>\n</div>\n</section>\n");
}

/// The byte offset in the decoded text of a 1-based line and character column.
struct Lines<'a> {
    source: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(source: &'a str) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Lines { source, starts }
    }

    fn offset(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let rest = &self.source[start..];
        let skip = column.checked_sub(1)?;
        match rest.char_indices().nth(skip) {
            Some((i, _)) => Some(start + i),
            None if rest.chars().count() == skip => Some(self.source.len()),
            None => None,
        }
    }
}

/// A highlighted stretch of the copy.
struct Mark {
    start: usize,
    end: usize,
    title: String,
    /// The finding it links to, when it is the number a finding points at.
    finding: Option<usize>,
}

fn copy(out: &mut String, k: usize, file: &FileReport) {
    let Some(source) = file.source.as_deref() else {
        return;
    };
    let lines = Lines::new(source);
    // the file's byte offsets are the decoded text's only in UTF-8; elsewhere the printed text is
    // walked in the copy, where OCR may have put spaces or line breaks inside it
    let utf8 = file.encoding.as_deref() == Some("UTF-8");
    let span = |line: usize, column: usize, bytes: usize, printed: &str| {
        let start = lines.offset(line, column)?;
        let end = if utf8 {
            start + bytes
        } else {
            let mut rest = source[start..].char_indices().peekable();
            let mut end = start;
            for c in printed.chars().filter(|c| !c.is_whitespace()) {
                while rest
                    .next_if(|&(_, s)| s.is_whitespace() && s != c)
                    .is_some()
                {}
                let (i, s) = rest.next()?;
                end = start + i + s.len_utf8();
            }
            end
        };
        (end <= source.len() && source.is_char_boundary(end) && end > start).then_some((start, end))
    };
    let flagged: HashMap<(usize, usize), usize> = file
        .findings
        .iter()
        .enumerate()
        .map(|(n, f)| ((f.line, f.column), n))
        .collect();
    let mut marks: Vec<Mark> = Vec::with_capacity(file.quantities.len());
    for q in &file.quantities {
        if let Some((start, end)) = span(q.line, q.column, q.end - q.start, &q.text) {
            marks.push(Mark {
                start,
                end,
                title: describe(q),
                finding: flagged.get(&(q.line, q.column)).copied(),
            });
        }
    }
    // a finding pointing at something not read as a number (a word) is marked too
    let marked: std::collections::HashSet<usize> = marks.iter().filter_map(|m| m.finding).collect();
    for (n, f) in file.findings.iter().enumerate() {
        if marked.contains(&n) {
            continue;
        }
        if let Some((start, end)) = span(f.line, f.column, f.end - f.start, "?") {
            marks.push(Mark {
                start,
                end,
                title: f.message.clone(),
                finding: Some(n),
            });
        }
    }
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut at = 0;
    for m in marks {
        if m.start < at {
            continue; // overlaps the previous mark
        }
        out.push_str(&escape(&source[at..m.start]));
        let text = escape(&source[m.start..m.end]);
        match m.finding {
            Some(n) => {
                let _ = write!(
                    out,
                    "<a class=\"q bad\" href=\"#f{k}-{}-work\" title=\"{}\">{text}</a>",
                    n + 1,
                    escape(&m.title)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<span class=\"q\" title=\"{}\">{text}</span>",
                    escape(&m.title)
                );
            }
        }
        at = m.end;
    }
    out.push_str(&escape(&source[at..]));
}

/// The relations of a picture: these, then their neighbours, at most `PICTURE_CHECKS`.
fn picture(
    file: &FileReport,
    quantities: &Quantities,
    links: &Links,
    mut chosen: Vec<usize>,
) -> String {
    let mut k = 0;
    while k < chosen.len() && chosen.len() < PICTURE_CHECKS {
        for &n in &links.neighbours[chosen[k]] {
            if chosen.len() < PICTURE_CHECKS && !chosen.contains(&n) {
                chosen.push(n);
            }
        }
        k += 1;
    }
    let drawn = svg::render(&graph::of_checks_in(file, quantities, &chosen));
    if drawn.is_empty() {
        String::new()
    } else {
        format!("<figure>{drawn}</figure>")
    }
}

/// The chain of arithmetic of some checks: the numbers they read, what was computed, the result.
fn arithmetic(out: &mut String, file: &FileReport, quantities: &Quantities, checks: &[usize]) {
    for &c in checks {
        let check = &file.checks[c];
        out.push_str("<ul class=\"arith\">");
        for id in &check.quantities {
            if let Some(q) = quantities.get(id.as_str()) {
                let _ = write!(
                    out,
                    "<li>{}:{} 读作 {}</li>",
                    q.line,
                    q.column,
                    escape(&describe(q))
                );
            }
        }
        for d in &check.derived {
            let _ = write!(
                out,
                "<li>推算 {}：{}（{}）</li>",
                escape(&d.label),
                escape(&d.display),
                escape(&format!(
                    "{}{}",
                    d.value,
                    graph::interval(d.lower.as_deref(), d.upper.as_deref())
                        .map(|i| format!(" {i}"))
                        .unwrap_or_default()
                ))
            );
        }
        let _ = write!(
            out,
            "<li><span class=\"rule\">{} {}</span> {}：{}</li></ul>",
            escape(&check.id),
            escape(&check.rule),
            graph::status_word(check),
            escape(&check.explanation)
        );
    }
}

fn findings(out: &mut String, k: usize, file: &FileReport, quantities: &Quantities, links: &Links) {
    let _ = writeln!(out, "<h3>发现 {} 处问题</h3>", file.findings.len());
    if file.findings.is_empty() {
        out.push_str("<p class=\"none\">没有发现数字之间的矛盾。</p>\n");
        return;
    }
    out.push_str("<ol class=\"findings\">\n");
    for (n, f) in file.findings.iter().enumerate() {
        let (class, word) = severity_word(f.severity);
        let _ = write!(
            out,
            "<li class=\"finding {class}\" id=\"f{k}-{}\"><details><summary><span class=\"sev\">{word}</span> <span class=\"rule\">{}</span> <span class=\"where\">{}:{}</span> {}</summary><div id=\"f{k}-{}-work\">",
            n + 1,
            escape(&f.rule),
            f.line,
            f.column,
            escape(&f.message),
            n + 1
        );
        let chosen = &links.checks_of_finding[n];
        if chosen.is_empty() && !f.related.is_empty() {
            // no relation of the report to show: the finding's own notes
            out.push_str("<ul class=\"arith\">");
            for r in &f.related {
                let _ = write!(out, "<li>{}</li>", escape(&r.note));
            }
            out.push_str("</ul>");
        }
        arithmetic(out, file, quantities, chosen);
        out.push_str(&picture(file, quantities, links, chosen.clone()));
        out.push_str("</div></details></li>\n");
    }
    out.push_str("</ol>\n");
}

fn checks(out: &mut String, k: usize, file: &FileReport, quantities: &Quantities, links: &Links) {
    let _ = writeln!(out, "<h3>核对了 {} 处关系</h3>", file.checks.len());
    if file.checks.is_empty() {
        return;
    }
    out.push_str("<ol class=\"checks\">\n");
    for (c, check) in file.checks.iter().enumerate() {
        let mark = match check.status.as_str() {
            "consistent" if check.within_rounding => "≈",
            "consistent" => "✓",
            "derived" => "→",
            _ => "✗",
        };
        let _ = write!(
            out,
            "<li class=\"check {}\" id=\"c{k}-{}\"><details><summary><span class=\"mark\">{mark}</span> <span class=\"rule\">{} {}</span> {}</summary><div>",
            escape(&check.status),
            escape(&check.id),
            escape(&check.id),
            escape(&check.rule),
            escape(&check.explanation)
        );
        arithmetic(out, file, quantities, &[c]);
        out.push_str(&picture(file, quantities, links, vec![c]));
        out.push_str("</div></details></li>\n");
    }
    out.push_str("</ol>\n");
}
