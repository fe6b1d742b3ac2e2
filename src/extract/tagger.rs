//! A greedy averaged-perceptron sequence tagger for PER/LOC/ORG/OTH names (BIO tags).
//!
//! Features: word, lowercase, affixes, shape, capitalisation in context, neighbouring words,
//! previous tags, gazetteer membership (countries, regions, given names, surnames, organisations,
//! demonyms), the word's frequency class in German Wikipedia, role words before a name and
//! organisation heads. Feature strings are hashed to
//! 32 bits; the trained model (see `examples/train_ner.rs`) keeps only the features that survived
//! pruning, with weights quantised to `i16`, and is compiled in from `data/ner-model.bin`.
//! Lowercase tokens after an `O` tag are tagged `O` without scoring, which makes tagging fast.
//! Pure code; no IO beyond the embedded bytes, no terminal imports.

use super::fasthash::{FastMap, load_le};
use super::gazetteer::{self, GazKind, WordInfo};
use super::wordlist::WordMemo;
use crate::model::EntityKind;
use std::sync::OnceLock;

/// Number of tags.
pub const NTAGS: usize = 9;

/// The embedded model (empty until trained).
const MODEL: &[u8] = include_bytes!("../../data/ner-model.bin");

/// A BIO tag over PER, LOC, ORG and OTH, stored as its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

impl Tag {
    /// Outside any name.
    pub const O: Tag = Tag(0);

    /// Tag names in index order.
    pub const NAMES: [&'static str; NTAGS] = [
        "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-OTH", "I-OTH",
    ];

    /// Parses a GermEval tag; `*deriv` and `*part` tags become `O`.
    pub fn parse(s: &str) -> Tag {
        Self::NAMES
            .iter()
            .position(|n| *n == s)
            .map_or(Tag::O, |i| Tag(i as u8))
    }

    /// For a `B-` tag, the kind it starts (`None` inside for OTH).
    pub fn begin_kind(self) -> Option<Option<EntityKind>> {
        match self.0 {
            1 => Some(Some(EntityKind::Person)),
            3 => Some(Some(EntityKind::Place)),
            5 => Some(Some(EntityKind::Organization)),
            7 => Some(None),
            _ => None,
        }
    }

    /// The `I-` tag of a kind (`None` for OTH).
    pub fn inside(kind: Option<EntityKind>) -> Tag {
        match kind {
            Some(EntityKind::Person) => Tag(2),
            Some(EntityKind::Place) => Tag(4),
            Some(EntityKind::Organization) => Tag(6),
            _ => Tag(8),
        }
    }

    /// True for `I-` tags.
    pub fn is_inside(self) -> bool {
        self.0 > 0 && self.0.is_multiple_of(2)
    }
}

/// FxHash-style mixing of bytes into a 64-bit state.
#[inline]
fn mix(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for chunk in bytes.chunks(8) {
        h = (h.rotate_left(5) ^ load_le(chunk)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

#[inline]
fn feat(template: u8, s: &[u8]) -> u32 {
    let h = mix(template as u64 ^ 0x9e37_79b9_7f4a_7c15, s);
    (h >> 32) as u32 ^ h as u32
}

#[inline]
fn feat2(template: u8, a: &[u8], b: &[u8]) -> u32 {
    let h = mix(mix(template as u64 ^ 0x2545_f491_4f6c_dd1d, a), b);
    (h >> 32) as u32 ^ h as u32
}

/// A word shape kept inline (at most 12 bytes; longer shapes are cut).
#[derive(Clone, Copy)]
struct Shape {
    buf: [u8; 12],
    len: u8,
}

impl Shape {
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }
}

/// Word shape: X for capitals, x for lowercase, d for digits, others kept; runs collapsed.
fn shape(w: &str) -> Shape {
    let mut out = Shape {
        buf: [0; 12],
        len: 0,
    };
    if w.is_ascii() {
        // The same classes byte by byte (most words).
        let mut last = 0u8;
        for &c in w.as_bytes() {
            let s = if c.is_ascii_uppercase() {
                b'X'
            } else if c.is_ascii_lowercase() {
                b'x'
            } else if c.is_ascii_digit() {
                b'd'
            } else {
                c
            };
            if s != last && (out.len as usize) < out.buf.len() {
                out.buf[out.len as usize] = s;
                out.len += 1;
            }
            last = s;
        }
        return out;
    }
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last && (out.len as usize) + s.len_utf8() <= out.buf.len() {
            let n = s.encode_utf8(&mut out.buf[out.len as usize..]).len();
            out.len += n as u8;
        }
        last = s;
    }
    out
}

/// Articles before a noun (a feature of the next word).
fn is_determiner(w: &str) -> bool {
    super::text::is_german_article(w) || w == "the"
}

/// Static (tag-independent) information about one token.
struct TokInfo<'a> {
    lower: &'a str,
    shape: Shape,
    cap: bool,
    gaz: u16,
    /// In the German word list (capitalised entries: common nouns, some names).
    dict: bool,
    /// Frequency class of the lowercase form in German Wikipedia (capitalised words; 0 unknown).
    freq: u8,
}

/// The gazetteer facts of each word (looked up for capitalised words only), with the country
/// of the words [`looks_up_demonym`] selects.
pub fn word_infos(strs: &[&str], lowers: &[&str]) -> Vec<WordInfo> {
    let g = gazetteer::get();
    let caps: Vec<bool> = strs.iter().map(|w| is_cap(w)).collect();
    let mut wis = g.words(strs, &caps);
    for (((w, l), &cap), wi) in strs.iter().zip(lowers).zip(&caps).zip(&mut wis) {
        if looks_up_demonym(w, l, cap) {
            wi.demonym = g.demonym(w);
        }
    }
    wis
}

/// True for the words whose demonym [`word_infos`] looks up: capitalised ones longer than four
/// bytes, and longer lowercase ones containing "isch".
pub fn looks_up_demonym(w: &str, lower: &str, cap: bool) -> bool {
    w.len() > 4 && (cap || has_isch(lower))
}

fn token_info<'a>(w: &'a str, lower: &'a str, wi: &WordInfo) -> TokInfo<'a> {
    let cap = is_cap(w);
    let mut gaz = 0u16;
    let mut dict = false;
    if cap {
        let g = gazetteer::get();
        if let Some(e) = wi.surface {
            gaz |= match e.kind {
                GazKind::Country => 1,
                GazKind::Region | GazKind::Subdivision => 2,
                GazKind::Org => 4,
                GazKind::Misc => 8,
            };
        }
        if wi.surname {
            gaz |= 256;
        }
        if wi.given >= 5 {
            gaz |= 16;
        } else if wi.given > 0 {
            gaz |= 32;
        }
        if let Some((head, _)) = w.split_once('-')
            && g.surface_kind(head).is_some()
        {
            gaz |= 64;
        }
        if wi.demonym.is_some() {
            gaz |= 128;
        }
        dict = wi.noun;
    } else if wi.demonym.is_some() {
        gaz |= 128;
    }
    TokInfo {
        lower,
        shape: shape(w),
        cap,
        gaz,
        dict,
        freq: wi.freq,
    }
}

/// True when the word starts with a capital letter.
#[inline]
fn is_cap(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// True when the word contains "isch" (adjectives of places).
#[inline]
fn has_isch(lower: &str) -> bool {
    lower.as_bytes().windows(4).any(|x| x == b"isch")
}

/// Which tag-independent features [`static_features`] gives: those of the word alone (the same
/// wherever it stands, so their scores can be remembered per word) and those of its context.
#[derive(Clone, Copy)]
struct Parts {
    word: bool,
    context: bool,
}

impl Parts {
    const ALL: Parts = Parts {
        word: true,
        context: true,
    };
    const WORD: Parts = Parts {
        word: true,
        context: false,
    };
    const CONTEXT: Parts = Parts {
        word: false,
        context: true,
    };
}

/// Tag-independent features of token `i` (the `parts` asked for; with both, in the order the
/// model was trained with).
fn static_features(
    strs: &[&str],
    info: &[TokInfo<'_>],
    i: usize,
    parts: Parts,
    out: &mut Vec<u32>,
) {
    out.clear();
    let Parts { word, context } = parts;
    let w = strs[i];
    let t = &info[i];
    let l = t.lower.as_bytes();
    if word {
        out.push(feat(0, b""));
        out.push(feat(1, w.as_bytes()));
        out.push(feat(2, l));
        // Suffixes of 2-4 and prefixes of 3-4 characters (only when the word is longer).
        let mut ends = [0usize; 5];
        let mut count = 0;
        for (k, (pos, _)) in t.lower.char_indices().rev().take(5).enumerate() {
            ends[k] = pos;
            count = k + 1;
        }
        for k in [2usize, 3, 4] {
            if count > k {
                out.push(feat(3 + k as u8, &l[ends[k - 1]..]));
            }
        }
        let mut starts = t.lower.char_indices().skip(3).map(|(p, _)| p);
        if let Some(p3) = starts.next() {
            out.push(feat(13, &l[..p3]));
            if let Some(p4) = starts.next() {
                out.push(feat(14, &l[..p4]));
            }
        }
        out.push(feat(20, t.shape.as_bytes()));
    }
    let first = i == 0
        || matches!(
            strs[i - 1],
            "„" | "\"" | "»" | "«" | ":" | "(" | "–" | "-" | "“"
        );
    if context {
        out.push(feat(21, &[t.cap as u8, first as u8]));
    }
    if word {
        out.push(feat(22, &t.gaz.to_le_bytes()));
    }
    if context {
        out.push(feat(26, &[t.dict as u8, t.cap as u8, first as u8]));
    }
    if word {
        out.push(feat(27, &[t.dict as u8, (t.gaz != 0) as u8]));
        for b in 0..9u8 {
            if t.gaz & (1 << b) != 0 {
                out.push(feat(23, &[b]));
            }
        }
        if w.contains('-') {
            let head = w.split('-').next().unwrap_or("");
            out.push(feat(24, head.as_bytes()));
            let tail = t.lower.rsplit('-').next().unwrap_or("");
            out.push(feat(25, tail.as_bytes()));
        }
    }
    if context {
        context_features(strs, info, i, out);
    }
    if word {
        // How common the word is in running German text (a capitalised word that is frequent
        // but not a dictionary noun is often a name), alone and with its neighbours' classes.
        out.push(feat(60, &[t.freq, t.dict as u8, t.cap as u8]));
    }
    if context {
        let pf = if i > 0 { info[i - 1].freq } else { 99 };
        let nf = if i + 1 < strs.len() {
            info[i + 1].freq
        } else {
            99
        };
        out.push(feat(61, &[pf, t.freq]));
        out.push(feat(62, &[t.freq, nf]));
    }
}

/// The features of token `i`'s neighbours.
fn context_features(strs: &[&str], info: &[TokInfo<'_>], i: usize, out: &mut Vec<u32>) {
    let t = &info[i];
    let prev = if i > 0 { info[i - 1].lower } else { "<s>" };
    let prev2 = if i > 1 { info[i - 2].lower } else { "<s>" };
    let next = if i + 1 < strs.len() {
        info[i + 1].lower
    } else {
        "</s>"
    };
    let next2 = if i + 2 < strs.len() {
        info[i + 2].lower
    } else {
        "</s>"
    };
    out.push(feat(30, prev.as_bytes()));
    out.push(feat(31, next.as_bytes()));
    out.push(feat(32, prev2.as_bytes()));
    out.push(feat(33, next2.as_bytes()));

    if i > 0 {
        let [g0, g1] = info[i - 1].gaz.to_le_bytes();
        out.push(feat(36, &[g0, g1, info[i - 1].cap as u8]));
        out.push(feat(
            42,
            &[info[i - 1].dict as u8, info[i - 1].cap as u8, t.dict as u8],
        ));
        let det = is_determiner(prev);
        out.push(feat(37, &[det as u8, t.cap as u8]));
        // The last four characters of the previous word, reversed.
        let mut ps = [0u8; 16];
        let mut n = 0;
        for c in prev.chars().rev().take(4) {
            n += c.encode_utf8(&mut ps[n..]).len();
        }
        out.push(feat(38, &ps[..n]));
    }
    if i + 1 < strs.len() {
        let [g0, g1] = info[i + 1].gaz.to_le_bytes();
        out.push(feat(39, &[g0, g1, info[i + 1].cap as u8]));
        out.push(feat(
            43,
            &[info[i + 1].dict as u8, info[i + 1].cap as u8, t.dict as u8],
        ));
        out.push(feat(40, info[i + 1].shape.as_bytes()));
    }
    if i > 0 {
        out.push(feat(41, info[i - 1].shape.as_bytes()));
    }
}

/// Tag-dependent features given the two previous tags.
#[inline]
fn tag_features(info: &[TokInfo<'_>], i: usize, p1: Tag, p2: Tag, out: &mut Vec<u32>) {
    out.push(feat(50, &[p1.0]));
    out.push(feat(51, &[p1.0, p2.0]));
    out.push(feat2(52, &[p1.0], info[i].lower.as_bytes()));
    out.push(feat2(53, &[p1.0], info[i].shape.as_bytes()));
}

/// True when a token is tagged `O` without scoring: lowercase or punctuation after `O`.
#[inline]
fn is_trivial(info: &TokInfo<'_>, w: &str, prev: Tag) -> bool {
    prev == Tag::O
        && info.gaz == 0
        && ((!info.cap && !w.bytes().any(|b| b.is_ascii_digit())) || is_function_word(info.lower))
}

/// Capitalised function words (sentence starts) that never begin a name.
fn is_function_word(lower: &str) -> bool {
    super::text::is_german_article(lower)
        || matches!(
            lower,
            "und"
                | "oder"
                | "aber"
                | "doch"
                | "wie"
                | "als"
                | "wenn"
                | "ob"
                | "dass"
                | "da"
                | "im"
                | "in"
                | "am"
                | "an"
                | "auf"
                | "aus"
                | "bei"
                | "mit"
                | "nach"
                | "seit"
                | "vor"
                | "zu"
                | "zum"
                | "zur"
                | "für"
                | "über"
                | "unter"
                | "um"
                | "durch"
                | "gegen"
                | "auch"
                | "nur"
                | "noch"
                | "schon"
                | "nun"
                | "diese"
                | "dieser"
                | "dieses"
                | "es"
                | "er"
                | "sie"
                | "wir"
                | "ich"
                | "man"
                | "was"
                | "wer"
                | "wo"
                | "so"
                | "dann"
                | "damit"
                | "dabei"
                | "zudem"
                | "jedoch"
                | "allerdings"
                | "trotz"
                | "während"
                | "denn"
                | "weil"
                | "the"
                | "a"
                | "in the"
                | "it"
                | "this"
                | "he"
                | "she"
                | "they"
                | "we"
        )
}

/// Weights of the trained model in an open-addressing table keyed by feature hash (0 = empty).
struct Model {
    /// Distinct for every model decoded (never 0), for remembering scores per model.
    id: u64,
    slots: Vec<Slot>,
    mask: usize,
    /// One bit per `FILTER_BITS`-bit hash prefix: set when some feature of the model has it.
    /// Small enough to stay in cache, it answers most lookups of unknown features.
    filter: Vec<u64>,
}

/// Bits of the feature hash that index [`Model::filter`] (2^18 bits = 32 KB).
const FILTER_BITS: u32 = 18;

#[inline]
fn filter_pos(f: u32) -> (usize, u64) {
    let b = (f >> (32 - FILTER_BITS)) as usize;
    (b >> 6, 1u64 << (b & 63))
}

/// One table slot: the feature hash and its weights side by side (one cache line per probe).
#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    w: [i16; NTAGS],
}

impl Model {
    fn empty() -> Model {
        Model {
            id: next_model_id(),
            slots: Vec::new(),
            mask: 0,
            filter: Vec::new(),
        }
    }

    #[inline]
    fn get(&self, f: u32) -> Option<&[i16; NTAGS]> {
        if self.slots.is_empty() || f == 0 {
            return None;
        }
        let (word, bit) = filter_pos(f);
        if self.filter[word] & bit == 0 {
            return None;
        }
        let mut i = f as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.key == f {
                return Some(&s.w);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A new model id.
fn next_model_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| decode_model(MODEL).unwrap_or_else(Model::empty))
}

thread_local! {
    /// A model used instead of the embedded one on this thread (see [`with_model`]).
    static OVERRIDE: std::cell::RefCell<Option<Model>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the tagger using the model in `model_bytes` (as written by [`Trainer::finish`])
/// instead of the embedded one, on this thread; for evaluating freshly trained models through
/// the whole extractor.
pub fn with_model<R>(model_bytes: &[u8], f: impl FnOnce() -> R) -> R {
    let m = decode_model(model_bytes).unwrap_or_else(Model::empty);
    let old = OVERRIDE.with(|o| o.replace(Some(m)));
    let r = f();
    OVERRIDE.with(|o| o.replace(old));
    r
}

fn decode_model(bytes: &[u8]) -> Option<Model> {
    let rest = bytes.strip_prefix(b"DNER1")?;
    let n = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    let body = rest.get(8..)?;
    let size = (n + n / 2).next_power_of_two().max(16);
    let mut m = Model {
        id: next_model_id(),
        slots: vec![
            Slot {
                key: 0,
                w: [0; NTAGS]
            };
            size
        ],
        mask: size - 1,
        filter: vec![0; 1 << (FILTER_BITS - 6)],
    };
    let rec = 4 + 2 * NTAGS;
    for k in 0..n {
        let r = body.get(k * rec..(k + 1) * rec)?;
        let h = u32::from_le_bytes(r[..4].try_into().ok()?);
        if h == 0 {
            continue;
        }
        let mut w = [0i16; NTAGS];
        for (t, wt) in w.iter_mut().enumerate() {
            *wt = i16::from_le_bytes([r[4 + 2 * t], r[5 + 2 * t]]);
        }
        let mut i = h as usize & m.mask;
        while m.slots[i].key != 0 && m.slots[i].key != h {
            i = (i + 1) & m.mask;
        }
        m.slots[i] = Slot { key: h, w };
        let (word, bit) = filter_pos(h);
        m.filter[word] |= bit;
    }
    Some(m)
}

/// True when the embedded model holds weights.
pub fn has_model() -> bool {
    !model().slots.is_empty()
}

/// Sums the (quantised) weights of the features; the common scale does not change the argmax.
#[inline]
fn score(m: &Model, feats: &[u32], scores: &mut [i32; NTAGS]) {
    if m.slots.is_empty() {
        return;
    }
    // Start the (mostly cache-missing) table loads of all known features at once.
    #[cfg(target_arch = "x86_64")]
    for &f in feats {
        let (word, bit) = filter_pos(f);
        if m.filter[word] & bit != 0 {
            let p = &m.slots[f as usize & m.mask] as *const Slot as *const i8;
            // SAFETY: a prefetch hint has no effect on memory; `p` points into `m.slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p);
            }
        }
    }
    for &f in feats {
        if let Some(w) = m.get(f) {
            for t in 0..NTAGS {
                scores[t] += w[t] as i32;
            }
        }
    }
}

/// Forbids `I-X` after anything but `B-X`/`I-X`.
#[inline]
fn allowed(prev: Tag, t: usize) -> bool {
    let t = Tag(t as u8);
    !t.is_inside() || (prev.0 != 0 && prev.0.div_ceil(2) == t.0.div_ceil(2))
}

/// Tags the words of one sentence (any tokenisation) greedily, left to right.
pub fn tag_words(strs: &[&str]) -> Vec<Tag> {
    let lowers: Vec<std::borrow::Cow<str>> =
        strs.iter().map(|w| super::text::lowercase(w)).collect();
    let lowers: Vec<&str> = lowers.iter().map(|l| l.as_ref()).collect();
    tag_lowered(strs, &lowers)
}

/// Tags words whose lowercase forms are already known (`lowers[i]` is `strs[i]` lowercased).
pub fn tag_lowered(strs: &[&str], lowers: &[&str]) -> Vec<Tag> {
    tag_known(strs, lowers, &word_infos(strs, lowers))
}

/// Tags words whose lowercase forms and gazetteer facts ([`word_infos`]) are already known.
pub fn tag_known(strs: &[&str], lowers: &[&str], wis: &[WordInfo]) -> Vec<Tag> {
    OVERRIDE.with_borrow(|o| match o {
        Some(m) => tag_with(m, strs, lowers, wis),
        None => tag_with(model(), strs, lowers, wis),
    })
}

/// Per word, the summed weights of its own features ([`Parts::WORD`]) under one model.
#[derive(Default)]
struct WordScores {
    /// The model the scores are for.
    model: u64,
    memo: WordMemo<[i32; NTAGS]>,
}

impl WordScores {
    /// The scores of `w` under model `model`, computed by `score` when not known yet.
    #[inline]
    fn get_or_insert_with(
        &mut self,
        model: u64,
        w: &str,
        score: impl FnOnce() -> [i32; NTAGS],
    ) -> [i32; NTAGS] {
        if self.model != model {
            self.model = model;
            self.memo.clear();
        }
        self.memo.get_or_insert_with(w, score)
    }
}

thread_local! {
    /// The word scores of the model last used on this thread.
    static WORD_SCORES: std::cell::RefCell<WordScores> = std::cell::RefCell::new(WordScores::default());
}

fn tag_with(m: &Model, strs: &[&str], lowers: &[&str], wis: &[WordInfo]) -> Vec<Tag> {
    let mut tags = vec![Tag::O; strs.len()];
    if m.slots.is_empty() {
        return tags;
    }
    let info: Vec<TokInfo> = strs
        .iter()
        .zip(lowers)
        .zip(wis)
        .map(|((w, l), wi)| token_info(w, l, wi))
        .collect();
    let mut feats = Vec::with_capacity(64);
    for i in 0..strs.len() {
        let p1 = if i > 0 { tags[i - 1] } else { Tag::O };
        if is_trivial(&info[i], strs[i], p1) {
            continue;
        }
        let p2 = if i > 1 { tags[i - 2] } else { Tag::O };
        // The word's own features score the same wherever it stands: once per word and model.
        // (Callers lowercase a final capital sigma differently: such words are not remembered.)
        let w = strs[i];
        let mut scores = if w.is_ascii() || !w.contains('Σ') {
            WORD_SCORES.with_borrow_mut(|memo| {
                memo.get_or_insert_with(m.id, w, || {
                    let mut s = [0i32; NTAGS];
                    static_features(strs, &info, i, Parts::WORD, &mut feats);
                    score(m, &feats, &mut s);
                    s
                })
            })
        } else {
            let mut s = [0i32; NTAGS];
            static_features(strs, &info, i, Parts::WORD, &mut feats);
            score(m, &feats, &mut s);
            s
        };
        static_features(strs, &info, i, Parts::CONTEXT, &mut feats);
        tag_features(&info, i, p1, p2, &mut feats);
        score(m, &feats, &mut scores);
        let mut best = 0;
        for t in 1..NTAGS {
            if allowed(p1, t) && scores[t] > scores[best] {
                best = t;
            }
        }
        tags[i] = Tag(best as u8);
    }
    tags
}

/// Averaged-perceptron training over tagged sentences; produces the bytes of a model file.
///
/// Sentences can come from several domains (the target domain is 0). Every feature then has a
/// shared weight and one copy per domain, trained only on that domain's sentences ("feature
/// augmentation"); the averaged model keeps the shared weight plus the target domain's copy, so
/// other domains teach what they have in common with the target without pulling its weights
/// toward their own quirks, and tagging costs nothing extra.
pub struct Trainer {
    /// Condition on the tagger's own previous decisions rather than the gold ones.
    pub predicted_history: bool,
    /// Keys are the feature hash, with `domain + 1` in the upper half for a domain's copy.
    index: FastMap<u64, usize>,
    w: Vec<[f32; NTAGS]>,
    total: Vec<[f32; NTAGS]>,
    stamp: Vec<[u64; NTAGS]>,
    step: u64,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new()
    }
}

impl Trainer {
    /// An empty trainer.
    pub fn new() -> Self {
        Trainer {
            predicted_history: false,
            index: FastMap::default(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            step: 0,
        }
    }

    fn slot(&mut self, f: u64) -> usize {
        let n = self.w.len();
        *self.index.entry(f).or_insert_with(|| {
            self.w.push([0.0; NTAGS]);
            self.total.push([0.0; NTAGS]);
            self.stamp.push([0; NTAGS]);
            n
        })
    }

    /// The keys of a feature: its shared weight and, with domains in use, its domain's copy.
    fn keys(f: u32, domain: Option<u8>) -> impl Iterator<Item = u64> {
        std::iter::once(f as u64).chain(domain.map(|d| ((d as u64 + 1) << 32) | f as u64))
    }

    fn update(&mut self, feats: &[u32], domain: Option<u8>, tag: usize, delta: f32) {
        for &f in feats {
            for key in Self::keys(f, domain) {
                let k = self.slot(key);
                let elapsed = (self.step - self.stamp[k][tag]) as f32;
                self.total[k][tag] += elapsed * self.w[k][tag];
                self.stamp[k][tag] = self.step;
                self.w[k][tag] += delta;
            }
        }
    }

    fn scores(&self, feats: &[u32], domain: Option<u8>) -> [f32; NTAGS] {
        let mut s = [0f32; NTAGS];
        for &f in feats {
            for key in Self::keys(f, domain) {
                if let Some(&k) = self.index.get(&key) {
                    for (acc, w) in s.iter_mut().zip(&self.w[k]) {
                        *acc += w;
                    }
                }
            }
        }
        s
    }

    /// Trains on one sentence (greedy decoding with the current weights); returns errors made.
    pub fn train_sentence(&mut self, strs: &[&str], gold: &[Tag]) -> usize {
        self.train_sentence_in(strs, gold, None, 1.0)
    }

    /// Trains on one sentence of a domain (`None`: no domain copies; `Some(0)`: the target
    /// domain), its updates scaled by `weight`; returns errors made.
    pub fn train_sentence_in(
        &mut self,
        strs: &[&str],
        gold: &[Tag],
        domain: Option<u8>,
        weight: f32,
    ) -> usize {
        let lowers: Vec<std::borrow::Cow<str>> =
            strs.iter().map(|w| super::text::lowercase(w)).collect();
        let lows: Vec<&str> = lowers.iter().map(|l| l.as_ref()).collect();
        let wis = word_infos(strs, &lows);
        let info: Vec<TokInfo> = strs
            .iter()
            .zip(&lowers)
            .zip(&wis)
            .map(|((w, l), wi)| token_info(w, l, wi))
            .collect();
        let mut pred = vec![Tag::O; strs.len()];
        let mut feats = Vec::with_capacity(64);
        let mut errors = 0;
        for i in 0..strs.len() {
            self.step += 1;
            // Condition on gold history (teacher forcing), as decoding conditions on its own.
            let hist = if self.predicted_history { &pred } else { gold };
            let p1 = if i > 0 { hist[i - 1] } else { Tag::O };
            let p2 = if i > 1 { hist[i - 2] } else { Tag::O };
            if is_trivial(&info[i], strs[i], p1) {
                continue;
            }
            static_features(strs, &info, i, Parts::ALL, &mut feats);
            tag_features(&info, i, p1, p2, &mut feats);
            let s = self.scores(&feats, domain);
            let mut best = 0;
            for t in 1..NTAGS {
                if allowed(p1, t) && s[t] > s[best] {
                    best = t;
                }
            }
            pred[i] = Tag(best as u8);
            let g = gold[i].0 as usize;
            if best != g {
                errors += 1;
                self.update(&feats, domain, g, weight);
                self.update(&feats, domain, best, -weight);
            }
        }
        errors
    }

    /// Averages the weights, prunes small ones and serialises the model.
    pub fn finish(self, min_weight: f32) -> Vec<u8> {
        encode_model(&self.averaged(), 1, min_weight)
    }

    /// The averaged weights by feature hash: the shared weight plus the target domain's copy.
    pub fn averaged(mut self) -> FastMap<u32, [f32; NTAGS]> {
        let step = self.step;
        let mut out: FastMap<u32, [f32; NTAGS]> =
            FastMap::with_capacity_and_hasher(self.index.len(), Default::default());
        for (&key, &k) in &self.index {
            // Shared weights and the target domain's copies; other domains' copies are dropped.
            if key >> 32 > 1 {
                continue;
            }
            let acc = out.entry(key as u32).or_insert([0.0; NTAGS]);
            for (t, a) in acc.iter_mut().enumerate() {
                let elapsed = (step - self.stamp[k][t]) as f32;
                self.total[k][t] += elapsed * self.w[k][t];
                *a += self.total[k][t] / step.max(1) as f32;
            }
        }
        out
    }
}

/// Serialises summed weights (divided by `parts`, the number of models summed), dropping
/// features whose weights are all below `min_weight`, with `i16` weights.
pub fn encode_model(sum: &FastMap<u32, [f32; NTAGS]>, parts: usize, min_weight: f32) -> Vec<u8> {
    let div = parts.max(1) as f32;
    let mut entries: Vec<(u32, [f32; NTAGS])> = sum
        .iter()
        .map(|(&f, w)| (f, w.map(|v| v / div)))
        .filter(|(_, w)| w.iter().any(|v| v.abs() >= min_weight))
        .collect();
    entries.sort_by_key(|e| e.0);
    let maxw = entries
        .iter()
        .flat_map(|e| e.1.iter())
        .fold(0f32, |m, v| m.max(v.abs()))
        .max(1e-6);
    let scale = maxw / 32767.0;
    let mut out = Vec::with_capacity(13 + entries.len() * (4 + 2 * NTAGS));
    out.extend_from_slice(b"DNER1");
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for (f, w) in entries {
        out.extend_from_slice(&f.to_le_bytes());
        for v in w {
            out.extend_from_slice(&((v / scale).round() as i16).to_le_bytes());
        }
    }
    out
}

/// Tags a sentence with a model given as bytes (for evaluating a freshly trained model).
pub fn tag_words_with(model_bytes: &[u8], strs: &[&str]) -> Vec<Tag> {
    with_model(model_bytes, || tag_words(strs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn germeval_tags_parse_and_derived_tags_are_outside() {
        assert_eq!(Tag::parse("B-PER"), Tag(1));
        assert_eq!(Tag::parse("I-ORG"), Tag(6));
        assert_eq!(Tag::parse("B-LOCderiv"), Tag::O);
        assert!(Tag(2).is_inside());
        assert!(allowed(Tag(1), 2));
        assert!(!allowed(Tag::O, 2));
        assert!(!allowed(Tag(3), 2));
    }

    #[test]
    fn ascii_and_unicode_shapes_agree() {
        assert_eq!(shape("Merkel").as_bytes(), b"Xx");
        assert_eq!(shape("G7-Gipfel").as_bytes(), b"Xd-Xx");
        assert_eq!(shape("Ärger").as_bytes(), b"Xx");
        assert_eq!(shape("abcdefghijklmnopq1A2b3C4d5E6f7").as_bytes().len(), 12);
    }

    #[test]
    fn a_trained_model_round_trips() {
        let mut t = Trainer::new();
        let s = ["Gestern", "sprach", "Angela", "Merkel", "in", "Berlin", "."];
        let gold: Vec<Tag> = ["O", "O", "B-PER", "I-PER", "O", "B-LOC", "O"]
            .iter()
            .map(|x| Tag::parse(x))
            .collect();
        for _ in 0..5 {
            t.train_sentence(&s, &gold);
        }
        let bytes = t.finish(0.0);
        assert_eq!(tag_words_with(&bytes, &s), gold);
    }

    #[test]
    fn another_domains_labels_do_not_override_the_target_domain() {
        let mut t = Trainer::new();
        let s = ["Gestern", "sprach", "Paris", "."];
        let parse = |tags: [&str; 4]| tags.iter().map(|x| Tag::parse(x)).collect::<Vec<_>>();
        let target = parse(["O", "O", "B-LOC", "O"]);
        let other = parse(["O", "O", "B-PER", "O"]);
        for _ in 0..10 {
            t.train_sentence_in(&s, &other, Some(1), 1.0);
            t.train_sentence_in(&s, &target, Some(0), 1.0);
        }
        let bytes = t.finish(0.0);
        assert_eq!(tag_words_with(&bytes, &s), target);
    }
}
