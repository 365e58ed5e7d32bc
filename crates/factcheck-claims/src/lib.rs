//! Claims: the relations a story states between its numbers. Rule patterns are matched against
//! each story's text with its quantities replaced by typed tokens; each match becomes a claim
//! naming the quantities by role. Restatements (the same figure given twice, a headline figure)
//! are found from the numbers' labels.

mod labels;
mod masked;
mod restated;

pub use labels::{label_before, Labels};

use factcheck_numbers::Quantity;
use factcheck_rules::pattern::{Capture, TOKEN_CLOSE, TOKEN_OPEN};
use factcheck_rules::{Relation, RuleSet};
use factcheck_text::segment::Document;
use std::collections::BTreeMap;
use std::ops::Range;

/// What fills a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// One quantity (index into the page's quantities).
    One(usize),
    /// Several listed quantities.
    Many(Vec<usize>),
    /// A noun phrase of the text, with its byte range in the normalised text.
    Label(String, Range<usize>),
    /// A word of a word class, with its byte range.
    Word(String, Range<usize>),
}

/// A relation the text states between some of its quantities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// The rule that found it (`duplicate` and `headline` for restatements).
    pub rule: String,
    pub relation: ClaimKind,
    pub article: usize,
    /// Byte range of the normalised text the claim was read from.
    pub span: Range<usize>,
    pub roles: BTreeMap<String, Role>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClaimKind {
    Rule(Relation),
    /// The same figure stated twice in a story.
    Duplicate,
    /// A headline figure against the story's body.
    Headline,
}

impl ClaimKind {
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Rule(r) => r.name(),
            ClaimKind::Duplicate => "duplicate",
            ClaimKind::Headline => "headline",
        }
    }
}

impl Claim {
    pub fn one(&self, role: &str) -> Option<usize> {
        match self.roles.get(role) {
            Some(Role::One(q)) => Some(*q),
            _ => None,
        }
    }
    pub fn many(&self, role: &str) -> Option<&[usize]> {
        match self.roles.get(role) {
            Some(Role::Many(q)) => Some(q),
            _ => None,
        }
    }
    pub fn text(&self, role: &str) -> Option<&str> {
        match self.roles.get(role) {
            Some(Role::Label(t, _) | Role::Word(t, _)) => Some(t),
            _ => None,
        }
    }
    /// Where a word or label role stands in the normalised text.
    pub fn span_of(&self, role: &str) -> Option<Range<usize>> {
        match self.roles.get(role) {
            Some(Role::Label(_, span) | Role::Word(_, span)) => Some(span.clone()),
            _ => None,
        }
    }
    /// Every quantity the claim names, in role order.
    pub fn quantities(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for role in self.roles.values() {
            match role {
                Role::One(q) => out.push(*q),
                Role::Many(qs) => out.extend(qs),
                _ => {}
            }
        }
        out
    }
}

/// Finds every claim of a page.
pub fn find_claims(
    text: &str,
    document: &Document,
    quantities: &[Quantity],
    labels: &Labels,
    rules: &RuleSet,
) -> Vec<Claim> {
    let mut claims: Vec<Claim> = Vec::new();
    for (a, article) in document.articles.iter().enumerate() {
        // claims are compared only within their story, each with its sorted quantities beside it
        let story_start = claims.len();
        let mut sets: Vec<Vec<usize>> = Vec::new();
        let story = masked::Masked::new(text, article.range.clone(), quantities);
        for rule in &rules.rules {
            for pattern in &rule.patterns {
                if !pattern
                    .literals
                    .iter()
                    .all(|l| story.text.contains(l.as_str()))
                {
                    continue;
                }
                // a list that runs on must not hide the relation that starts inside it: patterns
                // with a list are tried from every start, the others after each match
                let overlapping = pattern
                    .placeholders
                    .iter()
                    .any(|p| matches!(p.capture, Capture::List(_)));
                let mut at = 0;
                while let Some(caps) = pattern.regex.captures_at(&story.text, at) {
                    let whole = caps.get(0).expect("group 0");
                    at = if overlapping {
                        whole.start()
                            + story.text[whole.start()..]
                                .chars()
                                .next()
                                .map_or(1, char::len_utf8)
                    } else {
                        whole.end().max(whole.start() + 1)
                    };
                    let claim = Claim {
                        rule: rule.id.clone(),
                        relation: ClaimKind::Rule(rule.relation),
                        article: a,
                        span: story.to_text(whole.start())..story.to_text(whole.end()),
                        roles: roles(&story, pattern, &caps),
                    };
                    let mut set = claim.quantities();
                    set.sort_unstable();
                    let known = claims[story_start..].iter().zip(&sets).any(|(c, c_set)| {
                        same_claim(c, &claim, c_set, &set) || inside(c, &claim, c_set, &set)
                    });
                    if !known {
                        claims.push(claim);
                        sets.push(set);
                    }
                }
            }
        }
        claims.extend(restated::restatements(
            text,
            a,
            article,
            quantities,
            labels,
            rules.words.get("own_subject").map_or(&[], Vec::as_slice),
        ));
    }
    claims
}

/// The roles a match fills.
fn roles(
    story: &masked::Masked,
    pattern: &factcheck_rules::pattern::CompiledPattern,
    caps: &regex::Captures,
) -> BTreeMap<String, Role> {
    let mut roles = BTreeMap::new();
    for p in &pattern.placeholders {
        let Some(m) = caps.name(&p.name) else {
            continue;
        };
        let span = story.to_text(m.start())..story.to_text(m.end());
        let role = match &p.capture {
            Capture::Quantity(_) => story.tokens_in(m.as_str()).first().map(|&q| Role::One(q)),
            Capture::List(letters) => Some(Role::Many(story.list_items(m.as_str(), letters))),
            Capture::Label => Some(Role::Label(story.plain(m.as_str()), span)),
            Capture::Word => Some(Role::Word(m.as_str().to_string(), span)),
        };
        if let Some(role) = role {
            roles.insert(p.name.clone(), role);
        }
    }
    roles
}

/// A later match of a rule that starts inside an earlier match of the same rule and reuses one of
/// its numbers is the same statement read again from a worse start.
fn inside(earlier: &Claim, later: &Claim, earlier_set: &[usize], later_set: &[usize]) -> bool {
    earlier.rule == later.rule
        && earlier.span.start <= later.span.start
        && later.span.start < earlier.span.end
        && later_set
            .iter()
            .any(|q| earlier_set.binary_search(q).is_ok())
}

/// Two rules that found the same relation between the same numbers: the first one stands.
fn same_claim(a: &Claim, b: &Claim, a_set: &[usize], b_set: &[usize]) -> bool {
    a.relation == b.relation && a_set == b_set
}

/// The token text for a quantity (used by tests and the masked text).
pub fn token(letter: char, index: usize) -> String {
    format!("{TOKEN_OPEN}{letter}{index}{TOKEN_CLOSE}")
}
