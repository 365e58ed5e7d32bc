//! The graph of related numbers, rebuilt from the report alone (so it is the same whatever engine
//! produced the report): stated quantities, the relations checked between them, and the values
//! derived by each relation. The DOT and HTML formats draw it.

use crate::model::{CheckRecord, FileReport, FindingRecord, QuantityRecord};
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A number printed in the copy.
    Stated,
    /// A relation checked between numbers (a check of the report).
    Relation,
    /// A value computed by a relation.
    Derived,
}

#[derive(Debug, Clone)]
pub struct Node {
    /// Unique within the file: the quantity's or check's id, `c2.d1` for a derived value.
    pub id: String,
    pub kind: NodeKind,
    /// What the picture prints (`63件`, `分项之和 · 矛盾`, `基期值 ≈15.09亿元`).
    pub label: String,
    /// A longer description, for a tooltip.
    pub detail: String,
    /// A relation found contradicted, or a number taking part in one.
    pub contradiction: bool,
}

/// Edges run from a stated number to a relation and from a relation to what it derives.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<(usize, usize)>,
}

/// The status of a check in the editor's words.
pub fn status_word(check: &CheckRecord) -> &'static str {
    match check.status.as_str() {
        "consistent" if check.within_rounding => "四舍五入后相符",
        "consistent" => "相符",
        "derived" => "推算",
        _ => "矛盾",
    }
}

/// A relation kind in the editor's words (`sum` → 分项之和); an unknown kind as it is.
pub fn relation_word(relation: &str) -> &str {
    match relation {
        "sum" => "分项之和",
        "subset" => "部分与整体",
        "growth" => "增长",
        "share" => "占比",
        "change" => "变化",
        "difference" => "差额",
        "multiple" => "倍数",
        "span" => "起止与天数",
        "weekday" => "日期与星期",
        "respectively" => "分别",
        "bounds" => "取值范围",
        "expression" => "算式",
        other => other,
    }
}

fn is_contradiction(check: &CheckRecord) -> bool {
    check.status == "contradiction"
}

/// The interval of a quantity as the editor reads it: `[1846500000, 1847500000]`, or nothing for
/// an exact figure.
pub fn interval(lower: Option<&str>, upper: Option<&str>) -> Option<String> {
    match (lower, upper) {
        (Some(l), Some(u)) if l == u => None,
        (l, u) => Some(format!("[{}, {}]", l.unwrap_or("-∞"), u.unwrap_or("+∞"))),
    }
}

/// What a quantity is, in one line: `18.47亿元 = 1847000000 元 [1846500000, 1847500000] money（全市技术合同交易额）`.
pub fn describe(q: &QuantityRecord) -> String {
    let mut text = format!("{} = {}", q.text, q.value);
    if !q.unit.is_empty() {
        text.push(' ');
        text.push_str(&q.unit);
    }
    if let Some(i) = interval(q.lower.as_deref(), q.upper.as_deref()) {
        text.push(' ');
        text.push_str(&i);
    }
    text.push(' ');
    text.push_str(&q.kind);
    if q.qualifier != "exact" {
        text.push_str(&format!(" {}", q.qualifier));
    }
    if let Some(m) = &q.metric {
        text.push_str(&format!("（{m}）"));
    }
    text
}

/// A file's quantities by id.
pub type Quantities<'a> = HashMap<&'a str, &'a QuantityRecord>;

pub fn quantities(file: &FileReport) -> Quantities<'_> {
    file.quantities.iter().map(|q| (q.id.as_str(), q)).collect()
}

/// The part of a file's graph made of the given checks (indexes into `file.checks`).
pub fn of_checks(file: &FileReport, checks: &[usize]) -> Graph {
    of_checks_in(file, &quantities(file), checks)
}

/// `of_checks` with the file's quantities already indexed.
pub fn of_checks_in(file: &FileReport, quantities: &Quantities, checks: &[usize]) -> Graph {
    let mut graph = Graph::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut add = |graph: &mut Graph, node: Node| -> usize {
        if let Some(&k) = index.get(&node.id) {
            if node.contradiction {
                graph.nodes[k].contradiction = true;
            }
            return k;
        }
        index.insert(node.id.clone(), graph.nodes.len());
        graph.nodes.push(node);
        graph.nodes.len() - 1
    };
    for &c in checks {
        let Some(check) = file.checks.get(c) else {
            continue;
        };
        let bad = is_contradiction(check);
        let relation = add(
            &mut graph,
            Node {
                id: check.id.clone(),
                kind: NodeKind::Relation,
                label: format!(
                    "{} · {}",
                    relation_word(&check.relation),
                    status_word(check)
                ),
                detail: format!("{} {}: {}", check.id, check.rule, check.explanation),
                contradiction: bad,
            },
        );
        for id in &check.quantities {
            let (label, detail) = match quantities.get(id.as_str()) {
                Some(q) => (q.text.clone(), describe(q)),
                None => (id.clone(), id.clone()),
            };
            let stated = add(
                &mut graph,
                Node {
                    id: id.clone(),
                    kind: NodeKind::Stated,
                    label,
                    detail,
                    contradiction: bad,
                },
            );
            graph.edges.push((stated, relation));
        }
        for (k, d) in check.derived.iter().enumerate() {
            let derived = add(
                &mut graph,
                Node {
                    id: format!("{}.d{}", check.id, k + 1),
                    kind: NodeKind::Derived,
                    // the value without its bounds (`≈15.0899亿元`); they are in the detail
                    label: format!(
                        "{} {}",
                        d.label,
                        d.display.split('（').next().unwrap_or(&d.display)
                    ),
                    detail: format!(
                        "{} {} = {}{}",
                        d.label,
                        d.display,
                        d.value,
                        interval(d.lower.as_deref(), d.upper.as_deref())
                            .map(|i| format!(" {i}"))
                            .unwrap_or_default()
                    ),
                    contradiction: false,
                },
            );
            graph.edges.push((relation, derived));
        }
    }
    graph
}

/// The whole graph of a file: every check.
pub fn of_file(file: &FileReport) -> Graph {
    let all: Vec<usize> = (0..file.checks.len()).collect();
    of_checks(file, &all)
}

/// Links findings to the checks they come from, using only the report: a check of the finding's
/// rule among whose numbers is the one the finding points at (else one of its related numbers).
pub struct Links {
    /// Per finding, indexes into `file.checks`.
    pub checks_of_finding: Vec<Vec<usize>>,
    /// Per check, the checks sharing a number with it.
    pub neighbours: Vec<Vec<usize>>,
}

impl Links {
    pub fn new(file: &FileReport) -> Links {
        let at: HashMap<usize, &str> = file
            .quantities
            .iter()
            .map(|q| (q.start, q.id.as_str()))
            .collect();
        let mut checks_with: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, c) in file.checks.iter().enumerate() {
            for q in &c.quantities {
                checks_with.entry(q.as_str()).or_default().push(k);
            }
        }
        let checks_of_finding = file
            .findings
            .iter()
            .map(|f| finding_checks(file, f, &at, &checks_with))
            .collect();
        let neighbours = file
            .checks
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let set: BTreeSet<usize> = c
                    .quantities
                    .iter()
                    .flat_map(|q| checks_with.get(q.as_str()).into_iter().flatten())
                    .copied()
                    .filter(|&j| j != k)
                    .collect();
                set.into_iter().collect()
            })
            .collect();
        Links {
            checks_of_finding,
            neighbours,
        }
    }
}

fn finding_checks(
    file: &FileReport,
    finding: &FindingRecord,
    at: &HashMap<usize, &str>,
    checks_with: &HashMap<&str, Vec<usize>>,
) -> Vec<usize> {
    let spans = std::iter::once(finding.start).chain(finding.related.iter().map(|r| r.start));
    let candidates: BTreeSet<usize> = spans
        .filter_map(|s| at.get(&s))
        .flat_map(|id| checks_with.get(id).into_iter().flatten())
        .copied()
        .collect();
    let same_rule: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&k| file.checks[k].rule == finding.rule)
        .collect();
    let bad: Vec<usize> = same_rule
        .iter()
        .copied()
        .filter(|&k| is_contradiction(&file.checks[k]))
        .collect();
    if !bad.is_empty() {
        bad
    } else {
        same_rule
    }
}
