//! The graph of related numbers. Nodes are the quantities the copy states and the values the
//! relations derive from them (the 2023 base implied by 18.47亿 at +22.4%); each relation is a node
//! joined to its participants by role-labelled edges. Every relation is checked with interval
//! arithmetic: it holds, holds only through rounding or qualifiers, or no reading of the printed
//! figures can satisfy it (a contradiction, which becomes a finding).

mod calendar;
mod display;
mod eval;
mod propagate;

use factcheck_claims::Claim;
use factcheck_interval::Interval;
use factcheck_numbers::Quantity;
use factcheck_rules::{RuleSet, Severity};
use petgraph::graph::{DiGraph, NodeIndex};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Holds with the figures as printed.
    Consistent,
    /// Holds only within the rounding of the printed figures or their qualifiers.
    ConsistentWithin,
    /// No reading of the printed figures satisfies it.
    Contradiction,
    /// Nothing to contradict: values were derived (a base, a whole, a remainder).
    Derived,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Consistent | Status::ConsistentWithin => "consistent",
            Status::Contradiction => "contradiction",
            Status::Derived => "derived",
        }
    }
}

/// A value computed from stated ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    pub label: String,
    pub interval: Interval,
    /// The value computed from the figures as printed, when that is one number.
    pub estimate: Option<rust_decimal::Decimal>,
    /// The value as the editor reads it (`15.09亿元`).
    pub display: String,
}

/// One relation examined.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub rule: String,
    pub relation: String,
    pub quantities: Vec<usize>,
    pub status: Status,
    pub derived: Vec<Derived>,
    /// What was computed from what, in Chinese.
    pub explanation: String,
    pub finding: Option<Finding>,
}

impl Check {
    /// A relation that holds (or only derives values): no finding.
    pub fn holds(
        rule: &str,
        relation: &str,
        quantities: Vec<usize>,
        status: Status,
        explanation: String,
    ) -> Check {
        Check {
            rule: rule.into(),
            relation: relation.into(),
            quantities,
            status,
            derived: vec![],
            explanation,
            finding: None,
        }
    }

    /// A relation no reading satisfies, with its finding.
    pub fn broken(rule: &str, relation: &str, quantities: Vec<usize>, finding: Finding) -> Check {
        let explanation = finding.message.clone();
        Check {
            rule: rule.into(),
            relation: relation.into(),
            quantities,
            status: Status::Contradiction,
            derived: vec![],
            explanation,
            finding: Some(finding),
        }
    }
}

/// A contradiction (or a doubt) to show the editor.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The quantity most likely wrong (or the total).
    pub primary: Range<usize>,
    pub related: Vec<(Range<usize>, String)>,
}

#[derive(Debug, Clone)]
pub enum Node {
    Stated(usize),
    Derived(Derived),
    Relation { check: usize },
}

/// The graph of one page and the checks made on it.
pub struct Graph {
    pub graph: DiGraph<Node, String>,
    pub checks: Vec<Check>,
}

/// What the checks need to know about the page.
pub struct Page<'a> {
    pub text: &'a str,
    pub quantities: &'a [Quantity],
    /// The printed text of each quantity (for magnitudes in messages).
    pub printed: &'a [String],
    /// The stories of the page (ranges of the normalised text).
    pub articles: &'a [Range<usize>],
    /// What each quantity measures, as the copy names it.
    pub labels: &'a factcheck_claims::Labels,
}

impl Page<'_> {
    /// Indices of the quantities inside a range of the text (they are in text order).
    pub fn quantities_in(&self, range: &Range<usize>) -> Range<usize> {
        let first = self
            .quantities
            .partition_point(|q| q.span.start < range.start);
        let last = self
            .quantities
            .partition_point(|q| q.span.start < range.end);
        first..last
    }
}

impl Graph {
    /// Builds the graph of a page's claims and checks every relation.
    pub fn build(page: &Page, claims: &[Claim], rules: &RuleSet) -> Graph {
        let mut graph = DiGraph::new();
        let stated: Vec<NodeIndex> = (0..page.quantities.len())
            .map(|q| graph.add_node(Node::Stated(q)))
            .collect();
        let mut checks = Vec::new();
        for claim in claims {
            let rule = rules.get(&claim.rule);
            for check in eval::evaluate(page, claim, claims, rule) {
                let relation = graph.add_node(Node::Relation {
                    check: checks.len(),
                });
                for (role, value) in &claim.roles {
                    let members: Vec<usize> = match value {
                        factcheck_claims::Role::One(q) => vec![*q],
                        factcheck_claims::Role::Many(qs) => qs.clone(),
                        _ => Vec::new(),
                    };
                    for q in members.into_iter().filter(|q| check.quantities.contains(q)) {
                        graph.add_edge(stated[q], relation, role.clone());
                    }
                }
                for derived in &check.derived {
                    let node = graph.add_node(Node::Derived(derived.clone()));
                    graph.add_edge(relation, node, "derives".to_string());
                }
                checks.push(check);
            }
        }
        eval::whole_counts(page, &mut checks);
        propagate::restated_rates(page, claims, &mut checks);
        propagate::bases_against_stated(page, claims, &mut checks);
        propagate::bases_of_parts(page, claims, &mut checks);
        Graph { graph, checks }
    }

    /// The graph in Graphviz DOT.
    pub fn dot(&self, page: &Page) -> String {
        let mut out = String::from(
            "digraph factcheck {\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n",
        );
        for index in self.graph.node_indices() {
            let (label, shape) = match &self.graph[index] {
                Node::Stated(q) => (page.printed.get(*q).cloned().unwrap_or_default(), "box"),
                Node::Derived(d) => (format!("{}\\n{}", d.label, d.display), "ellipse"),
                Node::Relation { check } => {
                    let c = &self.checks[*check];
                    (format!("{}\\n{}", c.relation, c.status.name()), "diamond")
                }
            };
            if matches!(self.graph[index], Node::Stated(_))
                && self.graph.neighbors_undirected(index).next().is_none()
            {
                continue;
            }
            out.push_str(&format!(
                "  n{} [label=\"{}\", shape={}];\n",
                index.index(),
                label.replace('"', "'"),
                shape
            ));
        }
        for edge in self.graph.edge_indices() {
            if let Some((a, b)) = self.graph.edge_endpoints(edge) {
                out.push_str(&format!(
                    "  n{} -> n{} [label=\"{}\"];\n",
                    a.index(),
                    b.index(),
                    self.graph[edge]
                ));
            }
        }
        out.push_str("}\n");
        out
    }
}
