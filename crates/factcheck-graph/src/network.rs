//! The constraint network of one story: every reading of every arithmetic claim is a constraint
//! node over the values it names; narrowing runs to a fixpoint so that a value one relation derives
//! (a base, a whole) feeds every other relation that names it. Readings the copy binds surely go
//! in first; then inferred ones; then weak ones. A constraint that leaves some value with nothing
//! is broken (a contradiction) and taken out, and the rest narrow again without it. A claim with
//! several readings never narrows anything: it holds if any reading is possible.

use crate::hc4::{self, Bindings};
use crate::vars::{Values, VarId};
use factcheck_claims::Certainty;
use factcheck_rules::expr::CheckExpr;
use std::collections::VecDeque;

/// One reading's arithmetic.
#[derive(Debug, Clone)]
pub struct Node<'r> {
    pub claim: usize,
    pub bindings: Bindings,
    pub checks: Vec<&'r CheckExpr>,
    pub certainty: Certainty,
    /// Narrows before the others (it defines values: a base, a whole).
    pub defines: bool,
    /// A reading among others of its claim: it is only tested, never narrows.
    pub alternative: bool,
    /// The values its checks touch, in order (see [`touched_by`]).
    pub touched: Vec<VarId>,
}

/// The values some of `checks` touch, in order: worked out once per node, not at every run of
/// the network.
pub fn touched_by(checks: &[&CheckExpr], bindings: &Bindings) -> Vec<VarId> {
    let mut out: Vec<VarId> = checks
        .iter()
        .flat_map(|c| hc4::touched(c, bindings))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What the network concluded.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Nodes found broken, with the certainty of the tier in which they broke.
    pub broken: Vec<(usize, Certainty)>,
    /// For each value, the node that first narrowed it in the final run (what derived it).
    pub definer: Vec<Option<usize>>,
}

/// Most restarts after a contradiction in one story; more contradictions than this are not
/// looked for (the story is beyond checking figure by figure).
const MAX_BROKEN: usize = 64;

pub fn solve(nodes: &[Node], values: &mut Values) -> Outcome {
    let mut outcome = Outcome::default();
    let mut active: Vec<usize> = Vec::new();
    let mut broken = vec![false; nodes.len()];
    let mut order: Vec<usize> = (0..nodes.len())
        .filter(|&n| !nodes[n].alternative)
        .collect();
    order.sort_by_key(|&n| (!nodes[n].defines, n));
    for tier in [Certainty::Bound, Certainty::Inferred, Certainty::Weak] {
        active.extend(
            order
                .iter()
                .copied()
                .filter(|&n| nodes[n].certainty == tier),
        );
        loop {
            match propagate(nodes, &active, values) {
                Ok(definer) => {
                    outcome.definer = definer;
                    break;
                }
                Err(n) => {
                    broken[n] = true;
                    outcome.broken.push((n, tier));
                    active.retain(|&a| a != n);
                    if outcome.broken.len() >= MAX_BROKEN {
                        values.reset();
                        outcome.definer = vec![None; values.values.len()];
                        return outcome;
                    }
                }
            }
        }
    }
    outcome
}

/// Narrows from the printed intervals with the active nodes to a fixpoint; the node that broke
/// if one did.
fn propagate(
    nodes: &[Node],
    active: &[usize],
    values: &mut Values,
) -> Result<Vec<Option<usize>>, usize> {
    values.reset();
    let mut definer: Vec<Option<usize>> = vec![None; values.values.len()];
    let mut watchers: Vec<Vec<usize>> = vec![Vec::new(); values.values.len()];
    for &n in active {
        for &v in &nodes[n].touched {
            watchers[v].push(n);
        }
    }
    let mut queue: VecDeque<usize> = active.iter().copied().collect();
    let mut queued = vec![false; nodes.len()];
    for &n in active {
        queued[n] = true;
    }
    // each node may run a bounded number of times: narrowing by rounding noise never ends
    let budget = active.len().saturating_mul(24).max(64);
    let mut runs = 0usize;
    while let Some(n) = queue.pop_front() {
        queued[n] = false;
        runs += 1;
        if runs > budget {
            break;
        }
        for check in &nodes[n].checks {
            let changed =
                hc4::narrow(check, &nodes[n].bindings, &mut values.domains).map_err(|_| n)?;
            for v in changed {
                if definer[v].is_none() {
                    definer[v] = Some(n);
                }
                for &w in &watchers[v] {
                    if w != n && !queued[w] {
                        queued[w] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
    }
    Ok(definer)
}

/// Does a reading hold with the values as the network left them?
pub fn holds(node: &Node, values: &Values) -> bool {
    let mut scratch = values.domains.clone();
    node.checks
        .iter()
        .all(|c| hc4::narrow(c, &node.bindings, &mut scratch).is_ok())
        && node
            .checks
            .iter()
            .all(|c| hc4::satisfiable(c, &node.bindings, &scratch))
}
