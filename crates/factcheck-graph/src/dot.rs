//! The graph that was evaluated, kept as a petgraph graph: value nodes (figures, derived values,
//! numbers read from words) joined to the relation nodes that name them. Rendered in Graphviz
//! DOT: one cluster per story, figures as boxes, derived values as ellipses, relations as
//! diamonds; contradictions red.

use crate::network::Node;
use crate::vars::{Values, VarId};
use crate::{explain, Check, Page, Status};
use factcheck_claims::Var;
use petgraph::graph::{DiGraph, NodeIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Value(VarId),
    /// A relation: the index of its check.
    Relation(usize),
}

/// One story's evaluated graph.
pub struct Story {
    pub values: Values,
    /// Edges carry the role the value plays in the relation (total, parts, rate…).
    pub graph: DiGraph<Item, String>,
}

impl Story {
    /// The graph of a story: its values, and one relation node per claim with a check, joined to
    /// every value its readings name.
    pub fn new(
        values: Values,
        nodes: &[Node],
        claims: &[factcheck_claims::Claim],
        claim_checks: &[(usize, usize)],
    ) -> Story {
        let mut graph = DiGraph::new();
        let value_nodes: Vec<NodeIndex> = (0..values.values.len())
            .map(|v| graph.add_node(Item::Value(v)))
            .collect();
        for &(claim, check) in claim_checks {
            let relation = graph.add_node(Item::Relation(check));
            // the nodes are in the order of their claims
            let first = nodes.partition_point(|n| n.claim < claim);
            let mut touched: Vec<VarId> = nodes[first..]
                .iter()
                .take_while(|n| n.claim == claim)
                .flat_map(|n| n.touched.iter().copied())
                .collect();
            touched.sort_unstable();
            touched.dedup();
            for v in touched {
                let role = claims
                    .get(claim)
                    .map_or(String::new(), |c| role_of(c, v, &values));
                graph.add_edge(value_nodes[v], relation, role);
            }
        }
        Story { values, graph }
    }
}

/// The role a value plays in a claim's readings (`total`, `parts`…), empty when none names it.
fn role_of(claim: &factcheck_claims::Claim, v: VarId, values: &Values) -> String {
    use factcheck_claims::Binding;
    std::iter::once(&claim.roles)
        .chain(&claim.alternatives)
        .flat_map(|roles| roles.iter())
        .find(|(_, binding)| {
            let vars: &[Var] = match binding {
                Binding::One(var) => std::slice::from_ref(var),
                Binding::Many(vars) => vars,
                Binding::Word(..) => &[],
            };
            vars.iter().any(|var| values.find(var) == Some(v))
        })
        .map_or(String::new(), |(role, _)| role.clone())
}

fn quote(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

pub fn render(stories: &[Story], checks: &[Check], page: &Page) -> String {
    let mut out = String::from(
        "digraph factcheck {\n  rankdir=LR;\n  node [fontname=\"Noto Sans CJK SC\"];\n",
    );
    for (s, story) in stories.iter().enumerate() {
        out.push_str(&format!(
            "  subgraph cluster_{s} {{\n    label=\"story {}\";\n",
            s + 1
        ));
        for index in story.graph.node_indices() {
            // a figure no relation names is left out of the picture
            if story.graph.neighbors_undirected(index).next().is_none() {
                continue;
            }
            let id = format!("s{s}n{}", index.index());
            let line = match story.graph[index] {
                Item::Value(v) => {
                    let value = &story.values.values[v];
                    let name = explain::name_of(v, &story.values, page);
                    match value.var {
                        Var::Derived(_) => format!(
                            "{id} [label=\"{}\\n{}\", shape=ellipse];",
                            quote(&name),
                            quote(&explain::show(&story.values.domains[v], value.like, page))
                        ),
                        _ => format!("{id} [label=\"{}\", shape=box];", quote(&name)),
                    }
                }
                Item::Relation(k) => {
                    let c = &checks[k];
                    let color = if c.status == Status::Contradiction {
                        "red"
                    } else {
                        "black"
                    };
                    format!(
                        "{id} [label=\"{}\\n{}\", shape=diamond, color={color}, fontcolor={color}];",
                        quote(&c.rule),
                        c.status.name()
                    )
                }
            };
            out.push_str("    ");
            out.push_str(&line);
            out.push('\n');
        }
        for edge in story.graph.edge_indices() {
            if let Some((a, b)) = story.graph.edge_endpoints(edge) {
                let red = matches!(story.graph[b], Item::Relation(k) if checks[k].status == Status::Contradiction);
                let mut attributes = Vec::new();
                let role = &story.graph[edge];
                if !role.is_empty() {
                    attributes.push(format!("label=\"{}\"", quote(role)));
                }
                if red {
                    attributes.push("color=red".to_string());
                }
                let attributes = if attributes.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", attributes.join(", "))
                };
                out.push_str(&format!(
                    "    s{s}n{} -> s{s}n{}{attributes};\n",
                    a.index(),
                    b.index()
                ));
            }
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}
