//! Graphviz DOT: one graph for the whole run, a cluster per file holding its numbers (boxes), the
//! relations checked between them (diamonds) and the values they derive (ellipses), labelled in
//! Chinese as the copy prints them; contradictions in red.

use crate::graph::{self, NodeKind};
use crate::model::Report;
use std::fmt::Write;

/// A DOT string literal.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn render(report: &Report) -> String {
    let mut out = String::from(
        "digraph factcheck {\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n  edge [fontname=\"Noto Sans CJK SC\"];\n",
    );
    for (k, file) in report.files.iter().enumerate() {
        let g = graph::of_file(file);
        let _ = writeln!(out, "  subgraph cluster_{k} {{");
        let label = match &file.error {
            Some(e) => format!("{}（无法读取：{}）", file.path, e.message),
            None => file.path.clone(),
        };
        let _ = writeln!(out, "    label={};", quoted(&label));
        for (n, node) in g.nodes.iter().enumerate() {
            let shape = match node.kind {
                NodeKind::Stated => "box",
                NodeKind::Relation => "diamond",
                NodeKind::Derived => "ellipse",
            };
            let color = if node.contradiction {
                ", color=red, fontcolor=red"
            } else {
                ""
            };
            let label = match node.kind {
                NodeKind::Relation => node.label.replace(" · ", "\n"),
                _ => node.label.clone(),
            };
            let _ = writeln!(
                out,
                "    f{k}_n{n} [label={}, tooltip={}, shape={shape}{color}];",
                quoted(&label),
                quoted(&node.detail)
            );
        }
        for &(a, b) in &g.edges {
            let red = g.nodes[a].contradiction && g.nodes[b].contradiction;
            let _ = writeln!(
                out,
                "    f{k}_n{a} -> f{k}_n{b}{};",
                if red { " [color=red]" } else { "" }
            );
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}
