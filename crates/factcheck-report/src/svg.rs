//! A picture of part of the graph as SVG, laid out here in three layers: the numbers printed in
//! the copy on the left, the relations checked between them in the middle, the values they derive
//! on the right. Within a layer, numbers are ordered by the mean place of their relations (one
//! barycentre pass), which keeps the lines from crossing for the small graphs drawn per finding.

use crate::graph::{Graph, NodeKind};
use std::fmt::Write;
use unicode_width::UnicodeWidthChar;

const ROW: f64 = 40.0;
const GAP: f64 = 56.0;
const PAD: f64 = 8.0;
const HEIGHT: f64 = 26.0;
const FONT: f64 = 13.0;

/// The drawn width of a label: Han characters a full em, others a little over half.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c.width().unwrap_or(0) {
            2 => FONT,
            0 => 0.0,
            _ => FONT * 0.6,
        })
        .sum()
}

pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn layer(kind: NodeKind) -> usize {
    match kind {
        NodeKind::Stated => 0,
        NodeKind::Relation => 1,
        NodeKind::Derived => 2,
    }
}

/// Where each node goes: (x of its left side, y of its centre, width).
struct Placed {
    x: f64,
    y: f64,
    w: f64,
}

pub fn render(graph: &Graph) -> String {
    if graph.nodes.is_empty() {
        return String::new();
    }
    // layers, relations in their order; the others by the mean place of their neighbours
    let mut layers: [Vec<usize>; 3] = Default::default();
    for (k, node) in graph.nodes.iter().enumerate() {
        layers[layer(node.kind)].push(k);
    }
    let mut rank = vec![0.0f64; graph.nodes.len()];
    for (i, &n) in layers[1].iter().enumerate() {
        rank[n] = i as f64;
    }
    for l in [0usize, 2] {
        let mut keyed: Vec<(f64, usize, usize)> = layers[l]
            .iter()
            .enumerate()
            .map(|(order, &n)| {
                let places: Vec<f64> = graph
                    .edges
                    .iter()
                    .filter_map(|&(a, b)| match (a == n, b == n) {
                        (true, _) => Some(rank[b]),
                        (_, true) => Some(rank[a]),
                        _ => None,
                    })
                    .collect();
                let mean = if places.is_empty() {
                    f64::MAX
                } else {
                    places.iter().sum::<f64>() / places.len() as f64
                };
                (mean, order, n)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        layers[l] = keyed.into_iter().map(|(_, _, n)| n).collect();
    }
    let widths: Vec<f64> = graph
        .nodes
        .iter()
        .map(|n| {
            text_width(&n.label)
                + 2.0 * PAD
                + if n.kind == NodeKind::Relation {
                    24.0
                } else {
                    0.0
                }
        })
        .collect();
    let column: Vec<f64> = layers
        .iter()
        .map(|l| l.iter().map(|&n| widths[n]).fold(0.0, f64::max))
        .collect();
    let rows = layers.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
    let height = rows * ROW + PAD;
    let mut placed: Vec<Placed> = (0..graph.nodes.len())
        .map(|_| Placed {
            x: 0.0,
            y: 0.0,
            w: 0.0,
        })
        .collect();
    let mut left = PAD;
    for (l, members) in layers.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let top = (height - members.len() as f64 * ROW) / 2.0;
        for (i, &n) in members.iter().enumerate() {
            placed[n] = Placed {
                x: left + (column[l] - widths[n]) / 2.0,
                y: top + (i as f64 + 0.5) * ROW,
                w: widths[n],
            };
        }
        left += column[l] + GAP;
    }
    let width = left - GAP + PAD;
    let mut out = format!(
        "<svg class=\"graph\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\">"
    );
    for &(a, b) in &graph.edges {
        let (pa, pb) = (&placed[a], &placed[b]);
        let (x1, y1, x2, y2) = (pa.x + pa.w, pa.y, pb.x, pb.y);
        let bad = graph.nodes[a].contradiction && graph.nodes[b].contradiction;
        let class = if bad { "edge bad" } else { "edge" };
        let _ = write!(
            out,
            "<path class=\"{class}\" d=\"M{x1:.1},{y1:.1} C{:.1},{y1:.1} {:.1},{y2:.1} {x2:.1},{y2:.1}\"/>",
            x1 + GAP / 2.0,
            x2 - GAP / 2.0
        );
        // the arrowhead
        let _ = write!(
            out,
            "<path class=\"{class} head\" d=\"M{x2:.1},{y2:.1} l-7,-4 l0,8 z\"/>"
        );
    }
    for (n, node) in graph.nodes.iter().enumerate() {
        let p = &placed[n];
        let kind = match node.kind {
            NodeKind::Stated => "stated",
            NodeKind::Relation => "relation",
            NodeKind::Derived => "derived",
        };
        let bad = if node.contradiction { " bad" } else { "" };
        let _ = write!(
            out,
            "<g class=\"node {kind}{bad}\"><title>{}</title>",
            escape(&node.detail)
        );
        let (x, y, w, h) = (p.x, p.y - HEIGHT / 2.0, p.w, HEIGHT);
        match node.kind {
            NodeKind::Stated => {
                let _ = write!(
                    out,
                    "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" rx=\"4\"/>"
                );
            }
            NodeKind::Relation => {
                let _ = write!(
                    out,
                    "<polygon points=\"{:.1},{:.1} {:.1},{y:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\"/>",
                    x,
                    p.y,
                    x + 12.0,
                    x + w - 12.0,
                    x + w,
                    p.y,
                    x + w - 12.0,
                    y + h,
                    x + 12.0,
                    y + h
                );
            }
            NodeKind::Derived => {
                let _ = write!(
                    out,
                    "<ellipse cx=\"{:.1}\" cy=\"{:.1}\" rx=\"{:.1}\" ry=\"{:.1}\"/>",
                    x + w / 2.0,
                    p.y,
                    w / 2.0,
                    h / 2.0
                );
            }
        }
        let _ = write!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
            x + w / 2.0,
            p.y + FONT * 0.35,
            escape(&node.label)
        );
    }
    out.push_str("</svg>");
    out
}
