//! Figures kept once each, in the order first seen. Most readings name a few figures, for which
//! searching the short list costs less than hashing; a list of thousands of parts gets a set.

use std::collections::HashSet;

/// Up to this many figures the list is searched; past it, a set is kept beside it.
const SEARCHED: usize = 16;

#[derive(Debug, Default)]
pub struct Distinct {
    list: Vec<usize>,
    set: Option<HashSet<usize>>,
}

impl Distinct {
    /// Adds `q` unless it is held already; whether it was added.
    pub fn insert(&mut self, q: usize) -> bool {
        let added = match &mut self.set {
            Some(set) => set.insert(q),
            None => !self.list.contains(&q),
        };
        if added {
            self.list.push(q);
            if self.set.is_none() && self.list.len() > SEARCHED {
                self.set = Some(self.list.iter().copied().collect());
            }
        }
        added
    }

    /// The figures, in the order first seen.
    pub fn into_vec(self) -> Vec<usize> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_once_in_first_seen_order_however_many() {
        let mut distinct = Distinct::default();
        let input: Vec<usize> = (0..100).rev().chain(0..100).chain([7, 3]).collect();
        let added = input.iter().filter(|&&q| distinct.insert(q)).count();
        assert_eq!(added, 100);
        assert_eq!(distinct.into_vec(), (0..100).rev().collect::<Vec<_>>());
    }
}
