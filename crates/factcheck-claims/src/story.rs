//! One story as the structure finders see it: its quantities with their frames, the measures they
//! form (a level with the changes, rates, shares and points that describe it), and the tests the
//! finders share (can two figures add up, does a name name a measure).

use crate::{Derived, Page, Var};
use factcheck_frames::{Aspect, Frame, Frames, Part, Period};
use factcheck_numbers::{Kind, Quantity};
use factcheck_rules::{RuleSet, Words};
use std::collections::BTreeMap;
use std::ops::Range;

pub struct Story<'a> {
    pub text: &'a str,
    pub article: usize,
    pub range: Range<usize>,
    pub headline: Option<Range<usize>>,
    pub quantities: &'a [Quantity],
    pub frames: &'a Frames,
    pub rules: &'a RuleSet,
    /// The page's tables (a finder keeps those inside the story).
    pub tables: &'a [factcheck_text::table::Table],
    /// The story's quantities (indices into the page's).
    pub members: Range<usize>,
    /// The page's number of quantity 0 (see [`crate::Page::numbered_from`]).
    numbered_from: usize,
    /// For each level in the story, the figures that describe it.
    pub described: BTreeMap<usize, Vec<usize>>,
    /// The story with its figures as tokens, for the patterns (made on first use).
    masked: std::cell::OnceCell<crate::masked::Masked>,
    /// The story's lists of parts (found on first use, shared by the finders).
    lists: std::cell::OnceCell<Vec<crate::finders::parts::PartsList>>,
    /// The story's levels with their rates and changes (found on first use, shared by the
    /// finders).
    growths: std::cell::OnceCell<Vec<crate::finders::growth::Growth>>,
    /// Each member figure's own label (read on first use: the finders ask for the same
    /// figures' labels many times over).
    own_labels: Vec<std::cell::OnceCell<String>>,
    /// Whether each member figure is a level that may be a total or a part (read on first use,
    /// as the labels).
    amount_levels: Vec<std::cell::OnceCell<bool>>,
    /// Whether the story says its rates are on a comparable basis (searched once: every list's
    /// total asks).
    comparable_basis: std::cell::OnceCell<bool>,
}

impl<'a> Story<'a> {
    pub fn new(page: &Page<'a>, article: usize, range: Range<usize>) -> Story<'a> {
        let first = page
            .quantities
            .partition_point(|q| q.span.start < range.start);
        let last = page
            .quantities
            .partition_point(|q| q.span.start < range.end);
        let mut described: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for q in first..last {
            if let Some(a) = page.frames.get(q).anchor {
                described.entry(a).or_default().push(q);
            }
        }
        Story {
            text: page.text,
            article,
            headline: page.document.articles[article].headline.clone(),
            range,
            quantities: page.quantities,
            frames: page.frames,
            rules: page.rules,
            tables: &page.document.tables,
            members: first..last,
            numbered_from: page.numbered_from,
            described,
            masked: std::cell::OnceCell::new(),
            lists: std::cell::OnceCell::new(),
            growths: std::cell::OnceCell::new(),
            own_labels: (first..last).map(|_| std::cell::OnceCell::new()).collect(),
            amount_levels: (first..last).map(|_| std::cell::OnceCell::new()).collect(),
            comparable_basis: std::cell::OnceCell::new(),
        }
    }

    /// Every total and its listed parts in the story.
    pub fn parts_lists(&self) -> &[crate::finders::parts::PartsList] {
        self.lists
            .get_or_init(|| crate::finders::parts::lists(self))
    }

    /// Every level of the story with a rate or change against an earlier period.
    pub fn growths(&self) -> &[crate::finders::growth::Growth] {
        self.growths
            .get_or_init(|| crate::finders::growth::growths(self))
    }

    /// The words that name figure `q` in its own clause, before it (not the noun after a
    /// count).
    pub fn own_label(&self, q: usize) -> std::borrow::Cow<'_, str> {
        let read = || crate::finders::parts::read_own_label(self, q);
        match q
            .checked_sub(self.members.start)
            .and_then(|k| self.own_labels.get(k))
        {
            Some(label) => std::borrow::Cow::Borrowed(label.get_or_init(read)),
            // (a figure outside the story is read each time)
            None => std::borrow::Cow::Owned(read()),
        }
    }

    /// Is figure `q` a level of an amount that may be a total or a part of a list (not in the
    /// headline, not an average)?
    pub fn amount_level(&self, q: usize) -> bool {
        let read = || crate::finders::parts::read_amount_level(self, q);
        match q
            .checked_sub(self.members.start)
            .and_then(|k| self.amount_levels.get(k))
        {
            Some(level) => *level.get_or_init(read),
            None => read(),
        }
    }

    /// Does the story say anywhere that its rates are on a comparable basis (增速按可比口径计算)?
    pub fn says_comparable_basis(&self) -> bool {
        *self.comparable_basis.get_or_init(|| {
            self.words()
                .contains("comparable_basis", &self.text[self.range.clone()])
        })
    }

    pub(crate) fn masked(&self) -> &crate::masked::Masked {
        self.masked.get_or_init(|| {
            crate::masked::Masked::new(
                self.text,
                self.range.clone(),
                self.quantities,
                self.numbered_from,
            )
        })
    }

    pub fn words(&self) -> &Words {
        &self.rules.lexicon
    }

    pub fn q(&self, q: usize) -> &Quantity {
        &self.quantities[q]
    }

    pub fn frame(&self, q: usize) -> &Frame {
        self.frames.get(q)
    }

    pub fn in_headline(&self, q: usize) -> bool {
        self.headline
            .as_ref()
            .is_some_and(|h| h.contains(&self.quantities[q].span.start))
    }

    /// The story's figures that give a level of a measure (money, counts, measures).
    pub fn levels(&self) -> impl Iterator<Item = usize> + '_ {
        self.members.clone().filter(|&q| self.is_level(q))
    }

    /// The article and paragraph a figure stands in.
    pub fn paragraph(&self, q: usize) -> (usize, usize) {
        let s = &self.frames.layout.sentences[self.frame(q).sentence];
        (s.article, s.paragraph)
    }

    /// Does the figure give a level of a measure?
    pub fn is_level(&self, q: usize) -> bool {
        let frame = self.frame(q);
        frame.aspect == Aspect::Level && !frame.compared && is_amount(self.q(q))
    }

    /// `从498亿元增长到…`: is the figure where a change starts from (a from-word since the figure
    /// before it in its clause, dates aside)?
    pub fn starts_from(&self, q: usize) -> bool {
        let clause = self.frame(q).clause;
        let floor = self
            .before_in_sentence(q)
            .take_while(|&p| self.frame(p).clause == clause)
            .find(|&p| self.q(p).kind != factcheck_numbers::Kind::Date)
            .map_or(self.frames.layout.clauses[clause].range.start, |p| {
                self.q(p).span.end
            });
        let before = &self.text[floor.min(self.q(q).span.start)..self.q(q).span.start];
        self.words().find("from", before).is_some()
    }

    /// The mark of the numbered item whose paragraph holds the figure (`（二）`, `3.`, `二、`), when
    /// its paragraph opens with one: figures of two items are of two subjects.
    pub fn numbered_item(&self, q: usize) -> Option<&'a str> {
        let mut s = self.frame(q).sentence;
        while let Some(before) = self.sentence_before_in_paragraph(s) {
            s = before;
        }
        let text: &'a str = self.text;
        let opening = text[self.frames.layout.sentences[s].range.clone()].trim_start();
        item_mark(opening)
    }

    /// The sentence just before sentence `s`, when it stands in the same paragraph.
    pub fn sentence_before_in_paragraph(&self, s: usize) -> Option<usize> {
        let sentences = &self.frames.layout.sentences;
        let before = s.checked_sub(1)?;
        (sentences[before].paragraph == sentences[s].paragraph
            && sentences[before].article == sentences[s].article)
            .then_some(before)
    }

    /// The figures before `q` in its sentence, nearest first (walking back, never the whole story).
    pub fn before_in_sentence(&self, q: usize) -> impl Iterator<Item = usize> + '_ {
        let sentence = self.frame(q).sentence;
        (self.members.start..q)
            .rev()
            .take_while(move |&p| self.frame(p).sentence == sentence)
    }

    /// The figures of an aspect that describe level `q`, in order.
    pub fn describing(&self, q: usize, aspect: Aspect) -> Vec<usize> {
        self.described
            .get(&q)
            .map(|ds| {
                ds.iter()
                    .copied()
                    .filter(|&d| self.frame(d).aspect == aspect)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Can the two figures be added and compared: the same unit, or one with none (3.5万 and
    /// 3.4万人), or units that share their measure word (件 and 件次); money only with money.
    pub fn addable(&self, a: usize, b: usize) -> bool {
        let (a, b) = (self.q(a), self.q(b));
        // a figure without a unit adds to one with a unit only when both are read as the same kind
        // (分别为12.3万、4.5万人), never a bare 37.07万 to a count of 只
        if a.kind != b.kind {
            return false;
        }
        if (a.kind == Kind::Money) != (b.kind == Kind::Money) {
            return false;
        }
        let people = |u: &str| self.words().is("person_unit", u);
        // 件 and 件次 count one thing; 人 and 人次 do not (visits are not visitors)
        let visits_of_people =
            |x: &str, y: &str| people(x) && y.strip_prefix(x).is_some_and(|rest| !rest.is_empty());
        a.unit == b.unit
            || (people(&a.unit) && people(&b.unit))
            || a.unit.is_empty()
            || b.unit.is_empty()
            || (a.unit.chars().next() == b.unit.chars().next()
                && !visits_of_people(&a.unit, &b.unit)
                && !visits_of_people(&b.unit, &a.unit))
    }

    /// The figure's period and the period of another may be of the same year (the year's end
    /// and the whole year are).
    pub fn same_year(&self, a: usize, b: usize) -> bool {
        match (self.frame(a).period, self.frame(b).period) {
            (Some(x), Some(y)) => x.year.is_none() || y.year.is_none() || x.year == y.year,
            _ => true,
        }
    }

    /// The figure's period and the period of another may be the same.
    pub fn same_period(&self, a: usize, b: usize) -> bool {
        match (self.frame(a).period, self.frame(b).period) {
            (Some(x), Some(y)) => x.may_equal(&y),
            _ => true,
        }
    }

    /// The period a change or rate figure compares its level against: the one its clause names,
    /// else the same part of the year before (as statistics copy means a bare 增长); `None` when
    /// it compares with another subject instead.
    pub fn compared_with(&self, figure: usize, level: usize) -> Option<Period> {
        let unknown = Period {
            year: None,
            part: factcheck_frames::Part::Year,
        };
        match &self.frame(figure).reference {
            factcheck_frames::Reference::Other { .. } => None,
            factcheck_frames::Reference::Period(p) => Some(p.unwrap_or(unknown)),
            factcheck_frames::Reference::Unsaid => {
                Some(self.frame(level).period.unwrap_or(unknown).year_before())
            }
        }
    }

    /// The level printed as the one compared against, between a level and its change or
    /// points (`比十年前的3.1人减少0.5人`): the last one before the change, in the change's clause
    /// or closing the clause just before it (`相比2019年的146.20亿元，上升了6.75%`), of the same
    /// kind and unit as the level.
    pub fn compared_level(&self, current: usize, change: usize) -> Option<usize> {
        // (or the figure named by an earlier time alone: `2019年同期为124.01亿元，增长18.4%`)
        let earlier_alone = |b: usize| {
            factcheck_frames::names_an_earlier_time_alone(
                self.words(),
                &self.plain_name(&self.frame(b).metric),
            )
        };
        let b = (current + 1..change)
            .rev()
            .find(|&b| self.frame(b).compared || earlier_alone(b))?;
        let clause = self.frame(change).clause;
        let next_to = self.frame(b).clause + 1 == clause
            && self.frame(b).sentence == self.frame(change).sentence
            && (b + 1..change).all(|q| self.frame(q).clause == clause);
        // (in brackets inside the change's clause: `比一季度（4.9%）加快`)
        let inside = self.frames.layout.clauses[self.frame(b).clause].host == Some(clause);
        ((self.frame(b).clause == clause || next_to || inside)
            && self.addable(b, current)
            && self.q(b).unit == self.q(current).unit)
            .then_some(b)
    }

    pub fn stated(&self, q: usize) -> Var {
        Var::Stated(q)
    }

    /// A derived value shown like figure `like`.
    pub fn derived(&self, key: String, like: usize, name: Option<String>) -> Var {
        Var::Derived(Derived {
            key,
            like,
            name,
            nonnegative: true,
        })
    }

    /// What the editor calls a measure in a period: `2024年` + `年末户籍人口` reads
    /// `2024年末户籍人口`, the words both say once.
    pub fn period_name(period: &Period, metric: &str) -> String {
        let shown = period.display();
        let overlap = (1..=metric.len().min(shown.len()))
            .rev()
            .filter(|&k| metric.is_char_boundary(k) && shown.is_char_boundary(shown.len() - k))
            .find(|&k| shown.ends_with(&metric[..k]))
            .unwrap_or(0);
        format!("{shown}{}", &metric[overlap..])
    }

    /// The name of what figure `q`'s measure was in the earlier `period` it is compared with:
    /// `2023年1-9月夜间消费额`; when no year is known, the same part of the year as the figure's
    /// own is the year before's (`上年1-9月夜间消费额`), never the figure's own period.
    pub fn earlier_name(&self, q: usize, period: &Period, metric: &str) -> String {
        // (a figure of no known period may be compared with the day or week before: 上期)
        let own_part = self.frame(q).period.map(|p| p.part);
        if period.year.is_none() && own_part == Some(period.part) {
            let name = Self::period_name(period, metric);
            return match period.part {
                Part::YearEnd => format!("上{name}"),
                _ => format!("上年{name}"),
            };
        }
        Self::period_name(period, metric)
    }

    /// The key of the value a measure had in `period` (its base, or a rate's earlier level).
    pub fn earlier_key(&self, q: usize, period: Option<Period>) -> String {
        let period = period
            .map(|p| p.display())
            .unwrap_or_else(|| "?".to_string());
        format!("{q}@{period}")
    }

    /// Does `name` (what the copy calls a whole: 全部工业总产值, 常住人口, GDP) name the measure
    /// of figure `q`? Exact, by synonym, or one ending the other (`工业总产值` names
    /// `规模以上工业总产值`'s head); the story's own subject words (全市) do not count.
    pub fn names(&self, name: &str, q: usize) -> NameMatch {
        let metric = self.frame(q).metric.as_str();
        // 全省GDP is not 全县GDP, though each names GDP (我市 and 全市 are one city)
        let territory = |mut s: &str| loop {
            if let Some(w) = self.words().starting("territory", s) {
                return w.chars().last();
            }
            // past a period word before it (全年全县…)
            let word = self.words().starting("own_subject", s)?;
            s = &s[word.len()..];
        };
        if let (Some(a), Some(b)) = (territory(name), territory(metric)) {
            if a != b {
                return NameMatch::No;
            }
        }
        let name = self.plain_name(name);
        let metric = self.plain_name(metric);
        if name.is_empty() || metric.is_empty() {
            return NameMatch::No;
        }
        if name == metric || self.synonyms(&name, &metric) {
            return NameMatch::Exact;
        }
        // a verb of attaining opening one name adds nothing to it (实现营业收入 is 营业收入)
        let attained = |n: &str| {
            let rest = self.words().strip_start("attain", n);
            if rest.chars().count() >= 2 { rest } else { n }.to_string()
        };
        if attained(&name) == attained(&metric) {
            return NameMatch::Exact;
        }
        let (shorter, longer) = if name.chars().count() <= metric.chars().count() {
            (&name, &metric)
        } else {
            (&metric, &name)
        };
        if shorter.chars().count() >= 2
            && (longer.ends_with(shorter.as_str()) || longer.starts_with(shorter.as_str()))
        {
            return NameMatch::Partial;
        }
        NameMatch::No
    }

    /// A name without the story's own subject (全市, 今年), `全部`/`总` prefixes or a final 的.
    pub fn plain_name(&self, name: &str) -> String {
        let words = self.words();
        let name = words.strip_start("own_subject", name);
        let name = name.strip_prefix("全部").unwrap_or(name);
        let name = name.trim_end_matches('的');
        name.to_string()
    }

    /// How an earlier period's figure `b` names figure `q`'s measure: `上年同期利润总额` by its
    /// name after the period word, `上年同期为62亿元` by naming none, just after `q` (in its
    /// sentence or the next one of its paragraph).
    pub fn names_earlier(&self, q: usize, b: usize) -> NameMatch {
        if self.names_only_a_time(b) {
            return self.names_just_before(q, b);
        }
        let plain = self.plain_name(&self.frame(b).metric);
        let rest = self.words().strip_start("earlier_figure", &plain);
        if rest.len() == plain.len() {
            return self.names(&self.frame(q).metric, b);
        }
        if !rest.is_empty() {
            return self.names(rest, q);
        }
        self.names_just_before(q, b)
    }

    /// Does `b`'s name say only when (`上半年为6.4%`, `2014年这一比重为1.66%`)?
    pub fn names_only_a_time(&self, b: usize) -> bool {
        names_only_a_time(self.words(), &self.plain_name(&self.frame(b).metric))
    }

    /// Is `b` named by an earlier period's words alone (`上年同期为62亿元`)?
    pub fn names_no_measure(&self, b: usize) -> bool {
        let plain = self.plain_name(&self.frame(b).metric);
        let rest = self.words().strip_start("earlier_figure", &plain);
        rest.is_empty() && rest.len() < plain.len()
    }

    /// Is figure `q` one end of a range printed as two figures (`48～186例`, `5至10人`)? It
    /// bounds what varies; it is no amount of anything.
    pub fn is_range_end(&self, q: usize) -> bool {
        let joins = |a: usize, b: usize| {
            a >= self.members.start
                && b < self.members.end
                && self.q(a).kind == self.q(b).kind
                && matches!(
                    self.text[self.q(a).span.end..self.q(b).span.start.max(self.q(a).span.end)]
                        .trim(),
                    "～" | "~" | "—" | "－" | "-" | "至" | "到"
                )
        };
        q.checked_sub(1).is_some_and(|p| joins(p, q)) || joins(q, q + 1)
    }

    /// Does `b`'s name open with an earlier period (`上年同期利润总额`, `上年末`)? It is the
    /// figure the story's own is compared with, whatever year the story leaves unsaid.
    pub fn is_earlier_figure(&self, b: usize) -> bool {
        let plain = self.plain_name(&self.frame(b).metric);
        // or a sentence that opens with the earlier period (`上年同期，公司营业收入为…`)
        let sentence = &self.frames.layout.sentences[self.frame(b).sentence];
        let opening = self.text[sentence.range.start..self.q(b).span.start].trim_start();
        self.words().starting("earlier_figure", &plain).is_some()
            || self.words().starting("earlier_figure", opening).is_some()
    }

    /// A figure that names no measure restates the one just before it: in its sentence or in
    /// the next one of its paragraph.
    fn names_just_before(&self, q: usize, b: usize) -> NameMatch {
        let layout = &self.frames.layout;
        let (sq, sb) = (self.frame(q).sentence, self.frame(b).sentence);
        let next_in_paragraph = sb == sq + 1
            && layout.sentences[sq].paragraph == layout.sentences[sb].paragraph
            && layout.sentences[sq].article == layout.sentences[sb].article;
        // the nearest level before it only (`营业收入…增长12.6%；净利润…增长21.3%，上年同期为…`)
        let nearest = (q + 1..b).all(|o| !self.amount_level(o));
        if b > q && nearest && (sb == sq || next_in_paragraph) {
            NameMatch::Exact
        } else {
            NameMatch::No
        }
    }

    fn synonyms(&self, a: &str, b: &str) -> bool {
        self.rules.synonyms.iter().any(|group| {
            let has = |x: &str| group.iter().any(|w| x == w || x.ends_with(w.as_str()));
            has(a) && has(b)
        })
    }

    /// The partition word a label names (`城镇人口` → 城镇 of [城镇, 乡村]), for every group of
    /// the packs (in order): the label read once for all the groups' words. A group's word that
    /// lies inside the group's declared whole (出口 in 进出口) is not named; a label that names
    /// two words of a group names none.
    pub fn partition_words(&self, label: &str) -> Vec<Option<usize>> {
        let lookup = &self.rules.partition_words;
        let held = lookup.held(label);
        self.rules
            .partitions
            .iter()
            .enumerate()
            .map(|(g, group)| {
                // (a repeated group is read with the wholes of its first appearance)
                let first = lookup.first_alike(g);
                let mut found = None;
                for k in 0..group.len() {
                    if lookup.holds(&held, g, k) && !self.inside_whole(label, first, k) {
                        // (不合格 holds 合格 too: the longer word, that holds the other, names it)
                        found = match found {
                            None => Some(k),
                            Some(j) if group[k].contains(group[j].as_str()) => Some(k),
                            Some(j) if group[j].contains(group[k].as_str()) => Some(j),
                            Some(_) => return None,
                        };
                    }
                }
                found
            })
            .collect()
    }

    /// Does `name` name one part of a partition whose whole figure `q` measures (出口总值 and a
    /// total of 进出口, declared as that group's whole in the packs)?
    pub fn names_part_of_whole_in(&self, name: &str, q: usize) -> bool {
        let metric = &self.frame(q).metric;
        self.rules
            .partitions
            .iter()
            .zip(&self.rules.partition_wholes)
            .any(|(parts, wholes)| {
                wholes.iter().any(|whole| {
                    metric.contains(whole.as_str())
                        && parts.iter().any(|part| {
                            whole.contains(part.as_str())
                                && name.contains(part.as_str())
                                && !name.contains(whole.as_str())
                        })
                })
            })
    }

    /// Does every place `label` holds part word `k` of partition group `g` lie inside the
    /// group's declared whole (出口 in 进出口)? Then the label names the whole, not the part.
    pub fn inside_whole(&self, label: &str, g: usize, k: usize) -> bool {
        let part = self.rules.partitions[g][k].as_str();
        let wholes: Vec<&String> = self.rules.partition_wholes[g]
            .iter()
            .filter(|w| w.contains(part))
            .collect();
        !wholes.is_empty()
            && label.match_indices(part).all(|(at, _)| {
                wholes.iter().any(|w| {
                    let offset = w.find(part).unwrap_or(0);
                    at >= offset
                        && label
                            .get(at - offset..)
                            .is_some_and(|rest| rest.starts_with(w.as_str()))
                })
            })
    }

    /// Does `text` say its list is partial (等, 主要, 包括)? A 等 inside a word (中等职业学校,
    /// 高等教育, 等级) says nothing of the kind.
    pub fn says_partial(&self, text: &str) -> bool {
        self.words().class("partial_list").iter().any(|w| {
            text.match_indices(w.as_str()).any(|(at, _)| {
                if w != "等" {
                    return true;
                }
                let before = text[..at].chars().next_back();
                let after = text[at + w.len()..].chars().next();
                !before.is_some_and(|c| "中高初同平相对均次优特头上下劣".contains(c))
                    && !after.is_some_and(|c| "级于待同候".contains(c))
            })
        })
    }

    /// Is there a word of `class` in the text between two offsets?
    pub fn says_between(&self, class: &str, from: usize, to: usize) -> bool {
        self.words().contains(class, &self.text[from.min(to)..to])
    }
}

/// Does a name say only when, or only `这一比重` (`上半年`, `2014年这一比重`, `这一`)? The figure
/// then restates the measure just before it for another time.
fn names_only_a_time(words: &Words, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let mentions = factcheck_frames::period::mentions(name, 0..name.len());
    let mut rest = String::new();
    let mut at = 0;
    for m in &mentions {
        rest.push_str(&name[at..m.range.start]);
        at = m.range.end;
    }
    rest.push_str(&name[at..]);
    let rest = words.strip_start("anaphor_measure", rest.trim());
    rest.is_empty()
}

/// How well a name names a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    No,
    Partial,
    Exact,
}

/// The mark a numbered item opens with: `（一）`, `(2)`, `三、`, `4.`, `5、`, `6）`; not a run of
/// numerals (`6、7月份`, `一、二季度`, `3．5万`).
fn item_mark(text: &str) -> Option<&str> {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let after_open = text.strip_prefix('（').or_else(|| text.strip_prefix('('));
    let body = after_open.unwrap_or(text);
    let digits = body.len() - body.trim_start_matches(numeral).len();
    if digits == 0 || body[..digits].chars().count() > 3 {
        return None;
    }
    let close = body[digits..].chars().next()?;
    let closes = match after_open {
        Some(_) => matches!(close, '）' | ')'),
        None => matches!(close, '、' | '）' | ')' | '．' | '.'),
    };
    let mark = text.len() - body.len() + digits + close.len_utf8();
    // (3.5万, 6、7月份: numerals that run on open no item)
    let runs_on = text[mark..].starts_with(numeral);
    (closes && !runs_on).then(|| &text[..mark])
}

/// How many characters two names end with alike (`净利润`, `银行净利润`: 3).
pub fn common_ending(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Han characters only.
/// The last `n` characters of a text (all of it when shorter), without walking the rest.
pub fn tail(text: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    let start = text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    &text[start..]
}

pub fn han(text: &str) -> String {
    text.chars()
        .filter(|&c| factcheck_text::chars::is_han(c))
        .collect()
}

/// Money, counts and measures: the figures that add up.
pub fn is_amount(q: &Quantity) -> bool {
    matches!(q.kind, Kind::Money | Kind::Count | Kind::Other) && q.number().is_some()
}
