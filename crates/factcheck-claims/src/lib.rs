//! Claims: the relations a story states between its numbers. Most are found by the structures
//! of the copy over the numbers' frames (a total and its parts, a figure and its rate, a share and
//! its whole — `finders`), the rest by the rule packs' patterns (`patterns`). A claim names its
//! figures by role, says how surely the copy binds them, and lists the other readings the copy
//! allows; the graph decides whether any reading holds.

mod distinct;
pub mod finders;
mod masked;
mod patterns;
mod sensible;
pub mod story;

use factcheck_frames::Frames;
use factcheck_numbers::Quantity;
use factcheck_rules::{Relation, RuleSet};
use factcheck_text::segment::Document;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::ops::Range;

pub use story::Story;

/// A value a role stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Var {
    /// A quantity the copy prints (its index on the page).
    Stated(usize),
    /// A value no figure states but the relations imply (a base, a whole): relations that name
    /// the same key share it.
    Derived(Derived),
    /// A number read from the words, not printed as a figure (the count of items listed).
    Literal {
        value: Decimal,
        span: Range<usize>,
        text: String,
    },
}

/// The identity of a derived value: what it is of, and which figure it is shown like.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Derived {
    /// Shared by every relation that means the same value (`base:17:2023年`).
    pub key: String,
    /// The figure whose magnitude and unit it is shown in.
    pub like: usize,
    /// What the editor calls it (`2023年技术合同交易额`), when the copy says.
    pub name: Option<String>,
    /// It cannot be negative (a base, a whole).
    pub nonnegative: bool,
}

/// What fills a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    One(Var),
    Many(Vec<Var>),
    /// A word the relation turns on (升至, 周一), with where it stands.
    Word(String, Range<usize>),
}

/// How surely the copy binds the figures of a reading: the syntax binds them all (an error may
/// follow), they are inferred from labels or the discourse (a warning at most), or the reading is
/// one of several weak ones (information at most).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Certainty {
    Weak,
    Inferred,
    Bound,
}

/// One way of reading a relation: its roles.
pub type Roles = BTreeMap<String, Binding>;

/// A relation the text states between some of its quantities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The rule that found it.
    pub rule: String,
    pub relation: Relation,
    pub article: usize,
    /// Byte range of the normalised text the claim was read from.
    pub span: Range<usize>,
    pub roles: Roles,
    pub certainty: Certainty,
    /// Other readings the copy allows (another whole, another base): the relation holds when any
    /// reading holds.
    pub alternatives: Vec<Roles>,
}

impl Claim {
    pub fn one(&self, role: &str) -> Option<&Var> {
        match self.roles.get(role) {
            Some(Binding::One(v)) => Some(v),
            _ => None,
        }
    }

    /// The stated quantity of a role.
    pub fn stated(&self, role: &str) -> Option<usize> {
        match self.one(role) {
            Some(Var::Stated(q)) => Some(*q),
            _ => None,
        }
    }

    pub fn many(&self, role: &str) -> Option<&[Var]> {
        match self.roles.get(role) {
            Some(Binding::Many(v)) => Some(v),
            _ => None,
        }
    }

    pub fn word(&self, role: &str) -> Option<(&str, Range<usize>)> {
        match self.roles.get(role) {
            Some(Binding::Word(w, span)) => Some((w.as_str(), span.clone())),
            _ => None,
        }
    }

    /// Every stated quantity the claim names (all readings), in role order, once each.
    pub fn quantities(&self) -> Vec<usize> {
        let mut out = distinct::Distinct::default();
        for roles in std::iter::once(&self.roles).chain(&self.alternatives) {
            for q in stated_in(roles) {
                out.insert(q);
            }
        }
        out.into_vec()
    }
}

/// The stated quantities of one reading.
/// Roles that each hold one stated figure (`[("total", q1), ("count", q2)]`).
pub fn stated_roles(pairs: &[(&str, usize)]) -> Roles {
    pairs
        .iter()
        .map(|&(role, q)| (role.to_string(), Binding::One(Var::Stated(q))))
        .collect()
}

pub fn stated_in(roles: &Roles) -> Vec<usize> {
    let mut out = distinct::Distinct::default();
    for binding in roles.values() {
        let vars: &[Var] = match binding {
            Binding::One(v) => std::slice::from_ref(v),
            Binding::Many(vs) => vs,
            Binding::Word(..) => &[],
        };
        for v in vars {
            if let Var::Stated(q) = v {
                out.insert(*q);
            }
        }
    }
    out.into_vec()
}

/// What the claims of a page are read from.
pub struct Page<'a> {
    pub text: &'a str,
    pub document: &'a Document,
    pub quantities: &'a [Quantity],
    pub frames: &'a Frames,
    pub rules: &'a RuleSet,
    /// The page's number of the first of `quantities` (0 unless they are one story's): what the
    /// rule patterns see in place of each figure.
    pub numbered_from: usize,
}

/// Finds every claim of a page, story by story.
pub fn find_claims(page: &Page) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    for (a, article) in page.document.articles.iter().enumerate() {
        let story = Story::new(page, a, article.range.clone());
        let mut seen: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
        for rule in &page.rules.rules {
            // a structure the rule finds, and the phrasings its patterns (and packs extending it) add
            let mut found = match rule.find {
                Some(finder) => finders::find(&story, finder.name),
                None => Vec::new(),
            };
            if !rule.patterns.is_empty() {
                found.extend(patterns::find(&story, rule));
            }
            for mut f in found {
                fill_derived(&mut f, rule, page);
                let claim = Claim {
                    rule: rule.id.clone(),
                    relation: rule.relation,
                    article: a,
                    span: f.span,
                    roles: f.roles,
                    certainty: f.certainty,
                    alternatives: f.alternatives,
                };
                // two rules that found the same relation between the same figures: the first
                // stands, unless the later binds them more surely (a wording's own rule over a
                // reading of the structure)
                let identity = (
                    format!("{:?}", claim.relation),
                    sorted(claim.quantities()),
                    derived_keys(&claim),
                );
                match seen.get(&identity) {
                    Some(&k) if claims[k].certainty < claim.certainty => claims[k] = claim,
                    Some(_) => {}
                    None => {
                        seen.insert(identity, claims.len());
                        claims.push(claim);
                    }
                }
            }
        }
    }
    claims
}

/// The roles a rule derives that a match leaves open become derived values of that match.
fn fill_derived(found: &mut Found, rule: &factcheck_rules::Rule, page: &Page) {
    let like = stated_in(&found.roles).first().copied();
    let Some(like) = like else {
        return;
    };
    for (role, label) in &rule.derive {
        for roles in std::iter::once(&mut found.roles).chain(found.alternatives.iter_mut()) {
            roles.entry(role.clone()).or_insert_with(|| {
                Binding::One(Var::Derived(Derived {
                    key: format!("{}:{}:{role}", rule.id, found.span.start),
                    like,
                    name: Some(label.clone()),
                    nonnegative: !matches!(
                        page.quantities.get(like).map(|q| q.kind),
                        Some(
                            factcheck_numbers::Kind::Percent
                                | factcheck_numbers::Kind::PercentagePoint
                        )
                    ),
                }))
            });
        }
    }
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

fn derived_keys(claim: &Claim) -> Vec<String> {
    let mut keys: Vec<String> = claim
        .roles
        .values()
        .flat_map(|b| match b {
            Binding::One(v) => vec![v.clone()],
            Binding::Many(vs) => vs.clone(),
            Binding::Word(..) => vec![],
        })
        .filter_map(|v| match v {
            Var::Derived(d) => Some(d.key),
            _ => None,
        })
        .collect();
    keys.sort();
    keys
}

/// A reading found by a structure or a pattern, before it is tied to a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub span: Range<usize>,
    pub roles: Roles,
    pub certainty: Certainty,
    pub alternatives: Vec<Roles>,
}

impl Found {
    /// A relation the copy allows one reading of.
    pub fn single(span: Range<usize>, roles: Roles, certainty: Certainty) -> Found {
        Found {
            span,
            roles,
            certainty,
            alternatives: Vec::new(),
        }
    }
}
