//! The partition groups ready to look names up: which word of each group a name holds, read in
//! one pass over the name for every group at once (a story has hundreds of names, the packs
//! dozens of groups).

use aho_corasick::AhoCorasick;

#[derive(Debug, Clone, Default)]
pub struct PartitionWords {
    /// Per group, per word: the word's id (one id per distinct word).
    groups: Vec<Vec<usize>>,
    /// How many distinct words there are.
    count: usize,
    /// The id of the empty word, if a group has one: every name holds it.
    empty: Option<usize>,
    /// Finds the other words; `ids` maps each of its patterns to its word's id.
    automaton: Option<AhoCorasick>,
    ids: Vec<usize>,
    /// The distinct words by id (looked for one by one should the automaton fail to build).
    words: Vec<String>,
    /// Per group, the first group of the same words (itself, unless a pack repeats a group).
    first_alike: Vec<usize>,
}

impl PartitionWords {
    pub fn new(groups: &[Vec<String>]) -> PartitionWords {
        let mut distinct: Vec<&str> = Vec::new();
        let mut ids_of_groups: Vec<Vec<usize>> = Vec::new();
        for group in groups {
            let mut ids = Vec::new();
            for word in group {
                let id = match distinct.iter().position(|d| d == word) {
                    Some(id) => id,
                    None => {
                        distinct.push(word);
                        distinct.len() - 1
                    }
                };
                ids.push(id);
            }
            ids_of_groups.push(ids);
        }
        let empty = distinct.iter().position(|w| w.is_empty());
        // the automaton's patterns are the non-empty words; `ids` maps a pattern to its word
        let ids: Vec<usize> = (0..distinct.len())
            .filter(|&id| !distinct[id].is_empty())
            .collect();
        let automaton = AhoCorasick::new(ids.iter().map(|&id| distinct[id])).ok();
        let first_alike = (0..ids_of_groups.len())
            .map(|g| {
                (0..g)
                    .find(|&f| ids_of_groups[f] == ids_of_groups[g])
                    .unwrap_or(g)
            })
            .collect();
        PartitionWords {
            groups: ids_of_groups,
            count: distinct.len(),
            empty,
            automaton,
            ids,
            words: distinct.iter().map(|w| w.to_string()).collect(),
            first_alike,
        }
    }

    /// Which of the distinct words `name` holds, wherever they stand (男 in 男性 too): read for
    /// every group at once, then asked with [`PartitionWords::holds`].
    pub fn held(&self, name: &str) -> Vec<bool> {
        let mut held = vec![false; self.count];
        if let Some(id) = self.empty {
            held[id] = true;
        }
        match &self.automaton {
            // overlapping: every word found wherever it stands, inside a longer one too
            Some(ac) => {
                for m in ac.find_overlapping_iter(name) {
                    held[self.ids[m.pattern().as_usize()]] = true;
                }
            }
            None => {
                for (id, word) in self.words.iter().enumerate() {
                    held[id] |= name.contains(word.as_str());
                }
            }
        }
        held
    }

    /// Does a name whose [`PartitionWords::held`] words these are hold word `k` of group `g`?
    pub fn holds(&self, held: &[bool], g: usize, k: usize) -> bool {
        held[self.groups[g][k]]
    }

    /// The first group of the same words as group `g` (`g` itself unless a pack repeats it).
    pub fn first_alike(&self, g: usize) -> usize {
        self.first_alike[g]
    }

    /// [`PartitionWords::held`], finding nothing but the empty word should the automaton fail to
    /// build.
    fn held_by_automaton(&self, name: &str) -> Vec<bool> {
        if self.automaton.is_none() {
            let mut held = vec![false; self.count];
            if let Some(id) = self.empty {
                held[id] = true;
            }
            return held;
        }
        self.held(name)
    }

    /// For each group (in order), the index in the group of the only word of it that `name`
    /// holds: none when it holds none of them or several.
    pub fn in_name(&self, name: &str) -> Vec<Option<usize>> {
        let held = self.held_by_automaton(name);
        self.groups
            .iter()
            .map(|group| {
                let mut found = None;
                for (k, &id) in group.iter().enumerate() {
                    if held[id] {
                        if found.is_some() {
                            return None;
                        }
                        found = Some(k);
                    }
                }
                found
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_of_each_group_or_none() {
        let groups = vec![
            vec!["城镇".to_string(), "乡村".to_string()],
            vec!["男性".to_string(), "女性".to_string()],
            vec!["男".to_string(), "女".to_string()],
        ];
        let words = PartitionWords::new(&groups);
        assert_eq!(
            words.in_name("城镇男性人口"),
            vec![Some(0), Some(0), Some(0)]
        );
        assert_eq!(words.in_name("男女人口"), vec![None, None, None]);
        assert_eq!(words.in_name("乡村人口"), vec![Some(1), None, None]);
    }
}
