//! What a number measures, as the copy names it: the words right before it in its clause
//! (`技术合同交易额突破18.47亿元` → 技术合同交易额), or the noun after a count's measure word
//! (`27家参评工程技术研究中心` → 参评工程技术研究中心).

use factcheck_numbers::{Kind, Quantity};
use factcheck_text::chars::is_han;

/// Verbs and qualifiers between a label and its number, dropped from the label.
const LINKS: [&str; 22] = [
    "达到",
    "完成",
    "实现",
    "突破",
    "超过",
    "共计",
    "合计",
    "累计",
    "总计",
    "约为",
    "分别为",
    "分别",
    "达",
    "为",
    "是",
    "有",
    "共",
    "约",
    "超",
    "近",
    "逾",
    "计",
];

pub struct Labels {
    labels: Vec<String>,
}

impl Labels {
    pub fn new(text: &str, quantities: &[Quantity]) -> Labels {
        let labels = quantities
            .iter()
            .enumerate()
            .map(|(k, q)| {
                let floor = k
                    .checked_sub(1)
                    .map(|p| quantities[p].span.end)
                    .unwrap_or(0);
                let before = label_before(text, q.span.start, floor);
                if before.chars().count() >= 2 || q.kind != Kind::Count {
                    before
                } else {
                    noun_after(text, q.span.end)
                }
            })
            .collect();
        Labels { labels }
    }

    pub fn get(&self, index: usize) -> &str {
        self.labels.get(index).map(String::as_str).unwrap_or("")
    }
}

/// The Han words before `at` in its clause (not before `floor`), links stripped, at most 12.
pub fn label_before(text: &str, at: usize, floor: usize) -> String {
    let label = raw_label_before(text, at, floor);
    // `比上年增加35万吨`: a comparison names a change, not what is measured
    if ["比", "较", "同比", "环比", "与", "相比"]
        .iter()
        .any(|w| label.starts_with(w))
    {
        return String::new();
    }
    label
}

fn raw_label_before(text: &str, at: usize, floor: usize) -> String {
    let before = &text[floor.min(at)..at];
    let clause: String = before
        .chars()
        .rev()
        .take_while(|&c| is_han(c) || c == '"')
        .filter(|&c| c != '"')
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    // 达到了, 增长了: the aspect particle goes with the link before it
    let mut label = clause.strip_suffix('了').unwrap_or(&clause);
    let mut stripped = true;
    while stripped {
        stripped = false;
        for link in LINKS {
            if let Some(rest) = label.strip_suffix(link) {
                label = rest;
                stripped = true;
            }
        }
    }
    label.to_string()
}

fn noun_after(text: &str, at: usize) -> String {
    text[at..]
        .chars()
        .take_while(|&c| is_han(c))
        .take(12)
        .collect()
}
