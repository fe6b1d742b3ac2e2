//! A [`SearchIndex`] as bytes, so that a finished index can be written once and loaded without
//! folding a single label again (`dossier find` reads one from the cache).
//!
//! # Layout
//!
//! [`SearchIndex::encode`] gives two parts. The *texts* are the arena's blocks one after the
//! other (every label, folded and lowered label and detail), UTF-8. The *tables*, all integers
//! little-endian:
//!
//! ```text
//! entries: u64 | details: u64 | texts length: u64
//! entries × (mask u64, recency u64, label, folded, lower: (start u32, len u32) each,
//!            detail u32, article u32, offset u32, label chars u32,
//!            kind u8, fuzzy on lower u8, has lower u8, 0 u8)
//! details × (start u32, len u32)
//! scan order: entries × u32
//! ```
//!
//! Starts are byte offsets into the texts. [`SearchIndex::decode`] checks every count, slot and
//! id against the lengths it was given (a damaged table is refused, never a panic), and takes
//! the texts as they were read, without copying them. The forms stored depend on the folding
//! and masking code: [`fold_fingerprint`] changes whenever their output does, so a reader can
//! refuse an index folded by another version.

use super::{
    Arena, CandidateKind, Details, Entry, SearchIndex, Slot, char_bit, fold_text, lower_and_mask,
};
use fuzzy_matcher::skim::SkimMatcherV2;

/// Bytes of one entry in the tables.
const ENTRY_BYTES: usize = 8 + 8 + 3 * 8 + 4 * 4 + 4;
/// Bytes of the counts before the entries.
const COUNTS_BYTES: usize = 3 * 8;

/// Text that passes through every branch of the folding, lowering and masking code.
const PROBE: &str = "Müller Mueller MUELLER Straße STRASSE ẞ Pjöngjang Kyjiw Œuvre œ Ĳssel ĳ \
    ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåæçèéêëìíîïðñòóôõöøùúûüýÿþ \
    ĀāĂăĄąĆćČčĎďĒēĘęĞğĦħĪīİıĶķĹĺŁłŃńŇňŐőŘřŚśŠšŢţŤťŪūŮůŰűŸŹźŻżŽžſ ȘșȚț \
    e\u{301} a\u{308} x\u{1AB0}\u{1DC0}\u{20D0}\u{FE20} ΑΒΓ αβγ ДЖЯ джя 0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \
    Ωmega ǅ ﬁ Ⅻ 😀";

/// A fingerprint of what [`SearchIndex`] stores for a label: the folded, lowered and masked
/// forms of a probe text that exercises every rule. An index written by a build whose folding
/// differs has another fingerprint.
pub fn fold_fingerprint() -> u64 {
    // FNV-1a over the forms of each word of the probe and of the whole probe.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for word in PROBE.split(' ').chain([PROBE]) {
        let folded = fold_text(word);
        let (lower, mask, upper) = lower_and_mask(&folded);
        eat(folded.as_bytes());
        eat(lower.as_bytes());
        eat(&mask.to_le_bytes());
        eat(&[u8::from(upper)]);
    }
    for c in PROBE.chars() {
        eat(&char_bit(c).to_le_bytes());
    }
    h
}

fn kind_code(kind: CandidateKind) -> u8 {
    match kind {
        CandidateKind::Article => 0,
        CandidateKind::Heading => 1,
        CandidateKind::Entity => 2,
        CandidateKind::Claim => 3,
        CandidateKind::Bookmark => 4,
    }
}

fn kind_of(code: u8) -> Option<CandidateKind> {
    CandidateKind::ALL.get(usize::from(code)).copied()
}

/// Reads little-endian integers from a byte slice, front to back.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A slot of the texts, checked to lie within `len` bytes.
    fn slot(&mut self, len: usize) -> Option<Slot> {
        let start = self.u32()?;
        let n = self.u32()?;
        let end = (start as usize).checked_add(n as usize)?;
        (end <= len).then_some(Slot {
            block: 0,
            start,
            len: n,
        })
    }
}

impl SearchIndex {
    /// The index as bytes: its texts and its tables (see the module docs of `stored`). `None`
    /// when the texts exceed 4 GiB, which the tables cannot address.
    pub fn encode(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        // Where each block of the arena starts in the texts.
        let mut starts = Vec::with_capacity(self.arena.blocks.len());
        let mut texts = Vec::with_capacity(self.arena.blocks.iter().map(String::len).sum());
        for block in &self.arena.blocks {
            starts.push(u32::try_from(texts.len()).ok()?);
            texts.extend_from_slice(block.as_bytes());
        }
        u32::try_from(texts.len()).ok()?;
        let at = |slot: Slot| -> Option<[u8; 8]> {
            let start = starts.get(slot.block as usize)?.checked_add(slot.start)?;
            let mut out = [0; 8];
            out[..4].copy_from_slice(&start.to_le_bytes());
            out[4..].copy_from_slice(&slot.len.to_le_bytes());
            Some(out)
        };
        let mut tables = Vec::with_capacity(
            COUNTS_BYTES + self.entries.len() * (ENTRY_BYTES + 4) + self.details.len() * 8,
        );
        tables.extend_from_slice(&(self.entries.len() as u64).to_le_bytes());
        tables.extend_from_slice(&(self.details.len() as u64).to_le_bytes());
        tables.extend_from_slice(&(texts.len() as u64).to_le_bytes());
        for e in &self.entries {
            tables.extend_from_slice(&e.mask.to_le_bytes());
            tables.extend_from_slice(&e.recency.to_le_bytes());
            tables.extend_from_slice(&at(e.label)?);
            tables.extend_from_slice(&at(e.folded)?);
            tables.extend_from_slice(&e.lower.map_or(Some([0; 8]), at)?);
            tables.extend_from_slice(&e.detail.to_le_bytes());
            tables.extend_from_slice(&e.article.to_le_bytes());
            tables.extend_from_slice(&e.offset.to_le_bytes());
            tables.extend_from_slice(&e.label_chars.to_le_bytes());
            tables.extend_from_slice(&[
                kind_code(e.kind),
                u8::from(e.fuzzy_on_lower),
                u8::from(e.lower.is_some()),
                0,
            ]);
        }
        // Details are not in the arena: they follow the other texts.
        let mut details = Vec::with_capacity(self.details.len() * 8);
        for id in 0..self.details.len() {
            let d = self.details.get(u32::try_from(id).ok()?);
            let start = u32::try_from(texts.len()).ok()?;
            let len = u32::try_from(d.head.len() + d.tail.len()).ok()?;
            texts.extend_from_slice(d.head.as_bytes());
            texts.extend_from_slice(d.tail.as_bytes());
            details.extend_from_slice(&start.to_le_bytes());
            details.extend_from_slice(&len.to_le_bytes());
        }
        u32::try_from(texts.len()).ok()?;
        // The texts' length in the counts is the final one.
        tables[16..24].copy_from_slice(&(texts.len() as u64).to_le_bytes());
        tables.extend_from_slice(&details);
        for id in &self.scan_order {
            tables.extend_from_slice(&id.to_le_bytes());
        }
        Some((texts, tables))
    }

    /// The index [`SearchIndex::encode`] gave these parts of, or `None` when they do not fit
    /// together (a count, slot, id or kind out of range, or texts that are not UTF-8).
    pub fn decode(texts: Vec<u8>, tables: &[u8]) -> Option<SearchIndex> {
        let texts = String::from_utf8(texts).ok()?;
        let len = texts.len();
        let mut r = Reader { bytes: tables };
        let n = usize::try_from(r.u64()?).ok()?;
        let n_details = usize::try_from(r.u64()?).ok()?;
        if usize::try_from(r.u64()?).ok()? != len
            || r.bytes.len()
                != n.checked_mul(ENTRY_BYTES + 4)?
                    .checked_add(n_details.checked_mul(8)?)?
            || u32::try_from(n).is_err()
        {
            return None;
        }
        let on_char = |s: Slot| {
            let (a, b) = (s.start as usize, s.start as usize + s.len as usize);
            texts.is_char_boundary(a) && texts.is_char_boundary(b)
        };
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let mask = r.u64()?;
            let recency = r.u64()?;
            let label = r.slot(len)?;
            let folded = r.slot(len)?;
            let lower = r.slot(len)?;
            let detail = r.u32()?;
            let article = r.u32()?;
            let offset = r.u32()?;
            let label_chars = r.u32()?;
            let kind = kind_of(r.u8()?)?;
            let fuzzy_on_lower = r.u8()? != 0;
            let has_lower = r.u8()? != 0;
            r.u8()?;
            if detail as usize >= n_details.max(1)
                || ![label, folded, lower].into_iter().all(on_char)
            {
                return None;
            }
            entries.push(Entry {
                mask,
                recency,
                label,
                folded,
                lower: has_lower.then_some(lower),
                detail,
                article,
                offset,
                label_chars,
                kind,
                fuzzy_on_lower,
            });
        }
        let mut details = Details::default();
        for _ in 0..n_details {
            let slot = r.slot(len)?;
            let start = slot.start as usize;
            details.push(texts.get(start..start + slot.len as usize)?);
        }
        details.seal();
        let mut scan_order = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        for _ in 0..n {
            let id = r.u32()?;
            let seen = seen.get_mut(id as usize)?;
            if std::mem::replace(seen, true) {
                return None;
            }
            scan_order.push(id);
        }
        Some(SearchIndex {
            entries,
            arena: Arena {
                blocks: vec![texts],
            },
            details,
            scan_order,
            matcher: SkimMatcherV2::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Candidate, CandidateKind, SearchIndex};

    fn candidate(kind: CandidateKind, label: &str, detail: &str, article: usize) -> Candidate {
        Candidate {
            kind,
            label: label.to_string(),
            detail: detail.to_string(),
            article,
            offset: article * 7,
            recency: (article % 3) as u64,
        }
    }

    fn candidates() -> Vec<Candidate> {
        use CandidateKind::{Article, Bookmark, Claim, Entity, Heading};
        vec![
            candidate(Article, "Putin in Peking", "Agentur 2024-01-02", 0),
            candidate(Heading, "Die Regierung in Wien", "Putin in Peking", 0),
            candidate(
                Claim,
                "Der Bundeskanzler sagte, Wien bleibe neutral.",
                "",
                0,
            ),
            candidate(Entity, "Wladimir Putin", "person · 3 mentions", 0),
            candidate(Article, "Pjöngjang droht Seoul", "", 1),
            candidate(Entity, "Pjöngjang", "place", 1),
            candidate(Entity, "Straße der Einheit", "place", 1),
            candidate(Claim, "MÜLLER: Bundesregierung Wien prüft", "", 2),
            candidate(Heading, "ÀÉÎÕÜ ẞ Œuvre", "", 2),
            candidate(Bookmark, "Kyjiw ✎ eine Notiz", "Titel", 2),
        ]
    }

    const QUERIES: [&str; 10] = [
        "putin",
        "regierung wien",
        "bundeskanzler",
        "pjongjang",
        "^bundes 'wien",
        "strasse",
        "mueller",
        "@p",
        "!wien",
        "",
    ];

    /// Everything an index answers: its candidates, scan order and every query's hits.
    fn answers(index: &SearchIndex) -> String {
        let mut out = format!(
            "{:?}\n{:?}\n",
            index.candidates().collect::<Vec<_>>(),
            index.scan_order
        );
        for q in QUERIES {
            let r = index.query(q, 20);
            out.push_str(&format!("{q}: {} {:?}\n", r.total_matched, r.hits));
        }
        out
    }

    fn round_trip(index: &SearchIndex) -> Option<SearchIndex> {
        let (texts, tables) = index.encode()?;
        SearchIndex::decode(texts, &tables)
    }

    #[test]
    fn a_decoded_index_answers_every_query_as_the_one_encoded() {
        let index = SearchIndex::new(candidates());
        let decoded = round_trip(&index).expect("decodes");
        assert_eq!(answers(&decoded), answers(&index));
        assert!(answers(&index).contains("Pjöngjang"));
        let empty = SearchIndex::new(Vec::new());
        assert_eq!(
            answers(&round_trip(&empty).expect("decodes")),
            answers(&empty)
        );
    }

    #[test]
    fn an_index_of_several_arena_blocks_round_trips() {
        // Labels long enough to fill more than one block of the arena.
        let long = "Bundeskanzler ".repeat(40_000);
        let list: Vec<Candidate> = (0..20)
            .map(|i| candidate(CandidateKind::Claim, &format!("{i} {long}"), "", i))
            .chain(candidates())
            .collect();
        let index = SearchIndex::new(list);
        assert!(index.arena.blocks.len() > 1);
        assert_eq!(
            answers(&round_trip(&index).expect("decodes")),
            answers(&index)
        );
    }

    #[test]
    fn damaged_parts_are_refused_without_a_panic() {
        let index = SearchIndex::new(candidates());
        let (texts, tables) = index.encode().expect("encodes");
        let decode = |texts: &[u8], tables: &[u8]| SearchIndex::decode(texts.to_vec(), tables);
        assert!(decode(&texts, &tables).is_some());
        // Any table cut short, or with bytes added.
        for cut in [0, 8, 24, 25, tables.len() / 2, tables.len() - 1] {
            assert!(decode(&texts, &tables[..cut]).is_none(), "cut at {cut}");
        }
        let mut longer = tables.clone();
        longer.push(0);
        assert!(decode(&texts, &longer).is_none());
        // Texts shorter than the tables say, or not UTF-8.
        assert!(decode(&texts[..texts.len() - 1], &tables).is_none());
        let mut bad = texts.clone();
        if let Some(b) = bad.iter_mut().find(|b| **b >= 0x80) {
            *b = 0xff;
        }
        assert!(decode(&bad, &tables).is_none());
        // The first entry's label slot beyond the texts; its kind out of range.
        let mut slot = tables.clone();
        slot[24 + 16..24 + 20].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(decode(&texts, &slot).is_none());
        let mut kind = tables.clone();
        kind[24 + super::ENTRY_BYTES - 4] = 9;
        assert!(decode(&texts, &kind).is_none());
        // A scan order naming one candidate twice.
        let mut order = tables.clone();
        let n = order.len();
        let first = order[n - 8..n - 4].to_vec();
        order[n - 4..].copy_from_slice(&first);
        assert!(decode(&texts, &order).is_none());
    }

    #[test]
    fn appending_and_keeping_one_kind_give_the_index_of_those_candidates() {
        let all = candidates();
        let (corpus, bookmarks): (Vec<Candidate>, Vec<Candidate>) = all
            .iter()
            .cloned()
            .partition(|c| c.kind != CandidateKind::Bookmark);
        let stored = round_trip(&SearchIndex::new(corpus)).expect("decodes");
        let appended = stored.append(bookmarks);
        assert_eq!(answers(&appended), answers(&SearchIndex::new(all.clone())));
        for kind in CandidateKind::ALL {
            let mut kept = round_trip(&appended).expect("decodes");
            kept.retain_kind(kind);
            let only: Vec<Candidate> = all.iter().filter(|c| c.kind == kind).cloned().collect();
            assert_eq!(answers(&kept), answers(&SearchIndex::new(only)), "{kind:?}");
        }
    }
}
