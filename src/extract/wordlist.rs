//! Fast membership, prefix and suffix tests against the fixed word lists of the rules.
//!
//! The rules keep their lists as plain `&[&str]` constants (easy to read and review); these
//! wrappers, built on first use, answer the same questions without comparing the word with
//! every entry: [`WordSet`] is a hash set for exact matches, [`AffixIndex`] buckets the entries
//! by their first or last two bytes so that a prefix or suffix test only looks at entries that
//! share them. The answers are exactly those of a scan over the list. No terminal imports.

use super::fasthash::{FastMap, FastSet};
use std::sync::OnceLock;

/// A word list answering exact membership through a hash set.
pub(crate) struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<(WordFilter, FastSet<&'static str>)>,
}

impl WordSet {
    /// The set of the words of `list` (built on first use).
    pub const fn new(list: &'static [&'static str]) -> Self {
        WordSet {
            list,
            set: OnceLock::new(),
        }
    }

    /// True when `w` is one of the words, as `list.contains(&w)`.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        let (filter, set) = self.set.get_or_init(|| {
            (
                WordFilter::of(self.list.iter().copied()),
                self.list.iter().copied().collect(),
            )
        });
        filter.may_contain(w) && set.contains(w)
    }
}

/// A one-bit-per-class filter over words, the class taken from a word's length and its first,
/// middle and last bytes: a word whose class no word of the set has is not in the set, which
/// answers most lookups of running text without hashing the word or probing a table.
#[derive(Clone)]
pub(crate) struct WordFilter {
    bits: [u64; WordFilter::WORDS],
}

impl WordFilter {
    /// 64-bit words of the filter (2^11 bits).
    const WORDS: usize = 32;

    /// The filter of a set of words.
    pub fn of<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut f = WordFilter {
            bits: [0; Self::WORDS],
        };
        for w in words {
            let b = Self::class(w);
            f.bits[b >> 6] |= 1 << (b & 63);
        }
        f
    }

    #[inline]
    fn class(w: &str) -> usize {
        let b = w.as_bytes();
        let n = b.len();
        let k = match n {
            0 => 0,
            _ => {
                (n as u32)
                    | (u32::from(b[0]) << 8)
                    | (u32::from(b[n - 1]) << 16)
                    | (u32::from(b[n / 2]) << 24)
            }
        };
        (k.wrapping_mul(0x9e37_79b1) >> (32 - 11)) as usize
    }

    /// False when no word of the set is `w`; true when one may be.
    #[inline]
    pub fn may_contain(&self, w: &str) -> bool {
        let b = Self::class(w);
        self.bits[b >> 6] & (1 << (b & 63)) != 0
    }
}

/// Answers remembered per word: words of at most 15 bytes are packed with their length into
/// one 16-byte key, so that finding one compares two machine words instead of following a
/// pointer to a string; longer words are kept as strings. Full at [`WordMemo::LIMIT`]
/// entries, it starts afresh.
pub(crate) struct WordMemo<V> {
    short: FastMap<u128, V>,
    long: FastMap<Box<str>, V>,
}

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo {
            short: FastMap::default(),
            long: FastMap::default(),
        }
    }
}

impl<V: Copy> WordMemo<V> {
    /// Entries kept before the memo starts afresh.
    pub const LIMIT: usize = 1 << 16;

    /// The answer for `w`, computed by `f` when not remembered yet.
    #[inline]
    pub fn get_or_insert_with(&mut self, w: &str, f: impl FnOnce() -> V) -> V {
        if self.short.len() + self.long.len() >= Self::LIMIT {
            self.clear();
        }
        let b = w.as_bytes();
        if b.len() < 16 {
            let mut key = [0u8; 16];
            key[..b.len()].copy_from_slice(b);
            key[15] = b.len() as u8;
            *self.short.entry(u128::from_le_bytes(key)).or_insert_with(f)
        } else {
            if let Some(v) = self.long.get(w) {
                return *v;
            }
            let v = f();
            self.long.insert(w.into(), v);
            v
        }
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
    }
}

/// Which end of the word an [`AffixIndex`] matches.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// Entries that may start the word.
    Prefix,
    /// Entries that may end the word.
    Suffix,
}

/// Number of buckets of an [`AffixIndex`] (a power of two).
const BUCKETS: usize = 512;

/// A list indexed by the two bytes at one end of each entry's word.
pub(crate) struct AffixIndex<T: 'static = &'static str> {
    list: &'static [T],
    word: fn(&T) -> &'static str,
    end: End,
    built: OnceLock<Buckets>,
}

/// Entry indices by bucket, in list order, and the entries shorter than two bytes.
struct Buckets {
    starts: Vec<u32>,
    entries: Vec<u16>,
    short: Vec<u16>,
    /// One bit per bucket, set when it holds entries: most words' buckets are empty, and this
    /// answers them from one cache line.
    filled: [u64; BUCKETS / 64],
}

/// The bucket of two bytes.
#[inline]
fn bucket(a: u8, b: u8) -> usize {
    let key = u32::from(a) | (u32::from(b) << 8);
    (key.wrapping_mul(0x9e37_79b1) >> 23) as usize & (BUCKETS - 1)
}

impl AffixIndex {
    /// The index of `list` by the ends `end` matches (built on first use).
    pub const fn new(list: &'static [&'static str], end: End) -> Self {
        AffixIndex::with_word(list, |w| w, end)
    }
}

impl<T: 'static> AffixIndex<T> {
    /// The index of `list` by the ends of the word `word` gives of each entry.
    pub const fn with_word(list: &'static [T], word: fn(&T) -> &'static str, end: End) -> Self {
        AffixIndex {
            list,
            word,
            end,
            built: OnceLock::new(),
        }
    }

    /// The two bytes of `w` at the matched end, when it has two.
    #[inline]
    fn pair(&self, w: &[u8]) -> Option<(u8, u8)> {
        let n = w.len();
        if n < 2 {
            return None;
        }
        Some(match self.end {
            End::Prefix => (w[0], w[1]),
            End::Suffix => (w[n - 2], w[n - 1]),
        })
    }

    fn buckets(&self) -> &Buckets {
        self.built.get_or_init(|| {
            let mut lists: Vec<Vec<u16>> = vec![Vec::new(); BUCKETS];
            let mut short = Vec::new();
            for (i, e) in self.list.iter().enumerate() {
                match self.pair((self.word)(e).as_bytes()) {
                    Some((a, b)) => lists[bucket(a, b)].push(i as u16),
                    None => short.push(i as u16),
                }
            }
            let mut starts = Vec::with_capacity(BUCKETS + 1);
            let mut entries = Vec::with_capacity(self.list.len());
            let mut filled = [0u64; BUCKETS / 64];
            for (k, l) in lists.iter().enumerate() {
                starts.push(entries.len() as u32);
                entries.extend_from_slice(l);
                if !l.is_empty() {
                    filled[k >> 6] |= 1 << (k & 63);
                }
            }
            starts.push(entries.len() as u32);
            Buckets {
                starts,
                entries,
                short,
                filled,
            }
        })
    }

    /// The first entry in list order for which `matches` holds, among those whose word can
    /// start (or end) `w`; `matches` must hold only for entries whose word does start (or end)
    /// it. Gives what `list.iter().position(|e| matches(e))` gives.
    #[inline]
    pub fn position(&self, w: &str, mut matches: impl FnMut(&'static T) -> bool) -> Option<usize> {
        let b = self.buckets();
        let short = b
            .short
            .iter()
            .map(|&i| i as usize)
            .find(|&i| matches(&self.list[i]));
        let Some((x, y)) = self.pair(w.as_bytes()) else {
            return short;
        };
        let k = bucket(x, y);
        if b.filled[k >> 6] & (1 << (k & 63)) == 0 {
            return short;
        }
        let range = b.starts[k] as usize..b.starts[k + 1] as usize;
        // Entries of the bucket come in list order: the first match beats any later short one.
        let limit = short.unwrap_or(usize::MAX);
        let long = b.entries[range]
            .iter()
            .map(|&i| i as usize)
            .take_while(|&i| i < limit)
            .find(|&i| matches(&self.list[i]));
        long.or(short)
    }

    /// True when `matches` holds for some entry that can start (or end) `w`; the same
    /// contract as [`Self::position`].
    #[inline]
    pub fn any(&self, w: &str, matches: impl FnMut(&'static T) -> bool) -> bool {
        self.position(w, matches).is_some()
    }

    /// The first entry for which `matches` holds (see [`Self::position`]).
    #[inline]
    pub fn find(&self, w: &str, matches: impl FnMut(&'static T) -> bool) -> Option<&'static T> {
        self.position(w, matches).map(|i| &self.list[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[&str] = &["ung", "s", "heit", "keit", "", "ing", "ungs"];

    #[test]
    fn suffix_answers_are_those_of_a_scan() {
        static IDX: AffixIndex = AffixIndex::new(LIST, End::Suffix);
        for w in [
            "zeitung", "zeitungs", "freiheit", "x", "", "s", "ks", "thing",
        ] {
            let scan = LIST.iter().position(|e| w.ends_with(e) && e.len() > 1);
            assert_eq!(
                IDX.position(w, |e| w.ends_with(e) && e.len() > 1),
                scan,
                "{w}"
            );
            let scan = LIST.iter().position(|e| w.ends_with(e));
            assert_eq!(IDX.position(w, |e| w.ends_with(e)), scan, "{w}");
        }
    }

    #[test]
    fn prefix_answers_are_those_of_a_scan() {
        const PRE: &[&str] = &["sag", "sagt", "s", "erklär", "ä", "äu"];
        static IDX: AffixIndex = AffixIndex::new(PRE, End::Prefix);
        for w in ["sagte", "sa", "erklärte", "äußert", "ä", "", "x"] {
            let scan = PRE
                .iter()
                .position(|e| w.starts_with(e) && w.len() <= e.len() + 3);
            let fast = IDX.position(w, |e| w.starts_with(e) && w.len() <= e.len() + 3);
            assert_eq!(fast, scan, "{w}");
        }
    }

    #[test]
    fn a_word_set_holds_exactly_its_words() {
        static SET: WordSet = WordSet::new(&["ist", "sind"]);
        assert!(SET.contains("ist"));
        assert!(!SET.contains("is"));
        assert!(!SET.contains("Ist"));
        assert!(!SET.contains(""));
    }

    #[test]
    fn a_word_memo_keeps_each_words_own_answer() {
        let mut memo = WordMemo::default();
        let words = [
            "a",
            "a\0",
            "ab",
            "Merkel",
            "Merkels",
            "fünfzehn Bytes!",
            "sechzehn Bytes!!",
            "sechzehn Bytes!?",
            "",
        ];
        for (k, w) in words.iter().enumerate() {
            assert_eq!(memo.get_or_insert_with(w, || k), k, "{w}");
        }
        for (k, w) in words.iter().enumerate() {
            assert_eq!(memo.get_or_insert_with(w, || usize::MAX), k, "{w}");
        }
        memo.clear();
        assert_eq!(memo.get_or_insert_with("a", || 7), 7);
    }

    #[test]
    fn a_word_filter_never_rejects_a_member() {
        let words = ["ist", "sind", "", "ä", "überhaupt", "x"];
        let f = WordFilter::of(words);
        for w in words {
            assert!(f.may_contain(w), "{w}");
        }
        let misses = ["war", "waren", "hatte", "Gestern", "sagte", "und", "der"]
            .iter()
            .filter(|w| !f.may_contain(w))
            .count();
        assert!(misses > 0);
    }
}
