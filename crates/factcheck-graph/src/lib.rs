//! The graph of related numbers, and the checker. Stated figures and derived values (the base a
//! growth implies, the whole a share implies) are value nodes; every reading of every claim is a
//! constraint node joined to the values it names. Constraints narrow the values' intervals to a
//! fixpoint (`network`), so a value one relation derives feeds every relation that names it; a
//! constraint that leaves a value with nothing is a contradiction — no reading of the printed
//! figures can satisfy it — and becomes a finding with the chain of arithmetic behind it.

mod calendar;
mod chain;
mod display;
mod dot;
mod explain;
mod hc4;
mod native;
mod network;
mod vars;

use factcheck_claims::{Binding, Certainty, Claim, Roles, Var};
use factcheck_frames::{Aspect, Frames};
use factcheck_interval::Interval;
use factcheck_numbers::Quantity;
use factcheck_rules::{RuleSet, Severity, Words};
use hc4::{Bindings, Slot};
use network::Node;
use std::ops::Range;
use vars::{Values, VarId};

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
    /// Every stated figure the check rests on, those behind its derived values included.
    pub quantities: Vec<usize>,
    pub status: Status,
    pub derived: Vec<Derived>,
    /// What was computed from what, in Chinese.
    pub explanation: String,
    pub finding: Option<Finding>,
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
    /// The value the other figures fix for the one pointed at (`67件`), when they do.
    pub expected: Option<String>,
}

/// What the checks need to know about the page.
pub struct Page<'a> {
    pub text: &'a str,
    pub quantities: &'a [Quantity],
    /// The printed text of each quantity (for magnitudes in messages).
    pub printed: &'a [String],
    pub frames: &'a Frames,
    pub words: &'a Words,
}

/// How the note of a sign word opens (fingerprints leave such notes out: a finding keeps its
/// fingerprint whether or not its words are shown).
pub const SIGN_WORD: &str = "方向词：";

/// The words that give a change, a rate or points their sign (`增长`, `下降`, `高于`): the
/// arithmetic reads them as a sign, so a contradiction may turn on the word, not the figure.
fn sign_words(quantities: &[usize], page: &Page) -> Vec<(Range<usize>, String)> {
    let mut words: Vec<(Range<usize>, String)> = quantities
        .iter()
        .filter_map(|&q| page.frames.frames.get(q))
        .filter(|f| matches!(f.aspect, Aspect::Rate | Aspect::Change | Aspect::Points))
        .filter_map(|f| f.word.clone())
        .map(|(span, word)| (span, format!("{SIGN_WORD}{word}")))
        .collect();
    words.sort_by_key(|(span, _)| span.start);
    words.dedup_by_key(|(span, _)| span.start);
    words
}

/// The graph of one page and the checks made on it.
pub struct Graph {
    pub checks: Vec<Check>,
    /// Per story: its values and constraint nodes, for the picture.
    stories: Vec<dot::Story>,
}

/// The severity a claim's certainty allows: a reading the copy does not bind surely gives a
/// warning at most, a weak one information at most.
fn capped(severity: Severity, certainty: Certainty) -> Severity {
    match certainty {
        Certainty::Bound => severity,
        Certainty::Inferred => severity.min(Severity::Warning),
        Certainty::Weak => severity.min(Severity::Info),
    }
}

impl Graph {
    /// Builds the graph of a page's claims and checks every relation, story by story.
    pub fn build(page: &Page, claims: &[Claim], rules: &RuleSet) -> Graph {
        Graph::build_as(page, claims, rules, true)
    }

    /// The checks of [`Graph::build`] without the graph kept for the picture (nothing to draw).
    pub fn checks(page: &Page, claims: &[Claim], rules: &RuleSet) -> Vec<Check> {
        Graph::build_as(page, claims, rules, false).checks
    }

    fn build_as(page: &Page, claims: &[Claim], rules: &RuleSet, picture: bool) -> Graph {
        let mut checks = Vec::new();
        let mut stories = Vec::new();
        let mut start = 0;
        while start < claims.len() {
            let article = claims[start].article;
            let end = claims[start..]
                .iter()
                .position(|c| c.article != article)
                .map_or(claims.len(), |k| start + k);
            let story = check_story(page, &claims[start..end], rules, &mut checks, picture);
            stories.extend(story);
            start = end;
        }
        Graph { checks, stories }
    }

    /// The graph in Graphviz DOT: figures, derived values and relations, contradictions red.
    pub fn dot(&self, page: &Page) -> String {
        dot::render(&self.stories, &self.checks, page)
    }
}

/// The bindings of one reading, or `None` when a figure it names is not a number.
fn bind(roles: &Roles, values: &mut Values, page: &Page) -> Option<Bindings> {
    let mut out = Bindings::new();
    for (name, binding) in roles {
        let slot = match binding {
            Binding::One(v) => Slot::One(values.id(v, page)?),
            Binding::Many(vs) => Slot::Many(
                vs.iter()
                    .map(|v| values.id(v, page))
                    .collect::<Option<Vec<_>>>()?,
            ),
            Binding::Word(..) => continue,
        };
        out.insert(name.clone(), slot);
    }
    Some(out)
}

fn check_story(
    page: &Page,
    claims: &[Claim],
    rules: &RuleSet,
    checks: &mut Vec<Check>,
    picture: bool,
) -> Option<dot::Story> {
    let mut values = Values::default();
    let mut nodes: Vec<Node> = Vec::new();
    // per claim: its rule, and its nodes (the first is the main reading)
    let mut claim_nodes: Vec<Option<(&factcheck_rules::Rule, Vec<usize>)>> = Vec::new();
    let mut natives: Vec<(usize, Check)> = Vec::new();
    for (c, claim) in claims.iter().enumerate() {
        let Some(rule) = rules.get(&claim.rule) else {
            claim_nodes.push(None);
            continue;
        };
        if rule.checks.is_empty() {
            if let Some(check) = native::evaluate(page, claim, rule) {
                natives.push((c, check));
            }
            claim_nodes.push(None);
            continue;
        }
        let readings: Vec<&Roles> = std::iter::once(&claim.roles)
            .chain(&claim.alternatives)
            .collect();
        let several = readings.len() > 1;
        let mut ids = Vec::new();
        for roles in readings {
            let Some(bindings) = bind(roles, &mut values, page) else {
                continue;
            };
            let applicable: Vec<&factcheck_rules::expr::CheckExpr> = rule
                .checks
                .iter()
                .filter(|check| hc4::bound(check, &bindings))
                .collect();
            if applicable.is_empty() {
                continue;
            }
            ids.push(nodes.len());
            let touched = network::touched_by(&applicable, &bindings);
            nodes.push(Node {
                claim: c,
                settles: !touched.iter().any(|&v| ends_in_zeros(&values, v, page)),
                touched,
                bindings,
                checks: applicable,
                certainty: claim.certainty,
                defines: !rule.derive.is_empty(),
                // (a relation only tested narrows nothing, like one reading among several)
                alternative: several || !rule.narrows,
            });
        }
        claim_nodes.push((!ids.is_empty()).then_some((rule, ids)));
    }
    let outcome = network::solve(&nodes, &mut values);
    let uses = uses_of_values(&nodes, &values, &outcome);
    let mut story_checks = Vec::new();
    for (c, claim) in claims.iter().enumerate() {
        if let Some((_, check)) = natives.iter().find(|(n, _)| *n == c) {
            story_checks.push((c, check.clone()));
            continue;
        }
        let Some((rule, ids)) = &claim_nodes[c] else {
            continue;
        };
        let check = claim_check(page, claim, rule, ids, &nodes, &values, &outcome, &uses);
        story_checks.push((c, check));
    }
    let mut claim_checks = Vec::new();
    for (c, check) in story_checks {
        claim_checks.push((c, checks.len()));
        checks.push(check);
    }
    picture.then(|| dot::Story::new(values, &nodes, claims, &claim_checks))
}

/// For each value, how many checks of the readings that stand (not alternatives, not broken)
/// use it: counted once per story rather than per claim.
fn uses_of_values(nodes: &[Node], values: &Values, outcome: &network::Outcome) -> Vec<usize> {
    let broken: std::collections::HashSet<usize> = outcome.broken.iter().map(|(b, _)| *b).collect();
    let mut uses = vec![0usize; values.values.len()];
    for (n, node) in nodes.iter().enumerate() {
        if node.alternative || broken.contains(&n) {
            continue;
        }
        for c in &node.checks {
            for v in hc4::touched(c, &node.bindings) {
                if let Some(count) = uses.get_mut(v) {
                    *count += 1;
                }
            }
        }
    }
    uses
}

/// The check of one arithmetic claim after the network has run.
#[allow(clippy::too_many_arguments)]
fn claim_check(
    page: &Page,
    claim: &Claim,
    rule: &factcheck_rules::Rule,
    ids: &[usize],
    nodes: &[Node],
    values: &Values,
    outcome: &network::Outcome,
    uses: &[usize],
) -> Check {
    let main = ids[0];
    let broken_in = |n: usize| {
        outcome
            .broken
            .iter()
            .find(|(b, _)| *b == n)
            .map(|(_, t)| *t)
    };
    // a claim of several readings holds when any does; one reading narrowed with the rest
    let (holding, broken_tier) = if nodes[main].alternative {
        match ids
            .iter()
            .copied()
            .find(|&n| network::holds(&nodes[n], values))
        {
            Some(n) => (n, None),
            None => (main, Some(claim.certainty)),
        }
    } else {
        (main, broken_in(main))
    };
    let node = &nodes[holding];
    let quantities = rested_on(holding, nodes, values, outcome);
    let derived_vars: Vec<VarId> = node
        .touched
        .iter()
        .copied()
        .filter(|&v| values.values[v].is_derived())
        .collect();
    let derived: Vec<Derived> = derived_vars
        .iter()
        .map(|&v| {
            let value = &values.values[v];
            Derived {
                label: explain::name_of(v, values, page),
                interval: values.domains[v].scale(value.shown_scale),
                estimate: None,
                display: explain::show(&values.domains[v], value.like, page),
            }
        })
        .collect();
    if let Some(tier) = broken_tier {
        // the check that fails with the values as the rest of the story leaves them
        let failing = node
            .checks
            .iter()
            .find(|c| !hc4::satisfiable(c, &node.bindings, &values.domains))
            .or(node.checks.first())
            .copied();
        // the values this claim alone derives (no other claim defines them)
        let own: Vec<VarId> = derived_vars
            .iter()
            .copied()
            .filter(|&v| uses.get(v).copied().unwrap_or(0) < 2)
            .filter(|&v| {
                outcome
                    .definer
                    .get(v)
                    .copied()
                    .flatten()
                    .is_none_or(|d| d == holding)
            })
            .collect();
        let mut computation = match failing {
            Some(failing) => own_values_then_failing(node, failing, values, &own, page),
            None => String::new(),
        };
        for &v in &derived_vars {
            if let Some(definer) = outcome.definer.get(v).copied().flatten() {
                if definer != holding {
                    let d = &nodes[definer];
                    if let Some(c) = d.checks.first() {
                        computation.push_str(&format!(
                            "（{}）",
                            explain::derivation(v, c, &d.bindings, values, page)
                        ));
                    }
                }
            }
        }
        let message = explain::render_template(rule, claim, page, &computation);
        let severity = capped(rule.severity, tier.min(claim.certainty));
        let primary = primary_of(rule, claim, &quantities, page);
        let expected =
            failing.and_then(|c| expected_value(c, rule, claim, &node.bindings, values, page));
        let mut related: Vec<(Range<usize>, String)> = quantities
            .iter()
            .filter(|&&q| page.quantities[q].span != primary)
            .map(|&q| {
                (
                    page.quantities[q].span.clone(),
                    format!(
                        "相关数字：{}",
                        page.printed.get(q).cloned().unwrap_or_default()
                    ),
                )
            })
            .collect();
        for binding in claim.roles.values() {
            if let Binding::One(Var::Literal { span, text, .. }) = binding {
                related.push((span.clone(), text.clone()));
            }
        }
        related.extend(sign_words(&quantities, page));
        return Check {
            rule: rule.id.clone(),
            relation: rule.relation.name().to_string(),
            quantities,
            status: Status::Contradiction,
            derived,
            explanation: message.clone(),
            finding: Some(Finding {
                rule: rule.id.clone(),
                severity,
                message,
                primary,
                related,
                expected,
            }),
        };
    }
    // derived when some value it names is fixed by this reading alone
    let free = derived_vars
        .iter()
        .any(|&v| uses.get(v).copied().unwrap_or(0) < 2);
    let explanation = if free {
        derived_vars
            .iter()
            .filter_map(|&v| {
                node.checks
                    .iter()
                    .find(|c| hc4::touched(c, &node.bindings).contains(&v))
                    .map(|c| explain::derivation(v, c, &node.bindings, values, page))
            })
            .collect::<Vec<_>>()
            .join("；")
    } else {
        node.checks
            .iter()
            .map(|c| explain::check_text(c, &node.bindings, values, page, true))
            .collect::<Vec<_>>()
            .join("；")
    };
    let exact = quantities.iter().all(|&q| {
        let (lo, hi) = page.quantities[q].bounds();
        lo.is_some() && lo == hi
    });
    let relation = match rule.relation {
        // parts that add up to their total exactly are a sum, whether or not the copy says all
        // the parts are listed
        factcheck_rules::Relation::Subset if !free && adds_up(node, values) => "sum",
        other => other.name(),
    };
    Check {
        rule: rule.id.clone(),
        relation: relation.to_string(),
        quantities,
        status: if free {
            Status::Derived
        } else if exact {
            Status::Consistent
        } else {
            Status::ConsistentWithin
        },
        derived,
        explanation,
        finding: None,
    }
}

/// The failing check in words, with the values that this claim alone derives (a growth's base)
/// taken from its other checks first: `由120.5万吨−基期值 = 5.2万吨推得基期值为115.25万～115.35万
/// 吨；基期值×(1+8.5%) = …，而文中为120.5万吨`. Left as the network left them, such values are
/// empty after the contradiction and say nothing.
fn own_values_then_failing(
    node: &Node,
    failing: &factcheck_rules::expr::CheckExpr,
    values: &Values,
    own: &[VarId],
    page: &Page,
) -> String {
    if own.is_empty() {
        return explain::check_text(failing, &node.bindings, values, page, false);
    }
    let mut shown = values.clone();
    for &v in own {
        shown.domains[v] = shown.values[v].initial;
    }
    let mut steps = Vec::new();
    for &check in node.checks.iter().filter(|&&c| !std::ptr::eq(c, failing)) {
        let mut narrowed_domains = shown.domains.clone();
        let Ok(narrowed) = hc4::narrow(check, &node.bindings, &mut narrowed_domains) else {
            continue;
        };
        shown.domains = narrowed_domains;
        for v in narrowed.into_iter().filter(|v| own.contains(v)) {
            steps.push(explain::derivation(v, check, &node.bindings, &shown, page));
        }
    }
    if hc4::satisfiable(failing, &node.bindings, &shown.domains) {
        // the figures agree two by two and not all together: the chain of narrowings that ends in
        // nothing is the explanation (the printed 572 must be at least 572.02 for the base, …)
        if let Some(chain) = chain::to_conflict(node, &shown, page) {
            steps.extend(chain);
            return chain::shortened(steps).join("；");
        }
    }
    steps.push(explain::check_text(
        failing,
        &node.bindings,
        &shown,
        page,
        false,
    ));
    steps.join("；")
}

/// Would a `≥` check of a partial list also hold as `=` (the parts listed are all of it)?
fn adds_up(node: &Node, values: &Values) -> bool {
    node.checks.iter().all(|c| {
        if c.comparison == factcheck_rules::expr::Comparison::Eq {
            return true;
        }
        let equal = factcheck_rules::expr::CheckExpr {
            left: c.left.clone(),
            comparison: factcheck_rules::expr::Comparison::Eq,
            right: c.right.clone(),
        };
        // the sides must pin each other down: an equality that holds only because a side is
        // wide open says nothing
        let left = hc4::eval(&c.left, &node.bindings, &values.domains);
        let right = hc4::eval(&c.right, &node.bindings, &values.domains);
        left.lo.is_some()
            && left.hi.is_some()
            && right.lo.is_some()
            && right.hi.is_some()
            && hc4::satisfiable(&equal, &node.bindings, &values.domains)
    })
}

/// The stated figures a reading rests on: its own, and those behind the derived values it names.
fn rested_on(
    node: usize,
    nodes: &[Node],
    values: &Values,
    outcome: &network::Outcome,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut seen = vec![false; nodes.len()];
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if std::mem::replace(&mut seen[n], true) {
            continue;
        }
        for &v in &nodes[n].touched {
            match &values.values[v].var {
                Var::Stated(q) => {
                    if !out.contains(q) {
                        out.push(*q);
                    }
                }
                Var::Derived(_) => {
                    if let Some(Some(d)) = outcome.definer.get(v) {
                        stack.push(*d);
                    }
                }
                Var::Literal { .. } => {}
            }
        }
    }
    out
}

/// Where a finding points: the rule's `points_at` role, else the last stated figure.
/// `total = sum(parts)` broken at the total: what the parts say the total should be, when the
/// check is an equality with the figure pointed at alone on one side and printed figures only on
/// the other.
fn expected_value(
    check: &factcheck_rules::expr::CheckExpr,
    rule: &factcheck_rules::Rule,
    claim: &Claim,
    bindings: &hc4::Bindings,
    values: &vars::Values,
    page: &Page,
) -> Option<String> {
    use factcheck_rules::expr::{Comparison, Expr};
    if check.comparison != Comparison::Eq {
        return None;
    }
    let role = rule.points_at.as_deref()?;
    let q = claim.stated(role)?;
    let other = match (&check.left, &check.right) {
        (Expr::Var(name), other) | (other, Expr::Var(name)) if name == role => other,
        _ => return None,
    };
    // every value on the other side is printed (a derived one would make the answer circular)
    let printed_only = hc4::vars_of(other, bindings)
        .iter()
        .all(|&v| !values.values[v].is_derived());
    if !printed_only {
        return None;
    }
    // one printed figure against another: the other as printed (the body's 3.2万人)
    if let Expr::Var(name) = other {
        if let Some(Slot::One(v)) = bindings.get(name) {
            if let Some(printed) = values.values[*v].like.and_then(|p| page.printed.get(p)) {
                return Some(printed.clone());
            }
        }
    }
    let value = hc4::eval(other, bindings, &values.domains);
    Some(explain::show(&value, Some(q), page))
}

/// Is value `v` a printed whole number ending in zeros (`增加3000亿元`, `1200万人次`)? Copy
/// often rounds such a figure to its zeros, so the figures of a reading that holds one are only
/// held against each other check by check, never all together.
fn ends_in_zeros(values: &vars::Values, v: vars::VarId, page: &Page) -> bool {
    let Var::Stated(q) = values.values[v].var else {
        return false;
    };
    let printed = page.printed.get(q).map_or("", String::as_str);
    let digits: String = printed
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    !digits.contains('.') && digits.len() >= 3 && digits.ends_with("00")
}

fn primary_of(
    rule: &factcheck_rules::Rule,
    claim: &Claim,
    quantities: &[usize],
    page: &Page,
) -> Range<usize> {
    let chosen = rule
        .points_at
        .as_deref()
        .and_then(|role| claim.stated(role))
        .or_else(|| quantities.last().copied());
    chosen
        .and_then(|q| page.quantities.get(q))
        .map(|q| q.span.clone())
        .unwrap_or(claim.span.clone())
}
