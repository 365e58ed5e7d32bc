//! Claims found by a rule's patterns: each pattern is matched against the story's text with its
//! quantities replaced by typed tokens, and each match fills the rule's roles.

use crate::masked::Masked;
use crate::{Binding, Certainty, Found, Roles, Story, Var};
use factcheck_rules::pattern::{Capture, CompiledPattern};
use factcheck_rules::Rule;

pub fn find(story: &Story, rule: &Rule) -> Vec<Found> {
    let masked = story.masked();
    let mut out: Vec<Found> = Vec::new();
    // the stated figures of each reading in `out`, worked out once
    let mut out_stated: Vec<Vec<usize>> = Vec::new();
    for pattern in &rule.patterns {
        // what every match holds, looked for before the regex runs: its quantities' kinds, then
        // its literal text
        let holds_tokens = pattern
            .required_tokens
            .iter()
            .all(|letters| masked.holds_token_of(letters));
        if !holds_tokens
            || !pattern
                .literals
                .iter()
                .all(|l| masked.text.contains(l.as_str()))
        {
            continue;
        }
        // a list that runs on must not hide the relation that starts inside it: patterns with a
        // list are tried from every start of an item, the others after each match
        let overlapping = pattern
            .placeholders
            .iter()
            .any(|p| matches!(p.capture, Capture::List(_)));
        let mut at = 0;
        while let Some(caps) = pattern.regex.captures_at(&masked.text, at) {
            let whole = caps.get(0).expect("group 0");
            at = if overlapping {
                next_start(&masked.text, whole.start())
            } else {
                whole.end().max(whole.start() + 1)
            };
            let found = Found::single(
                masked.to_text(whole.start())..masked.to_text(whole.end()),
                roles(masked, pattern, &caps),
                Certainty::Bound,
            );
            // a later match that starts inside an earlier one and reuses one of its numbers is
            // the same statement read again from a worse start
            let set = crate::stated_in(&found.roles);
            let inside = out.iter().zip(&out_stated).any(|(earlier, stated)| {
                earlier.span.start <= found.span.start
                    && found.span.start < earlier.span.end
                    && stated.iter().any(|q| set.contains(q))
            });
            if !inside && crate::sensible::reads_sensibly(story, rule, &found.roles, &set) {
                out.push(found);
                out_stated.push(set);
            }
            if at >= masked.text.len() {
                break;
            }
        }
    }
    out
}

/// The next place a list may start: the next token, not every character (a run of text between
/// tokens can start no list of its own).
fn next_start(text: &str, from: usize) -> usize {
    let step = text[from..].chars().next().map_or(1, char::len_utf8);
    text[from + step..]
        .find(factcheck_rules::pattern::TOKEN_OPEN)
        .map_or(text.len(), |i| {
            // back up over the label words that may precede the token
            let start = from + step + i;
            let clause = text[..start]
                .rfind(['，', '、', '；', '。', '（', '）', '：'])
                .map_or(from + step, |c| c + 3);
            clause.max(from + step)
        })
}

fn roles(masked: &Masked, pattern: &CompiledPattern, caps: &regex::Captures) -> Roles {
    let mut roles = Roles::new();
    for p in &pattern.placeholders {
        let Some(m) = caps.name(&p.name) else {
            continue;
        };
        let span = masked.to_text(m.start())..masked.to_text(m.end());
        let role = match &p.capture {
            Capture::Quantity(_) => masked
                .tokens_in(m.as_str())
                .first()
                .map(|&q| Binding::One(Var::Stated(q))),
            Capture::List(letters) => Some(Binding::Many(
                masked
                    .list_items(m.as_str(), letters)
                    .into_iter()
                    .map(Var::Stated)
                    .collect(),
            )),
            Capture::Label => Some(Binding::Word(masked.plain(m.as_str()), span)),
            Capture::Word => Some(Binding::Word(m.as_str().to_string(), span)),
        };
        if let Some(role) = role {
            roles.insert(p.name.clone(), role);
        }
    }
    roles
}
