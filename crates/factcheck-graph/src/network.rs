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
    /// Its checks narrow one another to a fixpoint (not where a figure may be rounded to its
    /// zeros).
    pub settles: bool,
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

/// Runs a node may make on average before narrowing stops (rounding noise never ends).
const RUNS_PER_NODE: usize = 24;

/// Rounds a reading's own checks narrow one another when it is tested alone.
const ROUNDS_PER_READING: usize = 8;

pub fn solve(nodes: &[Node], values: &mut Values) -> Outcome {
    let mut order: Vec<usize> = (0..nodes.len())
        .filter(|&n| !nodes[n].alternative)
        .collect();
    order.sort_by_key(|&n| (!nodes[n].defines, n));
    let mut scratch = Scratch::new(nodes.len(), values.values.len());
    solve_by_groups(nodes, &order, values, &mut scratch)
        .unwrap_or_else(|| solve_whole(nodes, &order, values, &mut scratch))
}

/// The story's network run whole: after each contradiction every value starts over.
fn solve_whole(
    nodes: &[Node],
    order: &[usize],
    values: &mut Values,
    scratch: &mut Scratch,
) -> Outcome {
    let mut outcome = Outcome::default();
    let every_value: Vec<VarId> = (0..values.values.len()).collect();
    let mut active: Vec<usize> = Vec::new();
    let mut settled = None;
    for tier in [Certainty::Bound, Certainty::Inferred, Certainty::Weak] {
        active.extend(
            order
                .iter()
                .copied()
                .filter(|&n| nodes[n].certainty == tier),
        );
        if !adds_nodes(settled, &active) {
            continue;
        }
        loop {
            let budget = active.len().saturating_mul(RUNS_PER_NODE).max(64);
            match propagate(nodes, &active, &every_value, budget, values, scratch) {
                Ok(_) => {
                    settled = Some(active.len());
                    break;
                }
                Err(n) => {
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
    outcome.definer = scratch.definer.clone();
    outcome
}

/// The network run group by group, where a group is the nodes linked by shared values: narrowing
/// never crosses from one group to another, so a contradiction restarts its own group only, and
/// each group goes through the same runs as in [`solve_whole`]. `None` when the whole run could
/// differ: a run cut short by its budget (counted over the whole story) or too many
/// contradictions (which ones are found first depends on the order over the whole story).
fn solve_by_groups(
    nodes: &[Node],
    order: &[usize],
    values: &mut Values,
    scratch: &mut Scratch,
) -> Option<Outcome> {
    values.reset();
    let mut outcome = Outcome::default();
    for (members, group_values) in groups(nodes, order, values.values.len()) {
        let mut active: Vec<usize> = Vec::new();
        let mut settled = None;
        for tier in [Certainty::Bound, Certainty::Inferred, Certainty::Weak] {
            active.extend(
                members
                    .iter()
                    .copied()
                    .filter(|&n| nodes[n].certainty == tier),
            );
            if !adds_nodes(settled, &active) {
                continue;
            }
            loop {
                // within this budget for every group, the whole run is never cut short either
                let budget = active.len() * RUNS_PER_NODE;
                match propagate(nodes, &active, &group_values, budget, values, scratch) {
                    Ok(runs) if runs > budget => return None,
                    Ok(_) => {
                        settled = Some(active.len());
                        break;
                    }
                    Err(n) => {
                        outcome.broken.push((n, tier));
                        active.retain(|&a| a != n);
                        if outcome.broken.len() >= MAX_BROKEN {
                            return None;
                        }
                    }
                }
            }
        }
    }
    outcome.definer = scratch.definer.clone();
    Some(outcome)
}

/// Does a tier bring nodes to those the last run settled with (`None`: no run yet)? A tier that
/// brings none would run the same nodes from the same printed values again, to the same end.
fn adds_nodes(settled: Option<usize>, active: &[usize]) -> bool {
    settled != Some(active.len())
}

/// The nodes of `order` in groups linked by the values they touch (each group's nodes in the order
/// of `order`), with the values each group touches.
fn groups(nodes: &[Node], order: &[usize], value_count: usize) -> Vec<(Vec<usize>, Vec<VarId>)> {
    let mut parent: Vec<VarId> = (0..value_count).collect();
    fn root(parent: &mut [VarId], mut v: VarId) -> VarId {
        while parent[v] != v {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        v
    }
    for &n in order {
        if let Some((&first, rest)) = nodes[n].touched.split_first() {
            for &v in rest {
                let (a, b) = (root(&mut parent, first), root(&mut parent, v));
                parent[b] = a;
            }
        }
    }
    let mut group_of_root: Vec<Option<usize>> = vec![None; value_count];
    let mut out: Vec<(Vec<usize>, Vec<VarId>)> = Vec::new();
    for &n in order {
        let group = match nodes[n].touched.first() {
            Some(&v) => {
                let r = root(&mut parent, v);
                *group_of_root[r].get_or_insert_with(|| {
                    out.push((Vec::new(), Vec::new()));
                    out.len() - 1
                })
            }
            None => {
                out.push((Vec::new(), Vec::new()));
                out.len() - 1
            }
        };
        out[group].0.push(n);
    }
    for v in 0..value_count {
        let r = root(&mut parent, v);
        if let Some(group) = group_of_root[r] {
            out[group].1.push(v);
        }
    }
    out
}

/// What a run of the network works in, kept between runs.
struct Scratch {
    /// For each value, the node that first narrowed it in the last run over it.
    definer: Vec<Option<usize>>,
    /// For each value, the active nodes that touch it.
    watchers: Vec<Vec<usize>>,
    queued: Vec<bool>,
    queue: VecDeque<usize>,
}

impl Scratch {
    fn new(node_count: usize, value_count: usize) -> Scratch {
        Scratch {
            definer: vec![None; value_count],
            watchers: vec![Vec::new(); value_count],
            queued: vec![false; node_count],
            queue: VecDeque::new(),
        }
    }
}

/// Narrows `over` (the values the active nodes touch, and maybe others) from the printed
/// intervals with the active nodes to a fixpoint, or until `budget` runs are made; the runs made
/// (one more than `budget` when cut short), or the node that broke.
fn propagate(
    nodes: &[Node],
    active: &[usize],
    over: &[VarId],
    budget: usize,
    values: &mut Values,
    scratch: &mut Scratch,
) -> Result<usize, usize> {
    let Scratch {
        definer,
        watchers,
        queued,
        queue,
    } = scratch;
    for &v in over {
        values.domains[v] = values.values[v].initial;
        definer[v] = None;
        watchers[v].clear();
    }
    for &n in active {
        for &v in &nodes[n].touched {
            watchers[v].push(n);
        }
    }
    queue.clear();
    queue.extend(active.iter().copied());
    for &n in active {
        queued[n] = true;
    }
    let mut runs = 0usize;
    let mut broke = None;
    'run: while let Some(n) = queue.pop_front() {
        queued[n] = false;
        runs += 1;
        if runs > budget {
            break;
        }
        for check in &nodes[n].checks {
            let Ok(changed) = hc4::narrow(check, &nodes[n].bindings, &mut values.domains) else {
                broke = Some(n);
                break 'run;
            };
            for v in changed {
                if definer[v].is_none() {
                    definer[v] = Some(n);
                }
                // (a node of several checks runs again too: `current − base = delta` narrows
                // what `current = base × (1 + rate)` was run with)
                for &w in &watchers[v] {
                    if !queued[w] && (w != n || (nodes[n].checks.len() > 1 && nodes[n].settles)) {
                        queued[w] = true;
                        queue.push_back(w);
                    }
                }
            }
        }
    }
    // the scratch is left clean for the next run
    for n in queue.drain(..) {
        queued[n] = false;
    }
    match broke {
        Some(n) => Err(n),
        None => Ok(runs),
    }
}

/// Does a reading hold with the values as the network left them?
pub fn holds(node: &Node, values: &Values) -> bool {
    let mut scratch = values.domains.clone();
    // its checks narrow one another, a few rounds at most (rounding noise never ends)
    for _ in 0..ROUNDS_PER_READING {
        let mut changed = false;
        for c in &node.checks {
            match hc4::narrow(c, &node.bindings, &mut scratch) {
                Ok(narrowed) => changed |= !narrowed.is_empty(),
                Err(_) => return false,
            }
        }
        if !changed || node.checks.len() < 2 || !node.settles {
            break;
        }
    }
    node.checks
        .iter()
        .all(|c| hc4::satisfiable(c, &node.bindings, &scratch))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hc4::Slot;
    use crate::vars::Value;
    use factcheck_claims::Var;
    use factcheck_interval::Interval;
    use factcheck_rules::expr::parse;
    use rust_decimal::Decimal;

    /// A story's values: printed figures (`Some`) and derived values (`None`, unbounded).
    fn values(figures: &[Option<i64>]) -> Values {
        let mut values = Values::default();
        for (k, figure) in figures.iter().enumerate() {
            let initial = figure.map_or(Interval::ALL, |x| Interval::point(Decimal::from(x)));
            values.values.push(Value {
                var: Var::Stated(k),
                initial,
                like: None,
                shown_scale: Decimal::ONE,
            });
            values.domains.push(initial);
        }
        values
    }

    /// `total = a + b` over the values given.
    fn node<'r>(check: &'r CheckExpr, claim: usize, total: VarId, a: VarId, b: VarId) -> Node<'r> {
        let bindings: Bindings = [("total", total), ("a", a), ("b", b)]
            .into_iter()
            .map(|(name, v)| (name.to_string(), Slot::One(v)))
            .collect();
        let checks = vec![check];
        Node {
            claim,
            touched: touched_by(&checks, &bindings),
            bindings,
            checks,
            certainty: Certainty::Bound,
            defines: false,
            alternative: false,
            settles: true,
        }
    }

    fn sorted_broken(outcome: &Outcome) -> Vec<(usize, Certainty)> {
        let mut broken = outcome.broken.clone();
        broken.sort_by_key(|&(n, _)| n);
        broken
    }

    #[test]
    fn groups_solved_apart_agree_with_the_whole_story() {
        let check = parse("total = a + b").expect("a check");
        // two groups, each with a sum that holds, one that derives a value and one that breaks
        let figures = [
            Some(10),
            Some(4),
            Some(6),
            None,
            Some(3),
            Some(9),
            Some(20),
            Some(7),
            None,
            Some(1),
            Some(2),
            Some(5),
        ];
        let nodes = vec![
            node(&check, 0, 0, 1, 2),
            node(&check, 1, 3, 1, 4),
            node(&check, 2, 6, 7, 8),
            node(&check, 3, 5, 3, 1),
            node(&check, 4, 0, 9, 10),
            node(&check, 5, 6, 8, 11),
        ];
        let order: Vec<usize> = (0..nodes.len()).collect();
        let mut apart = values(&figures);
        let mut scratch = Scratch::new(nodes.len(), figures.len());
        let by_groups =
            solve_by_groups(&nodes, &order, &mut apart, &mut scratch).expect("no fallback");
        let mut whole = values(&figures);
        let mut scratch = Scratch::new(nodes.len(), figures.len());
        let at_once = solve_whole(&nodes, &order, &mut whole, &mut scratch);
        assert_eq!(sorted_broken(&by_groups), sorted_broken(&at_once));
        assert!(!by_groups.broken.is_empty());
        assert_eq!(by_groups.definer, at_once.definer);
        assert_eq!(apart.domains, whole.domains);
    }

    #[test]
    fn too_many_contradictions_fall_back_to_the_whole_story() {
        let check = parse("total = a + b").expect("a check");
        let figures: Vec<Option<i64>> = (0..3 * (MAX_BROKEN + 1)).map(|_| Some(1)).collect();
        let nodes: Vec<Node> = (0..=MAX_BROKEN)
            .map(|k| node(&check, k, 3 * k, 3 * k + 1, 3 * k + 2))
            .collect();
        let order: Vec<usize> = (0..nodes.len()).collect();
        let mut apart = values(&figures);
        let mut scratch = Scratch::new(nodes.len(), figures.len());
        assert!(solve_by_groups(&nodes, &order, &mut apart, &mut scratch).is_none());
        let mut whole = values(&figures);
        assert_eq!(solve(&nodes, &mut whole).broken.len(), MAX_BROKEN);
    }
}
