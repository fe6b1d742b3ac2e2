//! Embedded gazetteers: places, regions, cities, given names, major organisations and treaties,
//! and German demonym/adjective derivation over the country names.
//!
//! The TSV files under `data/gazetteers/` are built by `scripts/build-gazetteers.py` from Unicode
//! CLDR, `tzdata`, GeoNames, openly licensed first-name lists and the other sources listed in
//! `data/gazetteers/README.md`; they are compiled in and parsed once on first use. No terminal
//! imports.

use super::canon;
use super::fasthash::{FastMap, FastSet, load_le};
use crate::model::EntityKind;
use std::sync::OnceLock;

const PLACES: &str = include_str!("../../data/gazetteers/places.tsv");
const REGIONS: &str = include_str!("../../data/gazetteers/regions.tsv");
const CITIES: &str = include_str!("../../data/gazetteers/cities.tsv");
const GIVEN: &str = include_str!("../../data/gazetteers/given-names.tsv");
const ORGS: &str = include_str!("../../data/gazetteers/manual-orgs.tsv");
const GEONAMES: &str = include_str!("../../data/gazetteers/geonames-cities.tsv");
const SURNAMES: &str = include_str!("../../data/gazetteers/surnames.tsv");
const GERMAN_SURNAMES: &str = include_str!("../../data/gazetteers/german-surnames.tsv");
const WIKI_WORDS: &str = include_str!("../../data/gazetteers/wiki-words.tsv");
const ENGLISH_WORDS: &str = include_str!("../../data/gazetteers/english-words.tsv");
const GERMAN_COMMON: &str = include_str!("../../data/gazetteers/german-common-words.tsv");
/// Sorted little-endian `u32` hashes of the capitalised words of Debian's `wngerman` list.
const NOUNS: &[u8] = include_bytes!("../../data/gazetteers/nouns.bin");

/// A 32-bit FNV-1a hash of a word, as stored in `nouns.bin`.
pub fn word_hash(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Bits of [`word_key`] indexing the word filter (2^21 bits = 256 KB).
const WORD_FILTER_BITS: u32 = 21;

/// A 64-bit hash of a word for the exact-word table (FxHash steps over 8-byte chunks).
fn word_key(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let b = word.as_bytes();
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = (h.rotate_left(5) ^ load_le(c)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    let rest = chunks.remainder();
    h = (h.rotate_left(5) ^ load_le(rest)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    (h.rotate_left(5) ^ b.len() as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// True when the capitalised word is in the German word list (a common noun, mostly).
pub fn is_dictionary_noun(word: &str) -> bool {
    let n = NOUNS.len() / 4;
    let target = word_hash(word);
    let at = |k: usize| {
        u32::from_le_bytes([
            NOUNS[4 * k],
            NOUNS[4 * k + 1],
            NOUNS[4 * k + 2],
            NOUNS[4 * k + 3],
        ])
    };
    let (mut lo, mut hi) = (0usize, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match at(mid).cmp(&target) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazKind {
    /// A country or continent.
    Country,
    /// A city or capital (tzdata, manual exonyms).
    Region,
    /// A subdivision or small city: many are ordinary words elsewhere, so used as evidence only.
    Subdivision,
    /// An organisation.
    Org,
    /// A treaty or document.
    Misc,
}

impl GazKind {
    /// The entity kind of a mention of this entry.
    pub fn entity_kind(self) -> EntityKind {
        match self {
            GazKind::Country | GazKind::Region | GazKind::Subdivision => EntityKind::Place,
            GazKind::Org => EntityKind::Organization,
            GazKind::Misc => EntityKind::Misc,
        }
    }
}

/// One named entry: its canonical name and kind.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Canonical name.
    pub canonical: &'static str,
    /// What it is.
    pub kind: GazKind,
}

/// All lookup tables, keyed by [`canon::key`].
#[derive(Debug, Default)]
pub struct Gazetteer {
    names: FastMap<String, Entry>,
    /// Given names (as written in the list, borrowed from it) and their frequency class.
    given: FastMap<&'static str, u8>,
    stems: FastMap<String, &'static str>,
    starts: FastSet<String>,
    surnames: FastSet<&'static str>,
    /// Exact surface forms of single-word entries and their genitives, for fast tagger features;
    /// found through `words`, which holds each one's index.
    surfaces: Surfaces,
    /// First three letters (lowercase) of every demonym stem, to skip most words quickly.
    stem_prefixes: FastSet<String>,
    /// One bit per 16-bit hash of the prefixes in `stem_prefixes`, to rule most words out
    /// without a string hash lookup.
    stem_prefix_bits: Vec<u64>,
    /// Everything known about an exact single word, for one lookup per token in the tagger.
    /// Keyed by [`word_key`] (a 64-bit hash: no string comparison, one probe); 16 bytes a slot.
    words: WordTable,
    /// One bit per `WORD_FILTER_BITS`-bit prefix of the keys in `words`: most words are in no
    /// list, and this small table answers them without touching the large one.
    word_filter: Vec<u64>,
    /// The hashes of `nouns.bin` as a set (one probe instead of a binary search).
    nouns: NounTable,
    /// Best frequency rank (0 most frequent) of frequent lowercase English words.
    english: FastMap<&'static str, u16>,
    /// The most frequent lowercase words of spoken German.
    german_common: FastSet<&'static str>,
    /// Single-word city names (and their genitives) that name no country: a city
    /// takes no article, so one after an article is another word ("der Deal", "die Hamas").
    city_words: FastSet<String>,
    /// Single-word subdivision names that are the same in German and English ("Ohio",
    /// "Minnesota"): no entry of the tables above (too often ordinary words in German), only
    /// evidence for English articles.
    same_name_subdivisions: FastSet<&'static str>,
    /// Longest entry in words.
    pub max_words: usize,
}

/// Irregular German adjectives and people nouns for countries (stem after removing endings).
const IRREGULAR: &[(&str, &str)] = &[
    ("deutsch", "Deutschland"),
    ("französ", "Frankreich"),
    ("franzos", "Frankreich"),
    ("brit", "Vereinigtes Königreich"),
    ("poln", "Polen"),
    ("pol", "Polen"),
    ("niederländ", "Niederlande"),
    ("dän", "Dänemark"),
    ("sowjet", "Sowjetunion"),
    ("griech", "Griechenland"),
    ("schweizer", "Schweiz"),
    ("us", "Vereinigte Staaten"),
    ("türk", "Türkei"),
    ("israel", "Israel"),
];

/// What the gazetteers know about one exact word (see [`Gazetteer::word`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// The single-word entry written exactly so (or with a genitive "s").
    pub surface: Option<Entry>,
    /// Frequency class of the word as a given name (0 when unknown).
    pub given: u8,
    /// A frequent surname.
    pub surname: bool,
    /// The country the word derives from, when the tagger looked it up (see
    /// `tagger::word_infos`); never set by [`Gazetteer::word`].
    pub demonym: Option<&'static str>,
    /// In the German word list ([`Gazetteer::is_noun`]); set by [`Gazetteer::words`] only.
    pub noun: bool,
    /// Frequency class of the word's lowercase form in German Wikipedia (1 = most frequent,
    /// 0 = not among the listed words).
    pub freq: u8,
}

/// The shared gazetteer, built on first use.
pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(build)
}

fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// Acronyms are stored under their key marked with `!`, apart from the words they spell, so
/// that they match only when written in capitals ("UN", not "Un").
fn acronym_key(name: &str) -> String {
    format!("!{}", canon::key(name))
}

fn build() -> Gazetteer {
    let mut g = Gazetteer::default();
    // The surface forms while they are gathered; kept in `g.surfaces` (one string) afterwards.
    let mut surfaces: FastMap<String, Entry> = FastMap::default();
    let add = |g: &mut Gazetteer,
               surfaces: &mut FastMap<String, Entry>,
               name: &str,
               e: Entry,
               overwrite: bool| {
        // Acronyms match only when written in capitals ("UN", not "Un").
        let k = if is_acronym(name) {
            acronym_key(name)
        } else {
            canon::key(name)
        };
        if k.len() < 2 {
            return;
        }
        let words = name.split_whitespace().count();
        g.max_words = g.max_words.max(words);
        if words > 1
            && let Some(first) = name.split_whitespace().next()
        {
            g.starts
                .insert(start_key(&first.to_lowercase()).to_string());
        }
        if words == 1 {
            let forms = [name.to_string(), format!("{name}s"), format!("{name}es")];
            for (i, f) in forms.into_iter().enumerate() {
                if i == 0 || (!name.ends_with('s') && !is_acronym(name)) {
                    if overwrite {
                        surfaces.insert(f, e);
                    } else {
                        surfaces.entry(f).or_insert(e);
                    }
                }
            }
        }
        if overwrite {
            g.names.insert(k, e);
        } else {
            g.names.entry(k).or_insert(e);
        }
    };
    for r in rows(SURNAMES) {
        g.surnames.insert(r[0]);
    }
    for r in rows(GERMAN_SURNAMES) {
        g.surnames.insert(r[0]);
    }
    for r in rows(GERMAN_COMMON) {
        g.german_common.insert(r[0]);
    }
    for r in rows(ENGLISH_WORDS) {
        if let Some(rank) = r.get(1).and_then(|f| f.parse().ok()) {
            g.english.insert(r[0], rank);
        }
    }
    for r in rows(GIVEN) {
        let freq = r.get(1).and_then(|f| f.parse().ok()).unwrap_or(1);
        g.given.insert(r[0], freq);
    }
    // GeoNames cities: large ones whose names are not German nouns are matched directly; the
    // rest only inform the tagger. A one-word name that is also a given name or surname
    // ("Jackson", "Nico") is left to the tagger unless the city has 500,000+ inhabitants.
    let person_name = |g: &Gazetteer, name: &str| {
        !name.contains(' ') && (g.surnames.contains(name) || g.given.contains_key(name))
    };
    for r in rows(GEONAMES) {
        if r.len() < 3 {
            continue;
        }
        let pop: u64 = r[2].parse().unwrap_or(0);
        let direct = pop >= 100_000
            && !is_dictionary_noun(r[0])
            && (pop >= 500_000 || !person_name(&g, r[0]));
        let kind = if direct {
            GazKind::Region
        } else {
            GazKind::Subdivision
        };
        add(
            &mut g,
            &mut surfaces,
            r[0],
            Entry {
                canonical: r[1],
                kind,
            },
            direct,
        );
        if !r[0].contains(' ') {
            g.city_words.insert(r[0].to_string());
            g.city_words.insert(format!("{}s", r[0]));
        }
    }
    for r in rows(CITIES) {
        if !r[0].contains(' ') {
            g.city_words.insert(r[0].to_string());
        }
        add(
            &mut g,
            &mut surfaces,
            r[0],
            Entry {
                canonical: r[0],
                kind: GazKind::Region,
            },
            false,
        );
    }
    for r in rows(REGIONS) {
        // Only translated subdivisions (German name differs) or multi-word ones: the rest are
        // too often ordinary words ("Landes", "Manche").
        if r.len() >= 2 && r[0] == r[1] && !r[0].contains(' ') {
            g.same_name_subdivisions.insert(r[0]);
        }
        if r.len() >= 2 && (r[0] != r[1] || r[0].contains(' ') || is_german_region(r[0])) {
            add(
                &mut g,
                &mut surfaces,
                r[0],
                Entry {
                    canonical: r[1],
                    kind: GazKind::Region,
                },
                true,
            );
        }
    }
    for r in rows(PLACES) {
        if r.len() < 3 {
            continue;
        }
        let e = Entry {
            canonical: r[0],
            kind: GazKind::Country,
        };
        // Capitals and cities in the manual table have no ISO code; keep them as regions.
        let e = if r[1].is_empty() && !is_continent(r[0]) {
            Entry {
                kind: GazKind::Region,
                ..e
            }
        } else {
            e
        };
        add(&mut g, &mut surfaces, r[0], e, true);
        for n in r[2].split('|') {
            add(&mut g, &mut surfaces, n, e, true);
        }
        for n in std::iter::once(r[0]).chain(r[2].split('|')) {
            g.city_words.remove(n);
            g.city_words.remove(&format!("{n}s"));
        }
        if e.kind == GazKind::Country {
            for n in std::iter::once(r[0]).chain(r[2].split('|')) {
                if !n.contains(' ') {
                    for (raw, s) in name_stems(n) {
                        g.stem_prefixes.insert(raw.chars().take(3).collect());
                        g.stems.entry(s).or_insert(r[0]);
                    }
                }
            }
        }
    }
    for r in rows(ORGS) {
        if r.len() < 2 {
            continue;
        }
        let kind = if r[1] == "misc" {
            GazKind::Misc
        } else {
            GazKind::Org
        };
        let e = Entry {
            canonical: r[0],
            kind,
        };
        add(&mut g, &mut surfaces, r[0], e, true);
        if let Some(vs) = r.get(2) {
            for n in vs.split('|').filter(|n| !n.is_empty()) {
                add(&mut g, &mut surfaces, n, e, true);
            }
        }
    }
    for (stem, canonical) in IRREGULAR {
        g.stem_prefixes.insert(stem.chars().take(3).collect());
        g.stems.insert(canon::key(stem), canonical);
    }
    let wiki_rows = rows(WIKI_WORDS).count();
    let mut words =
        WordTable::with_room(surfaces.len() + g.given.len() + g.surnames.len() + wiki_rows);
    g.surfaces = Surfaces::new(surfaces);
    let mut shared = Vec::new();
    for (i, (w, _)) in g.surfaces.iter().enumerate() {
        let slot = words.entry(word_key(w));
        // Two forms with one key (the key is a hash): the table keeps the later, and the
        // earlier is looked up by its text.
        if let Some(earlier) = slot.surface.checked_sub(1) {
            shared.push(earlier as usize);
        }
        slot.surface = i as u32 + 1;
    }
    g.surfaces.shared = shared
        .into_iter()
        .filter_map(|i| g.surfaces.get(i))
        .map(|(w, e)| (w.to_string(), e))
        .collect();
    for (w, f) in &g.given {
        if w.chars().next().is_some_and(char::is_uppercase) {
            words.entry(word_key(w)).given = *f;
        }
    }
    for w in &g.surnames {
        words.entry(word_key(w)).surname = true;
    }
    // Wikipedia's words are lowercase, most frequent first; capitalised words are looked up,
    // so each is keyed by its capitalised form. The class is 1 + log2 of the rank.
    for (rank, r) in rows(WIKI_WORDS).enumerate() {
        let mut c = r[0].chars();
        let Some(first) = c.next() else { continue };
        let cap: String = first.to_uppercase().chain(c).collect();
        let e = words.entry(word_key(&cap));
        if e.freq == 0 {
            e.freq = 1 + (rank as u32 + 1).ilog2() as u8;
        }
    }
    g.word_filter = vec![0; 1 << (WORD_FILTER_BITS - 6)];
    for k in words.keys() {
        let b = (k >> (64 - WORD_FILTER_BITS)) as usize;
        g.word_filter[b >> 6] |= 1 << (b & 63);
    }
    g.words = words;
    g.stem_prefix_bits = vec![0; 1 << (16 - 6)];
    for p in &g.stem_prefixes {
        let b = prefix_bit(p);
        g.stem_prefix_bits[b >> 6] |= 1 << (b & 63);
    }
    g.nouns = NounTable::new(
        NOUNS
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
    );
    g
}

/// The bit of a demonym stem prefix in [`Gazetteer::stem_prefix_bits`] (16 bits of its hash).
#[inline]
fn prefix_bit(prefix: &str) -> usize {
    (word_key(prefix) >> 48) as usize
}

/// Starts loading the cache line at `p` (a hint; no effect on memory).
#[inline]
fn prefetch<T>(p: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch hint has no effect on memory; `p` is a valid reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            p as *const T as *const i8,
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// What the word table holds about one word: [`WordInfo`] without the fields it never sets,
/// and its surface entry as an index into [`Surfaces`] (8 bytes instead of 48).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordBits {
    /// 1 + the index of the word's surface form in [`Surfaces`]; 0 for none.
    surface: u32,
    given: u8,
    freq: u8,
    surname: bool,
}

/// One slot of [`WordTable`]: a key and its value side by side, so a probe reads one cache line.
#[derive(Debug, Clone, Copy, Default)]
struct WordSlot {
    key: u64,
    bits: WordBits,
}

/// [`WordBits`] by [`word_key`] in an open-addressing table (linear probing, key 0 empty),
/// whose slots can be prefetched before they are probed.
#[derive(Debug, Default)]
struct WordTable {
    slots: Vec<WordSlot>,
    mask: usize,
}

impl WordTable {
    /// An empty table for at most `words` distinct keys, at most half full.
    fn with_room(words: usize) -> WordTable {
        let size = (words * 2).next_power_of_two().max(16);
        WordTable {
            slots: vec![WordSlot::default(); size],
            mask: size - 1,
        }
    }

    /// The value of `k`, inserted empty if missing (the table must have room: see
    /// [`Self::with_room`]).
    fn entry(&mut self, k: u64) -> &mut WordBits {
        // Key 0 marks an empty slot; a word hashing to 0 is folded onto 1 on both sides.
        let k = k.max(1);
        let mut i = self.slot(k);
        while self.slots[i].key != 0 && self.slots[i].key != k {
            i = (i + 1) & self.mask;
        }
        self.slots[i].key = k;
        &mut self.slots[i].bits
    }

    /// The keys in the table (0 folded onto 1).
    fn keys(&self) -> impl Iterator<Item = u64> + '_ {
        self.slots.iter().map(|s| s.key).filter(|&k| k != 0)
    }

    #[inline]
    fn slot(&self, k: u64) -> usize {
        (k as usize) & self.mask
    }

    #[inline]
    fn get(&self, k: u64) -> Option<WordBits> {
        if self.slots.is_empty() {
            return None;
        }
        let k = k.max(1);
        let mut i = self.slot(k);
        loop {
            match self.slots[i].key {
                0 => return None,
                x if x == k => return Some(self.slots[i].bits),
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// The surface forms of single-word entries in one string, each with its entry.
#[derive(Debug, Default)]
struct Surfaces {
    text: String,
    /// End of each form in `text` (each starts where the one before ends) and its entry.
    forms: Vec<(u32, Entry)>,
    /// The forms whose [`word_key`] a later form also has, so the word table does not point to
    /// them.
    shared: FastMap<String, Entry>,
}

impl Surfaces {
    fn new(map: FastMap<String, Entry>) -> Surfaces {
        let mut s = Surfaces {
            text: String::with_capacity(map.keys().map(String::len).sum()),
            forms: Vec::with_capacity(map.len()),
            shared: FastMap::default(),
        };
        for (w, e) in map {
            s.text.push_str(&w);
            s.forms.push((s.text.len() as u32, e));
        }
        s
    }

    /// Form `i` and its entry.
    fn get(&self, i: usize) -> Option<(&str, Entry)> {
        let &(end, e) = self.forms.get(i)?;
        let start = match i {
            0 => 0,
            _ => self.forms[i - 1].0,
        };
        Some((self.text.get(start as usize..end as usize)?, e))
    }

    fn iter(&self) -> impl Iterator<Item = (&str, Entry)> {
        (0..self.forms.len()).filter_map(|i| self.get(i))
    }
}

/// The noun hashes in an open-addressing table (linear probing; hash 0 kept aside).
#[derive(Debug, Default)]
struct NounTable {
    keys: Vec<u32>,
    mask: usize,
    has_zero: bool,
}

impl NounTable {
    fn new(hashes: impl Iterator<Item = u32>) -> NounTable {
        let hashes: Vec<u32> = hashes.collect();
        let size = (hashes.len() * 2).next_power_of_two().max(16);
        let mut t = NounTable {
            keys: vec![0; size],
            mask: size - 1,
            has_zero: false,
        };
        for h in hashes {
            if h == 0 {
                t.has_zero = true;
                continue;
            }
            let mut i = t.slot(h);
            while t.keys[i] != 0 && t.keys[i] != h {
                i = (i + 1) & t.mask;
            }
            t.keys[i] = h;
        }
        t
    }

    #[inline]
    fn slot(&self, h: u32) -> usize {
        (h.wrapping_mul(0x9e37_79b9) as usize >> 8) & self.mask
    }

    #[inline]
    fn contains(&self, h: u32) -> bool {
        if h == 0 {
            return self.has_zero;
        }
        if self.keys.is_empty() {
            return false;
        }
        let mut i = self.slot(h);
        loop {
            match self.keys[i] {
                0 => return false,
                x if x == h => return true,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// The first word of a multi-word name with an adjective ending folded ("Vereinigten" ->
/// "vereinigte"), so inflected forms find the entry.
fn start_key(lower: &str) -> &str {
    for suffix in ["en", "er", "es", "em"] {
        if lower.len() > suffix.len() + 3 && lower.ends_with(suffix) {
            return &lower[..lower.len() - 1];
        }
    }
    lower
}

/// German, Austrian and Swiss states, named in German by CLDR itself.
fn is_german_region(name: &str) -> bool {
    matches!(
        name,
        "Baden-Württemberg"
            | "Bayern"
            | "Berlin"
            | "Brandenburg"
            | "Bremen"
            | "Hamburg"
            | "Hessen"
            | "Mecklenburg-Vorpommern"
            | "Niedersachsen"
            | "Nordrhein-Westfalen"
            | "Rheinland-Pfalz"
            | "Saarland"
            | "Sachsen"
            | "Sachsen-Anhalt"
            | "Schleswig-Holstein"
            | "Thüringen"
            | "Burgenland"
            | "Kärnten"
            | "Niederösterreich"
            | "Oberösterreich"
            | "Salzburg"
            | "Steiermark"
            | "Tirol"
            | "Vorarlberg"
            | "Wien"
    )
}

/// True for names written in capitals only ("UN", "NVV", "USA", "G7").
pub fn is_acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !name.contains(' ')
        && name.chars().all(|c| !c.is_lowercase())
}

fn is_continent(name: &str) -> bool {
    matches!(
        name,
        "Europa"
            | "Afrika"
            | "Asien"
            | "Nordamerika"
            | "Südamerika"
            | "Lateinamerika"
            | "Ozeanien"
            | "Antarktis"
            | "Arktis"
    )
}

/// Stems of a country name that its adjectives and people nouns are built from.
fn name_stems(name: &str) -> Vec<(String, String)> {
    let lower = name.to_lowercase();
    let mut out = vec![lower.clone()];
    for suffix in [
        "enland", "land", "ien", "en", "ei", "on", "a", "e", "i", "o", "n",
    ] {
        if let Some(s) = lower.strip_suffix(suffix)
            && s.chars().count() >= 3
        {
            out.push(s.to_string());
        }
    }
    out.into_iter()
        .map(|s| (s.clone(), canon::key(&s)))
        .collect()
}

/// The answers of [`Gazetteer::lookup`] and [`Gazetteer::lookup_exact`] on one thread, for the
/// gazetteer at address `owner` (a gazetteer still being built answers differently).
#[derive(Default)]
struct LookupMemo {
    owner: usize,
    inflected: super::wordlist::WordMemo<Option<Entry>>,
    exact: super::wordlist::WordMemo<Option<Entry>>,
}

impl LookupMemo {
    /// The memo, emptied first when it holds the answers of another gazetteer.
    fn for_gazetteer(&mut self, g: &Gazetteer) -> &mut Self {
        let at = g as *const Gazetteer as usize;
        if self.owner != at {
            self.owner = at;
            self.inflected.clear();
            self.exact.clear();
        }
        self
    }
}

thread_local! {
    static LOOKUPS: std::cell::RefCell<LookupMemo> = std::cell::RefCell::new(LookupMemo::default());
}

impl Gazetteer {
    /// Looks up a name (possibly inflected: "Nordkoreas") and returns its entry.
    pub fn lookup(&self, surface: &str) -> Option<Entry> {
        // Names repeat within and across articles: remember the answers, per thread.
        LOOKUPS.with_borrow_mut(|m| {
            m.for_gazetteer(self)
                .inflected
                .get_or_insert_with(surface, || self.lookup_uncached(surface))
        })
    }

    fn lookup_uncached(&self, surface: &str) -> Option<Entry> {
        if is_acronym(surface) {
            return self.lookup_acronym(surface);
        }
        for form in canon::base_forms(surface) {
            if let Some(e) = self.names.get(&canon::key(&form)) {
                return Some(*e);
            }
        }
        None
    }

    /// Looks up an exact name without stripping inflection.
    pub fn lookup_exact(&self, surface: &str) -> Option<Entry> {
        LOOKUPS.with_borrow_mut(|m| {
            m.for_gazetteer(self)
                .exact
                .get_or_insert_with(surface, || self.lookup_exact_uncached(surface))
        })
    }

    fn lookup_exact_uncached(&self, surface: &str) -> Option<Entry> {
        if is_acronym(surface) {
            return self.lookup_acronym(surface);
        }
        self.names.get(&canon::key(surface)).copied()
    }

    fn lookup_acronym(&self, surface: &str) -> Option<Entry> {
        self.names.get(&acronym_key(surface)).copied()
    }

    /// The kind of a single-word entry written exactly so (or with a genitive "s"), without
    /// spelling folding; cheap, for tagger features.
    pub fn surface_kind(&self, word: &str) -> Option<GazKind> {
        self.surface(word).map(|e| e.kind)
    }

    /// The entry of a single word written exactly so (or with a genitive "s"); no allocation.
    pub fn surface(&self, word: &str) -> Option<Entry> {
        // Every surface is a key of the word table: a word missing from its filter is none.
        let k = word_key(word);
        if !self.word_filter_has(k) {
            return None;
        }
        let i = self.words.get(k)?.surface.checked_sub(1)?;
        // Words share a key only by a hash collision: compare the text.
        match self.surfaces.get(i as usize) {
            Some((form, e)) if form == word => Some(e),
            _ => self.surfaces.shared.get(word).copied(),
        }
    }

    /// Surface entry, given-name class and surname flag of an exact word, in one lookup.
    pub fn word(&self, word: &str) -> WordInfo {
        let k = word_key(word);
        if !self.word_filter_has(k) {
            return WordInfo::default();
        }
        self.words
            .get(k)
            .map(|b| self.unpack(b))
            .unwrap_or_default()
    }

    /// The [`WordInfo`] of a word table value.
    #[inline]
    fn unpack(&self, b: WordBits) -> WordInfo {
        WordInfo {
            surface: b
                .surface
                .checked_sub(1)
                .and_then(|i| self.surfaces.get(i as usize))
                .map(|(_, e)| e),
            given: b.given,
            surname: b.surname,
            demonym: None,
            noun: false,
            freq: b.freq,
        }
    }

    #[inline]
    fn word_filter_has(&self, k: u64) -> bool {
        let b = (k >> (64 - WORD_FILTER_BITS)) as usize;
        self.word_filter
            .get(b >> 6)
            .is_some_and(|w| w & (1 << (b & 63)) != 0)
    }

    /// [`Self::word`] with [`WordInfo::noun`] ([`Self::is_noun`]) set, for each word of `words`
    /// whose `wanted` is true (the others get the default). The table loads of all words are
    /// started together before any is probed, rather than one cache miss after another.
    pub fn words(&self, words: &[&str], wanted: &[bool]) -> Vec<WordInfo> {
        let keys: Vec<(u64, u32)> = words
            .iter()
            .zip(wanted)
            .map(|(w, &on)| {
                if !on {
                    return (0, 0);
                }
                let k = word_key(w);
                let h = word_hash(w);
                let b = (k >> (64 - WORD_FILTER_BITS)) as usize;
                if let Some(f) = self.word_filter.get(b >> 6) {
                    prefetch(f);
                }
                if let Some(n) = self.nouns.keys.get(self.nouns.slot(h)) {
                    prefetch(n);
                }
                (k, h)
            })
            .collect();
        for ((k, _), &on) in keys.iter().zip(wanted) {
            if on
                && self.word_filter_has(*k)
                && let Some(slot) = self.words.slots.get(self.words.slot((*k).max(1)))
            {
                prefetch(slot);
            }
        }
        keys.iter()
            .zip(wanted)
            .map(|(&(k, h), &on)| {
                if !on {
                    return WordInfo::default();
                }
                let mut wi = if self.word_filter_has(k) {
                    self.words
                        .get(k)
                        .map(|b| self.unpack(b))
                        .unwrap_or_default()
                } else {
                    WordInfo::default()
                };
                wi.noun = self.nouns.contains(h);
                wi
            })
            .collect()
    }

    /// Like [`is_dictionary_noun`], through a hash set.
    pub fn is_noun(&self, word: &str) -> bool {
        self.nouns.contains(word_hash(word))
    }

    /// True when some multi-word entry starts with this word.
    pub fn is_multiword_start(&self, word: &str) -> bool {
        let lower = super::text::lowercase(word);
        self.starts.contains(start_key(&lower))
    }

    /// [`Self::is_multiword_start`] for a word already lowercased.
    pub fn is_multiword_start_lower(&self, lower: &str) -> bool {
        self.starts.contains(start_key(lower))
    }

    /// True for a frequent surname (US Census list), written with an initial capital.
    pub fn is_surname(&self, word: &str) -> bool {
        // Every surname is a key of the word table.
        self.word_filter_has(word_key(word)) && self.surnames.contains(word)
    }

    /// Frequency rank of a lowercase English word among the ~17,000 most frequent (0 is the
    /// most frequent), `None` when it is rarer or unknown.
    pub fn english_rank(&self, lower: &str) -> Option<u16> {
        self.english.get(lower).copied()
    }

    /// True for a single-word city name (or its genitive) that is no country's name, so never
    /// written after an article ("der Deal", "die Hamas"; not "die Türkei", and "die Krim" is
    /// no city).
    pub fn is_city_word(&self, word: &str) -> bool {
        self.city_words.contains(word)
    }

    /// True for a single-word subdivision written the same in German and English ("Ohio"),
    /// which [`Gazetteer::surface`] leaves out.
    pub fn is_same_name_subdivision(&self, word: &str) -> bool {
        self.same_name_subdivisions.contains(word)
    }

    /// True for one of the 5,000 most frequent lowercase words of spoken German.
    pub fn is_common_german(&self, lower: &str) -> bool {
        self.german_common.contains(lower)
    }

    /// Frequency class (1-13) of a given name, 0 when unknown.
    pub fn given_name(&self, word: &str) -> u8 {
        // Every capitalised given name is a key of the word table.
        if word.chars().next().is_some_and(char::is_uppercase)
            && self.word_filter_has(word_key(word))
        {
            self.given.get(word).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// The country a German adjective or people noun derives from ("nordkoreanische" -> Nordkorea).
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        let mut buf = [0u8; 16];
        let mut len = 0;
        for c in word.chars().take(3).flat_map(char::to_lowercase) {
            if len + c.len_utf8() > buf.len() {
                return None;
            }
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        let prefix = std::str::from_utf8(&buf[..len]).unwrap_or("");
        let b = prefix_bit(prefix);
        if self
            .stem_prefix_bits
            .get(b >> 6)
            .is_none_or(|w| w & (1 << (b & 63)) == 0)
            || !self.stem_prefixes.contains(prefix)
        {
            return None;
        }
        // Words repeat: remember the answers of the slow path below, per thread.
        thread_local! {
            static MEMO: std::cell::RefCell<super::wordlist::WordMemo<Option<&'static str>>> =
                std::cell::RefCell::new(Default::default());
        }
        MEMO.with_borrow_mut(|m| m.get_or_insert_with(word, || self.demonym_uncached(word)))
    }

    fn demonym_uncached(&self, word: &str) -> Option<&'static str> {
        let lower = word.to_lowercase();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let mut stems: Vec<&str> = Vec::new();
        if !capital || lower.contains("isch") {
            // Adjective: strip inflection, then "isch".
            let base = ["ischen", "ischer", "isches", "ischem", "ische", "isch"]
                .iter()
                .find_map(|s| lower.strip_suffix(s));
            let irregular_base = ["en", "er", "es", "em", "e", ""].iter().find_map(|s| {
                let b = lower.strip_suffix(s)?;
                (b == "deutsch").then_some(b)
            });
            if let Some(b) = base.or(irregular_base) {
                stems.push(b);
            }
        } else {
            // People noun: "Russen", "Ukrainer", "Nordkoreaner", "Chinesen", "Deutschen".
            for s in [
                "erinnen", "innen", "erin", "ern", "er", "en", "e", "n", "is", "i",
            ] {
                if let Some(b) = lower.strip_suffix(s) {
                    stems.push(b);
                }
            }
        }
        for b in stems {
            let mut cands = vec![b.to_string()];
            for s in ["ian", "an", "es", "en", "ä", "i"] {
                if let Some(x) = b.strip_suffix(s) {
                    cands.push(x.to_string());
                }
            }
            for c in cands {
                if c.chars().count() < 3 && c != "us" {
                    continue;
                }
                if let Some(country) = self.stems.get(&canon::key(&c)) {
                    return Some(country);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_filter_passes_every_surface_surname_and_capitalised_given_name() {
        let g = get();
        assert!(!g.surfaces.forms.is_empty());
        for (w, e) in g.surfaces.iter() {
            assert_eq!(g.surface(w).map(|x| x.canonical), Some(e.canonical), "{w}");
            if !g.surfaces.shared.contains_key(w) {
                assert_eq!(
                    g.word(w).surface.map(|x| x.canonical),
                    Some(e.canonical),
                    "{w}"
                );
            }
        }
        for w in &g.surnames {
            assert!(g.is_surname(w), "{w}");
        }
        for (w, f) in &g.given {
            if w.chars().next().is_some_and(char::is_uppercase) {
                assert_eq!(g.given_name(w), *f, "{w}");
            }
        }
    }

    #[test]
    fn countries_are_found_in_german_and_english() {
        let g = get();
        assert_eq!(
            g.lookup("Nordkoreas").map(|e| e.canonical),
            Some("Nordkorea")
        );
        assert_eq!(
            g.lookup("North Korea").map(|e| e.canonical),
            Some("Nordkorea")
        );
        assert_eq!(
            g.lookup("USA").map(|e| e.canonical),
            Some("Vereinigte Staaten")
        );
        assert_eq!(
            g.lookup("Vereinigten Staaten").map(|e| e.canonical),
            Some("Vereinigte Staaten")
        );
        assert_eq!(
            g.lookup("Pyongyang").map(|e| e.canonical),
            Some("Pjöngjang")
        );
        assert_eq!(g.lookup("Kyiv").map(|e| e.canonical), Some("Kiew"));
        assert_eq!(g.lookup("Kyjiw").map(|e| e.canonical), Some("Kiew"));
        assert_eq!(g.lookup("Kiew").map(|e| e.canonical), Some("Kiew"));
        assert_eq!(g.lookup("Moskva").map(|e| e.canonical), Some("Moskau"));
    }

    #[test]
    fn adjectives_and_people_derive_countries() {
        let g = get();
        assert_eq!(g.demonym("nordkoreanische"), Some("Nordkorea"));
        assert_eq!(g.demonym("russisch"), Some("Russland"));
        assert_eq!(g.demonym("ukrainischen"), Some("Ukraine"));
        assert_eq!(g.demonym("chinesischen"), Some("China"));
        assert_eq!(g.demonym("deutschen"), Some("Deutschland"));
        assert_eq!(g.demonym("amerikanischen"), Some("Vereinigte Staaten"));
        assert_eq!(g.demonym("Ukrainer"), Some("Ukraine"));
        assert_eq!(g.demonym("Nordkoreaner"), Some("Nordkorea"));
        assert_eq!(g.demonym("Russen"), Some("Russland"));
        assert_eq!(g.demonym("praktischen"), None);
        assert_eq!(g.demonym("Soldaten"), None);
    }

    #[test]
    fn treaties_and_organisations_have_canonical_names() {
        let g = get();
        assert_eq!(
            g.lookup("NVV").map(|e| e.canonical),
            Some("Atomwaffensperrvertrag")
        );
        assert_eq!(
            g.lookup("Nuklearen Nichtverbreitungsvertrag")
                .map(|e| e.canonical),
            Some("Atomwaffensperrvertrag")
        );
        assert_eq!(
            g.lookup("UN").map(|e| e.canonical),
            Some("Vereinte Nationen")
        );
        assert_eq!(
            g.lookup("Vereinten Nationen").map(|e| e.canonical),
            Some("Vereinte Nationen")
        );
        assert!(g.given_name("Wladimir") > 0);
    }
}
