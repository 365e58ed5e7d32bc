//! A contradiction of figures that agree two by two but not all together, explained: the checks
//! of one reading run on one another, each narrowing written out as the copy would show it, until
//! one check is left with nothing (`由572公斤−上期 = 7.6公斤推得上期为563.8～565公斤；…572公斤只能为
//! 572～572.5公斤；572公斤−上期 = 7.7～8.7公斤，不可能等于7.6公斤`).

use crate::explain;
use crate::hc4::{self, Bindings};
use crate::network::Node;
use crate::vars::{Values, VarId};
use crate::Page;
use factcheck_rules::expr::CheckExpr;
use std::collections::HashMap;

/// Most rounds of a chain run (rounding noise can narrow a little for ever).
const CHAIN_ROUNDS: usize = 32;

/// Most steps of a chain written out: its first steps and its last ones, the middle elided.
const CHAIN_SHOWN: usize = 5;

/// A long chain with its middle left out (each step narrows the same values a little more).
pub fn shortened(mut steps: Vec<String>) -> Vec<String> {
    if steps.len() <= CHAIN_SHOWN {
        return steps;
    }
    let last = steps.split_off(steps.len() - (CHAIN_SHOWN - 2));
    let elided = steps.len() - 2;
    steps.truncate(2);
    steps.push(format!("……（中间{elided}步从略）"));
    steps.extend(last);
    steps
}

/// The reading's checks run on one another until one cannot hold: the narrowings the failing
/// check rests on (each value as the copy would show it), then the check that fails. `None` when
/// none fails. (Run on a copy of the values: a chain that never ends changes nothing shown.)
pub fn to_conflict(node: &Node, values: &Values, page: &Page) -> Option<Vec<String>> {
    let shown = &mut values.clone();
    let show =
        |v: VarId, values: &Values| explain::show(&values.domains[v], values.values[v].like, page);
    let mut last_shown: HashMap<VarId, String> =
        node.touched.iter().map(|&v| (v, show(v, shown))).collect();
    // each run of a check that narrowed something: the check, the values it narrowed, and the
    // text as the values stood right after it
    let mut runs: Vec<NarrowingRun> = Vec::new();
    for _ in 0..CHAIN_ROUNDS {
        let mut changed = false;
        for &check in &node.checks {
            let mut narrowed_domains = shown.domains.clone();
            let Ok(narrowed) = hc4::narrow(check, &node.bindings, &mut narrowed_domains) else {
                let mut failing = explain::check_text(check, &node.bindings, shown, page, false);
                // the printed figures the chain left only part of their rounding, as they now are
                let kept: Vec<String> = hc4::touched(check, &node.bindings)
                    .into_iter()
                    .filter(|&v| !shown.values[v].is_derived())
                    .filter(|&v| shown.domains[v] != shown.values[v].initial)
                    .map(|v| explain::narrowed_phrase(v, shown, page))
                    .collect();
                if !kept.is_empty() {
                    failing.push_str(&format!("（{}）", kept.join("、")));
                }
                return Some(steps_needed(check, &node.bindings, runs, failing));
            };
            shown.domains = narrowed_domains;
            changed |= !narrowed.is_empty();
            let visible: Vec<VarId> = narrowed
                .into_iter()
                .filter(|&v| {
                    let now = show(v, shown);
                    last_shown.insert(v, now.clone()).as_ref() != Some(&now)
                })
                .collect();
            if !visible.is_empty() {
                let (start, phrases) =
                    explain::derivation_of_many(&visible, check, &node.bindings, shown, page);
                runs.push(NarrowingRun {
                    check,
                    narrowed: visible.into_iter().zip(phrases).collect(),
                    start,
                });
            }
        }
        if !changed {
            return None;
        }
    }
    None
}

/// One run of a check that narrowed values, worded as the values stood right after it.
struct NarrowingRun<'c> {
    check: &'c CheckExpr,
    /// Each value it narrowed, with its phrase (`基期值为…`).
    narrowed: Vec<(VarId, String)>,
    /// `由 … = … 推得`
    start: String,
}

/// The runs the failing check rests on, walked back from it: a run is kept, with the values a
/// later kept step (or the failing check) reads, when it narrowed any of them.
fn steps_needed(
    failing: &CheckExpr,
    bindings: &Bindings,
    runs: Vec<NarrowingRun>,
    failing_text: String,
) -> Vec<String> {
    let mut needed: Vec<VarId> = hc4::touched(failing, bindings);
    let mut kept = vec![failing_text];
    for run in runs.into_iter().rev() {
        let phrases: Vec<&str> = run
            .narrowed
            .iter()
            .filter(|(v, _)| needed.contains(v))
            .map(|(_, phrase)| phrase.as_str())
            .collect();
        if !phrases.is_empty() {
            kept.push(format!("{}{}", run.start, phrases.join("、")));
            needed.extend(hc4::touched(run.check, bindings));
        }
    }
    kept.reverse();
    kept
}
