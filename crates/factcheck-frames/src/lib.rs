//! What each number of a page measures: its frame. A frame says which side of a measure the figure
//! gives (its aspect: a level, a change, a rate, a share, points…), what is measured (the metric,
//! as the copy names it), of whom (the scope the sentence opens with), for which period, against
//! what it is compared (同比, 比上年, 比全省), and which level it describes (`增长6%` describes the
//! figure its clause chain started with). Relations are found between frames, not phrasings.

pub mod aspect;
pub mod clauses;
pub mod label;
pub mod period;
mod respectively;

pub use aspect::Aspect;
pub use clauses::{Clause, Layout, Sentence};
pub use period::{Part, Period};

use factcheck_numbers::{Kind, Quantity};
use factcheck_rules::Words;
use factcheck_text::segment::Document;
use std::cell::RefCell;
use std::ops::Range;

/// What a change or rate is measured against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// Nothing said (a level), or a rate with no comparison named.
    Unsaid,
    /// An earlier period of the same measure (同比, 比上年, 较2023年, 比上年末).
    Period(Option<Period>),
    /// Another subject's figure (比全省（6.1%）, 高于全国平均水平): its name and, when printed
    /// beside it, the figure.
    Other { name: String, figure: Option<usize> },
}

/// One number's frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub sentence: usize,
    pub clause: usize,
    /// Inside brackets.
    pub bracketed: bool,
    pub aspect: Aspect,
    /// −1 for a fall, +1 otherwise.
    pub sign: i8,
    /// The word the aspect was read from (增长, 占, 提高) and where it stands.
    pub word: Option<(Range<usize>, String)>,
    /// What is measured, as the copy names it (for a change or rate: the level's metric).
    pub metric: String,
    /// The noun a figure modifies (`设立2亿元转型基金` → 转型基金), when it does.
    pub after: String,
    /// For a share: the whole as the copy names it, and where.
    pub whole: Option<(Range<usize>, String)>,
    pub period: Option<Period>,
    pub reference: Reference,
    /// The level (or rate) this figure describes, for changes, rates, shares and points.
    pub anchor: Option<usize>,
    /// What the sentence says before the figure's clause (its subject and circumstances).
    pub scope: String,
    /// A level the clause compares against (`比上年的3.1人`, `较2015年底的38.6%`): the value of
    /// the level before it in another period or place, not a level of its own.
    pub compared: bool,
}

/// The frames of a page, one per quantity, with the page's sentences and clauses.
#[derive(Debug, Clone, Default)]
pub struct Frames {
    pub layout: Layout,
    pub frames: Vec<Frame>,
}

impl Frames {
    pub fn get(&self, q: usize) -> &Frame {
        &self.frames[q]
    }

    /// Quantities whose frames stand in a sentence (they are in text order).
    pub fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = usize> + '_ {
        let first = self.frames.partition_point(|f| f.sentence < sentence);
        (first..self.frames.len()).take_while(move |&q| self.frames[q].sentence == sentence)
    }
}

/// Reads the frame of every quantity of a page. `page_year` is the publication year, if known.
pub fn read(
    text: &str,
    document: &Document,
    quantities: &[Quantity],
    words: &Words,
    page_year: Option<i32>,
) -> Frames {
    let layout = Layout::new(text, document);
    let periods = StoryPeriods::new(text, document, page_year);
    let last_scope = RefCell::new((0..0, String::new()));
    let mut frames: Vec<Frame> = Vec::with_capacity(quantities.len());
    for (index, q) in quantities.iter().enumerate() {
        let frame = match (
            layout.sentence_at(q.span.start),
            layout.clause_at(q.span.start),
        ) {
            (Some(sentence), Some(clause)) => frame_of(
                &Page {
                    text,
                    layout: &layout,
                    quantities,
                    words,
                    periods: &periods,
                    last_scope: &last_scope,
                },
                index,
                sentence,
                clause,
                &frames,
            ),
            // a quantity outside every sentence (whitespace-only paragraphs): a bare level
            _ => Frame {
                sentence: layout.sentences.len().saturating_sub(1),
                clause: layout.clauses.len().saturating_sub(1),
                bracketed: false,
                aspect: Aspect::Level,
                sign: 1,
                word: None,
                metric: String::new(),
                after: String::new(),
                whole: None,
                period: None,
                reference: Reference::Unsaid,
                anchor: None,
                scope: String::new(),
                compared: false,
            },
        };
        frames.push(frame);
    }
    respectively::distribute(text, &layout, quantities, words, &mut frames);
    Frames { layout, frames }
}

struct Page<'a> {
    text: &'a str,
    layout: &'a Layout,
    quantities: &'a [Quantity],
    words: &'a Words,
    periods: &'a StoryPeriods,
    /// The last scope read and the text it was read from (see [`Page::scope`]).
    last_scope: &'a RefCell<(Range<usize>, String)>,
}

impl Page<'_> {
    /// What the sentence says in `range` before a figure's clause: its Han characters without
    /// the attribution words. The figures of one clause share it, so the last one read is kept.
    fn scope(&self, range: Range<usize>) -> String {
        let mut last = self.last_scope.borrow_mut();
        if last.0 != range {
            let scope = label::han(&self.text[range.clone()]);
            *last = (range, strip_words(&scope, "attribution", self.words));
        }
        last.1.clone()
    }
}

/// `上涨个股12只，下跌30只，平盘8只`: a count named by an outcome alone, right after a count of
/// its unit, is how many had that outcome (a level), not a fall of the count before it.
fn counted_by_outcome(
    page: &Page,
    q: usize,
    pre: &str,
    sentence: usize,
    earlier: &[Frame],
) -> Option<aspect::Reading> {
    let quantity = &page.quantities[q];
    let p = q.checked_sub(1)?;
    let previous = &page.quantities[p];
    // the name is read last: most figures fail the plain tests before it
    let outcome_alone = || {
        let named = label::han(pre);
        page.words
            .is("outcome", page.words.strip_end("link", &named))
    };
    (quantity.kind == factcheck_numbers::Kind::Count
        && earlier[p].sentence == sentence
        && earlier[p].aspect == Aspect::Level
        && previous.kind == quantity.kind
        && previous.unit == quantity.unit
        && outcome_alone())
    .then(|| aspect::Reading::plain(Aspect::Level))
}

fn frame_of(page: &Page, q: usize, sentence: usize, clause: usize, earlier: &[Frame]) -> Frame {
    let text = page.text;
    let quantity = &page.quantities[q];
    let clause_range = page.layout.clauses[clause].range.clone();
    let bracketed = page.layout.clauses[clause].host.is_some();
    // the previous figure of the same clause, if any: what lies between is what is said of q
    let previous = q
        .checked_sub(1)
        .filter(|&p| earlier[p].clause == clause && earlier[p].sentence == sentence);
    let floor = previous
        .map(|p| page.quantities[p].span.end)
        .unwrap_or(clause_range.start)
        .min(quantity.span.start);
    let pre = &text[floor..quantity.span.start];
    let list_item = previous.is_some()
        && !pre.chars().any(factcheck_text::chars::is_han)
        && earlier[q - 1].aspect != Aspect::Level
        && kind_family(&page.quantities[q - 1]) == kind_family(quantity);
    let whole_pre_start = near_start(text, clause_range.start, quantity.span.start);
    let whole_pre = &text[whole_pre_start..quantity.span.start];
    // `涨31.62点或1.47%`: the same change told as an amount and as a rate
    let same_change_as_rate = previous.is_some()
        && page.words.is("alternative", pre.trim())
        && earlier[q - 1].aspect == Aspect::Change
        && quantity.kind == factcheck_numbers::Kind::Percent;
    let reading = if list_item || same_change_as_rate {
        // `分别下降3.2%、15%`: the second rate reads like the first
        let p = &earlier[q - 1];
        aspect::Reading {
            aspect: if list_item { p.aspect } else { Aspect::Rate },
            sign: p.sign,
            word: None,
            whole: None,
        }
    } else {
        aspect::read(quantity, whole_pre, &text[quantity.span.end..], page.words)
    };
    let reading = counted_by_outcome(page, q, pre, sentence, earlier).unwrap_or(reading);
    // (read from `whole_pre`, or from the clause when another reading took over)
    let word = reading.word.as_ref().map(|(at, w)| {
        (
            whole_pre_start + at..whole_pre_start + at + w.len(),
            w.clone(),
        )
    });
    let whole = reading.whole.as_ref().map(|(at, name)| {
        (
            clause_range.start + at..clause_range.start + at + name.len(),
            name.clone(),
        )
    });
    let next_start = page
        .quantities
        .get(q + 1)
        .map_or(clause_range.end, |n| n.span.start.min(clause_range.end));
    let after = if reading.aspect == Aspect::Level {
        label::after(text, quantity.span.end, next_start.max(quantity.span.end))
    } else {
        String::new()
    };
    let period = page
        .periods
        .period_at(text, page.layout, sentence, quantity.span.start);
    let reference = if list_item {
        earlier[q - 1].reference.clone()
    } else {
        reference(page, clause, quantity.span.start, period, q, earlier)
    };
    // the figure's own name, without the words of its aspect
    let own = label::before(text, floor, quantity.span.start, page.words);
    let own = strip_aspect_words(&own, page.words);
    let anchor = match reading.aspect {
        Aspect::Change | Aspect::Rate | Aspect::Share | Aspect::Points => {
            anchor(page, q, sentence, clause, &reading, earlier, (floor, &own))
        }
        _ => None,
    };
    // 其中出口额: the list word opens the clause, it does not name the measure
    let own = page.words.strip_start("which", &own).to_string();
    let metric = match anchor {
        // a table cell says what it measures by its row and column
        _ if quantity.measures.is_some() => quantity.measures.clone().unwrap_or_default(),
        Some(a) if own.chars().count() < 2 => earlier[a].metric.clone(),
        _ if own.chars().count() < 2 && quantity.kind == Kind::Count => after.clone(),
        _ => own,
    };
    let sentence_start = page.layout.sentences[sentence].range.start;
    let host_start = page.layout.clauses[clause]
        .host
        .map_or(clause_range.start, |h| page.layout.clauses[h].range.start);
    // a run-on sentence of thousands of clauses: each figure keeps the reach before its clause,
    // not a copy of everything before it
    let scope_start = near_start(text, sentence_start, host_start.max(sentence_start));
    let scope = page.scope(scope_start..host_start.max(sentence_start));
    // (a rate too: `增速比一季度的5.8%回落1.2个百分点` compares with 一季度's rate)
    let compared = matches!(reading.aspect, Aspect::Level | Aspect::Rate)
        && (in_comparison(whole_pre, &text[quantity.span.end..], page.words)
            || between_comparison(text, clause_range.start, quantity.span.clone(), page.words)
            || bracketed_after_compared_period(page, clause, quantity.span.start));
    // (a rate compared with is of another period: it describes no level of this one)
    let anchor = anchor.filter(|_| !(compared && reading.aspect == Aspect::Rate));
    Frame {
        sentence,
        clause,
        bracketed,
        compared,
        aspect: reading.aspect,
        sign: reading.sign,
        word,
        metric,
        after,
        whole,
        period,
        reference,
        anchor,
        scope,
    }
}

/// How far before a figure its clause is read for the words that frame it: far more than any
/// clause of prose, and a bound on the work for a clause that is a list of thousands of figures.
const FRAMING_REACH: usize = 600;

/// The start of the text a figure at `at` is framed by: the clause start, or `FRAMING_REACH`
/// bytes before the figure (on a character boundary) in a longer clause.
fn near_start(text: &str, clause_start: usize, at: usize) -> usize {
    let mut start = clause_start.max(at.saturating_sub(FRAMING_REACH)).min(at);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start
}

/// Money, counts and measures add up; percentages and points stand apart.
fn kind_family(q: &Quantity) -> u8 {
    match q.kind {
        Kind::Percent | Kind::PercentagePoint => 1,
        Kind::Multiple => 2,
        Kind::Date | Kind::Duration => 3,
        _ => 0,
    }
}

/// A text without any word of a class.
fn strip_words(text: &str, class: &str, words: &Words) -> String {
    // most texts hold none of the words: one pass of the class's automaton says so
    if !words.contains(class, text) {
        return text.to_string();
    }
    let mut out = text.to_string();
    // most of the class's words are absent: looked for before a new string is made without them
    for w in words.class(class) {
        if out.contains(w.as_str()) {
            out = out.replace(w.as_str(), "");
        }
    }
    out
}

/// A label without the comparison and change words that precede a rate (`同比增长` → ``).
fn strip_aspect_words(label: &str, words: &Words) -> String {
    // 扩大到: the 到 of a level reached goes with the direction word before it
    let mut rest = label.strip_suffix('到').unwrap_or(label).to_string();
    // 占全省的, 是上年的: the whole's name is not the part's measure
    if let Some((at, _)) = words.rfind("share_verb", &rest) {
        if words.ending("share_noun", &rest).is_some()
            || rest.ends_with('的')
            || rest[at..].chars().count() > 1
        {
            rest.truncate(at);
        }
    }
    if rest.ends_with('的') {
        if let Some((at, _)) = words.rfind("of_whole", &rest) {
            rest.truncate(at);
        }
    }
    for class in ["up", "down", "change_noun", "share_noun", "compare", "link"] {
        // a word of the other classes is cut only with the label ending in the class's words: a
        // label that ends in none needs no search
        if class != "compare" && words.ending(class, &rest).is_none() {
            continue;
        }
        if let Some((at, _)) = words.rfind(class, &rest) {
            let tail = &rest[at..];
            // only words that end the label (after them comes the figure)
            if words.strip_end(class, tail).is_empty() || class == "compare" {
                rest.truncate(at);
            }
        }
    }
    // `大幅增加了2.6万户`: how much it changed names no measure
    let rest = words.strip_end("link", &rest);
    words.strip_end("degree", rest).to_string()
}

/// What the clause compares the figure against: an earlier period or another subject.
fn reference(
    page: &Page,
    clause: usize,
    at: usize,
    period: Option<Period>,
    q: usize,
    earlier: &[Frame],
) -> Reference {
    let text = page.text;
    let clause_range = page.layout.clauses[clause].range.clone();
    let host = page.layout.clauses[clause].host;
    let range = host.map_or(clause_range.clone(), |h| {
        page.layout.clauses[h].range.clone()
    });
    let before = &text[near_start(text, range.start, at)..at.max(range.start)];
    // points may compare two measures with words that elsewhere set a threshold (大于, 多于)
    let points = page.quantities[q].kind == Kind::PercentagePoint;
    let found = compare_word(before, page.words).or_else(|| {
        points
            .then(|| page.words.rfind("compare_points", before))
            .flatten()
    });
    let Some((w, word)) = found else {
        return Reference::Unsaid;
    };
    let after = &before[w + word.len()..];
    // 比上年, 同比, 较上年末: the period before; 较2023年: that year
    let base = period.unwrap_or(Period {
        year: None,
        part: Part::Year,
    });
    if page.words.is("compare_period", word) {
        let end = word.ends_with('末') || after.starts_with('末');
        return Reference::Period(Some(Period {
            part: if end { Part::YearEnd } else { base.part },
            ..base.year_before()
        }));
    }
    // 较前一交易日, 比上周: the period before, of a length the clause does not name
    if page
        .words
        .starting("previous_period", after.trim_start())
        .is_some()
        // (a comparison word that holds the period: 比上月, 较上月)
        || page.words.ending("previous_period", word).is_some()
    {
        return Reference::Period(None);
    }
    // 比全年预期目标高: a target, not the period it is set for
    let target = page.words.find("target_noun", after).is_some();
    let mentions = period::mentions(
        text,
        range.start + w + word.len()..at.max(range.start + w + word.len()),
    );
    if let Some(m) = mentions.first().filter(|_| !target) {
        let named = period::resolve(m, page.periods.year_of(text, range.start));
        let part = match (named.part, base.part) {
            (Part::Year, other) if !text[m.range.clone()].contains('末') => other,
            (part, _) => part,
        };
        return Reference::Period(Some(Period {
            year: named.year,
            part,
        }));
    }
    // 比全省（6.1%）: another subject, with its figure in the brackets that follow its name
    let name: String = label::han_or_latin(after.split('（').next().unwrap_or(after));
    let name = page.words.strip_end("link", &name).to_string();
    let figure = (0..q)
        .rev()
        .take_while(|&p| earlier[p].clause >= clause.saturating_sub(3))
        .find(|&p| {
            earlier[p].bracketed
                && page.quantities[p].span.start > range.start + w
                && page.quantities[p].kind == page.quantities[q].kind
        });
    let figure = figure.or_else(|| {
        // the bracket may hold a percentage while the clause compares points
        (0..q)
            .rev()
            .take_while(|&p| page.quantities[p].span.start > range.start + w)
            .find(|&p| earlier[p].bracketed)
    });
    if name.is_empty() && figure.is_none() {
        return Reference::Unsaid;
    }
    Reference::Other { name, figure }
}

/// The last comparison word of a text that is not part of a word like 比重 or 相比.
fn compare_word<'w>(text: &str, words: &'w Words) -> Option<(usize, &'w str)> {
    aspect::last_outside(words, "compare", "not_compare", text)
}

/// Does a figure follow a comparison word and the name of what it compares against, joined by
/// 的 (`比十年前的`, `较上年末的`, `比全省平均水平的`)? Then it is the figure compared against. So
/// is a figure between a compared period and the change it rose or fell by
/// (`比上年执行数20.38亿元增长6.0%`).
fn in_comparison(before: &str, after: &str, words: &Words) -> bool {
    // `是上届0.42亿元的2.5倍`: an earlier period's figure that a multiple or share is of
    let mut rest = before.trim_end();
    let mut earlier = false;
    while let Some(w) = words
        .ending("earlier_period", rest)
        .or_else(|| words.ending("earlier_edition", rest))
    {
        rest = &rest[..rest.len() - w.len()];
        earlier = true;
    }
    if earlier && words.ending("of_whole", rest).is_some() {
        return true;
    }
    // `相比2019年度的146.20亿元，上升了6.75%`: a clause that opens with the comparison
    let opening = || {
        let clause = before.trim_start();
        words
            .starting("compare_lead", clause)
            .map(|w| &clause[w.len()..])
    };
    let named = match compare_word(before, words) {
        Some((at, word)) => &before[at + word.len()..],
        None => match opening() {
            Some(named) => named,
            None => return false,
        },
    };
    let named = named.trim_end();
    if named.ends_with('的') {
        return named.chars().count() <= 20;
    }
    // `比8月份8.8%的增速加快`: the figure is the rate compared against, named after it
    let rate_after = after
        .strip_prefix('的')
        .is_some_and(|a| words.starting("change_noun", a).is_some());
    if rate_after && named.chars().count() <= 8 {
        return true;
    }
    let changes_after =
        words.starting("up", after).is_some() || words.starting("down", after).is_some();
    let period = words.strip_end("measure_tail", named);
    changes_after
        && (period.is_empty() || names_a_year(period) || words.is("earlier_period", period))
}

/// Does a name say its figure is an average (人均, 平均, 日均…)? An average adds up with nothing
/// and is rounded however whole it looks.
pub fn names_an_average(words: &Words, name: &str) -> bool {
    words.contains("average", name) || words.contains("per_day", name)
}

/// Does a figure's name say only that it is of an earlier time (`上年同期为`, `上年同月末为`;
/// `2019年同期为`, whose year's digits are no part of the name)?
pub fn names_an_earlier_time_alone(words: &Words, name: &str) -> bool {
    !name.is_empty() && (words.strip_start("earlier_figure", name).is_empty() || name == "同期")
}

/// `2024年`, `2024年度`: a year and nothing else.
fn names_a_year(text: &str) -> bool {
    let digits = text.trim_end_matches('度').trim_end_matches('年');
    digits.len() < text.len() && digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `增速比一季度（4.9%）加快0.4个百分点`: the figure alone in brackets right after a compared
/// period is that period's.
fn bracketed_after_compared_period(page: &Page, clause: usize, at: usize) -> bool {
    let layout = page.layout;
    let Some(host) = layout.clauses[clause].host else {
        return false;
    };
    let text = page.text;
    let inside = &text[layout.clauses[clause].range.start.min(at)..at];
    if !inside.trim_start_matches(['（', '(']).trim().is_empty() {
        return false;
    }
    let host_start = layout.clauses[host].range.start;
    let open = text[..at].trim_end_matches(|c: char| c.is_whitespace() || c == '（' || c == '(');
    let before = &text[near_start(text, host_start, open.len()).min(open.len())..open.len()];
    let Some((w, word)) = compare_word(before, page.words) else {
        return false;
    };
    let named = &before[w + word.len()..];
    let mentions = period::mentions(named, 0..named.len());
    !named.is_empty() && mentions.len() == 1 && mentions[0].range == (0..named.len())
        || page.words.is("compare_period", word) && named.is_empty()
}

/// `与2010年普查的62.90万人相比`: a figure between a clause's opening 与/同/跟/和 and the
/// 相比 right after it is the figure compared against.
fn between_comparison(
    text: &str,
    clause_start: usize,
    figure: Range<usize>,
    words: &Words,
) -> bool {
    let opening = text[clause_start.min(figure.start)..figure.start].trim_start();
    let after = &text[figure.end..];
    words.starting("compare_with", opening).is_some()
        && words.starting("compare_close", after).is_some()
        && opening.chars().count() <= 24
}

/// The measure a clause names before its comparison word and the figure compared with
/// (`总规模比上届的7500人`: 总规模), read since the clause start or the figure before; empty when
/// the comparison opens the clause (`比上届的2500人`).
fn name_before_comparison(page: &Page, clause_start: usize, compared: usize) -> String {
    let at = page.quantities[compared].span.start;
    // (a date inside the comparison, 比2023年的, is part of it, not the figure before)
    let floor = (0..compared)
        .rev()
        .filter(|&p| page.quantities[p].kind != Kind::Date)
        .map(|p| page.quantities[p].span.end)
        .find(|&end| end <= at)
        .unwrap_or(clause_start)
        .clamp(clause_start, at);
    let lead = &page.text[floor..at];
    let Some((word_at, _)) = compare_word(lead, page.words) else {
        return String::new();
    };
    let name = label::han(&lead[..word_at]);
    let name = page.words.strip_start("own_subject", &name);
    page.words.strip_start("link", name).to_string()
}

/// The level a change, rate, share or points figure describes: the nearest level before it in
/// its sentence, unless its clause names a measure of its own. Points describe the nearest rate,
/// share or percentage level instead (`增速提高0.8个百分点`). `named` is the figure's name read
/// from some floor (see [`frame_of`]): (the floor, the name without its aspect words).
fn anchor(
    page: &Page,
    q: usize,
    sentence: usize,
    clause: usize,
    reading: &aspect::Reading,
    earlier: &[Frame],
    named: (usize, &str),
) -> Option<usize> {
    let text = page.text;
    let quantity = &page.quantities[q];
    let clause_range = page.layout.clauses[clause].range.clone();
    // its own name: the words since the clause start or the figure before it (`十年共增加`); a
    // date inside the name (占基金2023年度收益的) is part of it, not the figure before
    // 占小麦播种面积35.12万亩的81.0%: a level after the share's verb is its whole's figure, not
    // the part, nor where the share's own name starts
    let share_verb = match (reading.aspect, &reading.word) {
        (Aspect::Share, Some((at, _))) => {
            Some(near_start(text, clause_range.start, quantity.span.start) + at)
        }
        _ => None,
    };
    let before_verb = |p: usize| share_verb.is_none_or(|v| page.quantities[p].span.start < v);
    let floor = (0..q)
        .rev()
        .find(|&p| page.quantities[p].kind != Kind::Date && before_verb(p))
        .map_or(clause_range.start, |p| page.quantities[p].span.end)
        .clamp(clause_range.start, quantity.span.start);
    // a share's whole (占基金2023年度收益的) names no measure of the share's own: its name ends
    // at the share's verb
    let name_end = match (reading.aspect, &reading.whole, &reading.word) {
        (Aspect::Share, Some(_), Some((at, _))) => {
            (near_start(text, clause_range.start, quantity.span.start) + at)
                .clamp(floor, quantity.span.start)
        }
        _ => quantity.span.start,
    };
    let own = match named {
        (named_floor, own) if named_floor == floor && name_end == quantity.span.start => {
            own.to_string()
        }
        _ => strip_aspect_words(
            &label::before(text, floor, name_end, page.words),
            page.words,
        ),
    };
    let own = page.words.strip_start("compare", &own);
    let own = page.words.strip_start("link", own).to_string();
    // `总规模比上届的7500人增加1500人`: a clause that names its measure before the figure it
    // compares with names it for the change after that figure too
    let compared_before = (0..q)
        .rev()
        .take_while(|&p| earlier[p].clause == clause)
        .find(|&p| page.quantities[p].kind != Kind::Date)
        .filter(|&p| earlier[p].compared);
    let own = match compared_before {
        Some(p) if own.is_empty() => name_before_comparison(page, clause_range.start, p),
        _ => own,
    };
    // `10.7万亿元，首次突破10万亿元`: a threshold passed restates the level printed before it
    let milestone = |p: usize| {
        let pq = &page.quantities[p];
        let start = page.layout.clauses[earlier[p].clause].range.start;
        // (with no name of another measure between: `出口额1.2万亿元，进出口总额首次突破…`)
        let level_before = p.checked_sub(1).is_some_and(|b| {
            let between = &text[page.quantities[b].span.end.min(pq.span.start)..pq.span.start];
            let named = label::han(between);
            let named = page.words.strip_end("milestone", &named);
            earlier[b].sentence == earlier[p].sentence
                && earlier[b].aspect == Aspect::Level
                && page.quantities[b].unit == pq.unit
                && named.is_empty()
        });
        level_before
            && matches!(
                pq.qualifier,
                factcheck_numbers::Qualifier::MoreThan | factcheck_numbers::Qualifier::AtLeast
            )
            && page
                .words
                .ending("milestone", &text[start.min(pq.span.start)..pq.span.start])
                .is_some()
    };
    // `经营14.8万亩，户均经营474亩，占…的25.3%`: an average is no part of a whole it is in
    // (though it may be half another average: `平均规模约为22亿份，仅为…的一半`)
    let part_of_whole = reading.aspect == Aspect::Share
        && reading
            .word
            .as_ref()
            .is_some_and(|(_, w)| page.words.is("share_verb", w));
    let averaged = |p: usize| names_an_average(page.words, &earlier[p].metric);
    // (unless the whole is an average too: `人均工资性收入…，占可支配收入的42.5%` after the
    // story's 人均可支配收入, one population's figures)
    let whole_averaged = part_of_whole
        && reading.whole.as_ref().is_some_and(|(_, whole)| {
            whole.chars().count() >= 2
                && (0..q).any(|p| averaged(p) && earlier[p].metric.contains(whole.as_str()))
        });
    // `共受理486352件，日均受理5286件，比第二季度的447426件增长8.7%`: an average compared with
    // a figure that is none is not what grew
    let average_beside_total = |p: usize| {
        let value = |x: usize| {
            page.quantities[x]
                .number()
                .and_then(|v| f64::try_from(v).ok())
                .filter(|v| *v > 0.0)
        };
        // the level before the average that it averages, and a compared figure nearer its size
        let total = (0..p)
            .rev()
            .take_while(|&t| earlier[t].sentence == sentence)
            .find(|&t| {
                earlier[t].aspect == Aspect::Level
                    && !averaged(t)
                    && page.quantities[t].unit == page.quantities[p].unit
            });
        let nearer_total = |x: usize| match (value(x), value(p), total.and_then(value)) {
            (Some(x), Some(avg), Some(total)) => (x / total).ln().abs() < (x / avg).ln().abs(),
            _ => false,
        };
        averaged(p) && (p + 1..q).any(|x| earlier[x].compared && nearer_total(x))
    };
    // `完成预算37.75亿元的102.3%`, `是2020年底12.47万辆的4.2倍`: the whole of the share or
    // multiple after it, not a level of the clause
    let whole_of_next = |p: usize| {
        p + 1 < q
            && text.get(page.quantities[p].span.end..page.quantities[p + 1].span.start)
                == Some("的")
            && matches!(page.quantities[p + 1].kind, Kind::Percent | Kind::Multiple)
    };
    // `收入312.47亿元，上年同期为303.95亿元，同比增长2.8%`: the figure named by an earlier
    // period alone is what the level grew from, not what grew
    let base_told = |p: usize| {
        matches!(reading.aspect, Aspect::Rate | Aspect::Change)
            && names_an_earlier_time_alone(page.words, &earlier[p].metric)
    };
    let wanted = |p: usize| -> bool {
        let f = &earlier[p];
        if f.bracketed || f.compared || f.sentence != sentence || milestone(p) {
            return false;
        }
        let pq = &page.quantities[p];
        if whole_of_next(p)
            || (part_of_whole && averaged(p) && !whole_averaged)
            || average_beside_total(p)
        {
            return false;
        }
        if base_told(p) {
            return false;
        }
        match reading.aspect {
            Aspect::Points => {
                matches!(f.aspect, Aspect::Rate | Aspect::Share)
                    || (f.aspect == Aspect::Level && pq.kind == Kind::Percent)
            }
            _ => {
                f.aspect == Aspect::Level
                    && matches!(
                        pq.kind,
                        Kind::Money | Kind::Count | Kind::Other | Kind::Ratio
                    )
                    || (f.aspect == Aspect::Level
                        && reading.aspect == Aspect::Change
                        && pq.kind == Kind::Percent
                        && quantity.kind == Kind::Percent)
            }
        }
    };
    let candidate = (0..q)
        .rev()
        .take_while(|&p| earlier[p].sentence == sentence)
        .filter(|&p| before_verb(p))
        .find(|&p| wanted(p))?;
    if counts_the_things_measured(page, candidate, (q, clause), earlier) {
        return None;
    }
    // `拉动经济增长1.3个百分点`: a contribution to another measure's growth, no change of the
    // rate before it
    let clause_before = &text[clause_range.start..quantity.span.start.max(clause_range.start)];
    if reading.aspect == Aspect::Points && page.words.find("contribution", clause_before).is_some()
    {
        return None;
    }
    let since_candidate =
        &text[page.quantities[candidate].span.end.min(quantity.span.start)..quantity.span.start];
    // `进出口增长10.3%，其中出口增幅扩大…`: after 其中 the figures are a part's
    if page.words.find("which", since_candidate).is_some() {
        return None;
    }
    // a semicolon closes one item of a series (`甲涨4.2%，报5.9元；乙涨2.2%，报2.1元`)
    let changes = matches!(reading.aspect, Aspect::Rate | Aspect::Change);
    if changes && since_candidate.contains(['；', ';']) {
        return None;
    }
    // one of a run after 分别 (`分别增长4.7%、6.0%和6.2%`): each figure goes to one of the levels
    // listed before, which the lists pair ([`respectively`]), never all to the nearest; unless
    // the run goes over other subjects compared with (`比甲省和乙省分别高0.5、0.9个百分点`)
    let over_others = |lead: &str| {
        compare_word(lead, page.words).is_some_and(|(_, w)| !page.words.is("compare_period", w))
    };
    if let Some(at) = clause_before
        .find("分别")
        .filter(|&at| !over_others(&clause_before[..at]))
    {
        let after_word = clause_range.start + at;
        let in_run = |p: usize| {
            page.quantities.get(p).is_some_and(|other| {
                other.span.start > after_word
                    && other.span.end <= clause_range.end
                    && other.kind == quantity.kind
            })
        };
        if in_run(q + 1) || (q > 0 && in_run(q - 1)) {
            return None;
        }
    }
    // shares joined one to the next (`占总数的88.1%和91.96%`) are each of one item listed before
    let joined = |a: usize, b: usize| {
        let (a, b) = (&page.quantities[a], &page.quantities[b]);
        a.kind == b.kind
            && a.span.end <= b.span.start
            && ["和", "、", "与", "及"].contains(&&text[a.span.end..b.span.start])
    };
    let next_joined = q + 1 < page.quantities.len() && joined(q, q + 1);
    if reading.aspect == Aspect::Share && (next_joined || (q > 0 && joined(q - 1, q))) {
        return None;
    }
    // a clause that names its own measure (`利润下降42%`) describes no earlier level, unless the
    // name is the level's own
    // (a share names its part by the part's subject: 民营经济占… for 民营经济增加值)
    // (points name the rate by its noun too: 二季度增速 for 二季度's 增长5.0%)
    let own_rate = page.words.strip_end("change_noun", &own);
    let own_level = earlier[candidate].metric.ends_with(&own)
        || (reading.aspect == Aspect::Share && earlier[candidate].metric.contains(&own))
        || (reading.aspect == Aspect::Points
            && own_rate.len() < own.len()
            && own_rate.chars().count() >= 2
            && earlier[candidate].metric.ends_with(own_rate));
    if own.chars().count() >= 2 && !own_level && !page.words.is("filler", &own) {
        return None;
    }
    // no other level stands between them (each part of a list has its own rate)
    let between_level = (candidate + 1..q).any(|p| {
        let f = &earlier[p];
        let whole_of_share = share_verb.is_some_and(|v| page.quantities[p].span.start > v)
            || whole_of_next(p)
            || (part_of_whole && averaged(p))
            || average_beside_total(p)
            || base_told(p);
        !f.bracketed
            && !whole_of_share
            && !f.compared
            && !milestone(p)
            && f.aspect == Aspect::Level
            && kind_family(&page.quantities[p]) == kind_family(&page.quantities[candidate])
    });
    // a rate, change or share between them that names its own measure (`甲基金上涨3.6%，乙基金
    // …下跌1.5%`): the subject has moved on from the level
    // (in a clause of its own: `88.1%和91.96%` are one list's)
    let moved_on = (candidate + 1..q).any(|p| {
        let f = &earlier[p];
        !f.bracketed
            && f.clause != clause
            && matches!(f.aspect, Aspect::Rate | Aspect::Change | Aspect::Share)
            && f.anchor.is_none()
    });
    (!between_level && !moved_on).then_some(candidate)
}

/// A count (or a bound) that opens the name of what the clause goes on to measure (`三家公司的营收
/// 占…`, `5只个股当月涨幅超过…`): the rate or share is of the things counted, not of how many there
/// are.
/// Either the figures are told for each thing (`分别`), or the count stands in the same clause and
/// between it and the figure come a `的`, a rate's noun or another figure.
fn counts_the_things_measured(
    page: &Page,
    count: usize,
    (q, clause): (usize, usize),
    earlier: &[Frame],
) -> bool {
    use factcheck_numbers::Qualifier::*;
    let (c, quantity) = (&page.quantities[count], &page.quantities[q]);
    // a bound names a class in the same way (`17岁及以下的儿童病例增加了…`)
    let bound = matches!(c.qualifier, MoreThan | AtLeast | LessThan | AtMost);
    if c.kind != Kind::Count && !bound {
        return false;
    }
    let between = &page.text[c.span.end..quantity.span.start.max(c.span.end)];
    // `这三只基金…分别下跌…`: one figure for each thing counted
    if between.contains("分别") {
        return true;
    }
    earlier[count].clause == clause
        && (between.contains('的')
            || page.words.find("change_noun", between).is_some()
            || q > count + 1)
}

/// The periods a story names, and its year.
struct StoryPeriods {
    stories: Vec<StoryPeriod>,
}

struct StoryPeriod {
    range: Range<usize>,
    /// The story's year.
    year: Option<i32>,
    /// The periods it names, in order.
    mentions: Vec<period::Mention>,
    /// The mentions (their indices, in order) not named in a comparison (比上年, 较2023年): what
    /// a figure is compared with, not when it was. Found once per story, not once per figure.
    stated: Vec<usize>,
}

/// A year named as a target or as where a span starts (`到2030年`, `2030年前`, `自1995年`,
/// `1995年以来`): not the time the story reports.
fn names_other_time(text: &str, range: std::ops::Range<usize>) -> bool {
    let lead = text[..range.start].chars().next_back();
    let trail = &text[range.end..];
    matches!(
        lead,
        Some('到' | '至' | '自' | '从' | '比' | '较' | '与' | '同')
    ) || ["以来", "来", "以前", "之前", "前", "起", "以后", "之后"]
        .iter()
        .any(|w| trail.starts_with(w))
}

impl StoryPeriods {
    fn new(text: &str, document: &Document, page_year: Option<i32>) -> StoryPeriods {
        let stories = document
            .articles
            .iter()
            .map(|a| {
                let mentions = period::mentions(text, a.range.clone());
                // the story's year: the page's, else the first year it prints of its own (not a
                // target, 到2030年, nor where a span starts, 1995年以来)
                let year = page_year.or_else(|| {
                    mentions
                        .iter()
                        .filter(|m| !names_other_time(text, m.range.clone()))
                        .find(|m| m.relative.is_none() && m.period.year.is_some())
                        .and_then(|m| m.period.year)
                });
                let stated = (0..mentions.len())
                    .filter(|&k| !period::compared_with(text, mentions[k].range.clone()))
                    .collect();
                StoryPeriod {
                    range: a.range.clone(),
                    year,
                    mentions,
                    stated,
                }
            })
            .collect();
        StoryPeriods { stories }
    }

    fn story(&self, at: usize) -> Option<&StoryPeriod> {
        self.stories
            .iter()
            .find(|s| s.range.start <= at && at < s.range.end.max(s.range.start + 1))
    }

    fn year_of(&self, _text: &str, at: usize) -> Option<i32> {
        self.story(at).and_then(|s| s.year)
    }

    /// The period a figure at `at` is stated for: the last period named before it in its
    /// sentence, else its paragraph, else its story's first; a part without a year takes the
    /// last year named before it.
    fn period_at(&self, text: &str, layout: &Layout, sentence: usize, at: usize) -> Option<Period> {
        let StoryPeriod {
            year,
            mentions,
            stated,
            ..
        } = self.story(at)?;
        let s = &layout.sentences[sentence];
        let paragraph_start = layout.sentences[..sentence]
            .iter()
            .rev()
            .take_while(|o| o.article == s.article && o.paragraph == s.paragraph)
            .last()
            .map_or(s.range.start, |o| o.range.start);
        // the mentions up to the first that ends after the figure, those stated only
        let reached = mentions.iter().take_while(|m| m.range.end <= at).count();
        let stated = &stated[..stated.partition_point(|&k| k < reached)];
        let before = || stated.iter().map(|&k| &mentions[k]);
        // 上年同期为…；其中…: last year's words end at a semicolon or a 其中
        let reaches = |m: &period::Mention| {
            !m.same_time_before || {
                let between = &text[m.range.end.min(at)..at];
                !between.contains('；') && !between.contains("其中")
            }
        };
        let last = before()
            .rev()
            .find(|m| m.range.start >= s.range.start && reaches(m))
            .or_else(|| {
                before()
                    .rev()
                    .find(|m| m.range.start >= paragraph_start && !m.same_time_before)
            })
            .or_else(|| before().find(|m| !m.same_time_before))?;
        let mut period = period::resolve(last, *year);
        if period.year.is_none() && last.relative.is_none() {
            period.year = before()
                .rev()
                .filter(|m| m.range.end <= last.range.start && !m.same_time_before)
                .find_map(|m| period::resolve(m, *year).year)
                .or(*year);
        }
        Some(period)
    }
}
