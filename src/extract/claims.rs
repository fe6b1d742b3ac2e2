//! Claims by rules over sentences: kind (quote, statistic, reported, fact, assessment),
//! attribution phrase and its canonical entity, stance, and the entities, quantities and dates
//! inside. Headings, questions, fragments and sentences naming nothing checkable are not claims.
//! No terminal imports.

use super::Doc;
use super::text::TokenKind;
use crate::model::{
    Attribution, BlockKind, Claim, ClaimKind, DateRef, EntityKind, Mention, Span, Stance,
};

/// Verbs of saying and reporting (finite forms), German and English.
const SPEECH_VERBS: &[&str] = &[
    "sagte",
    "sagten",
    "sagt",
    "sagen",
    "erklärte",
    "erklärten",
    "erklärt",
    "betonte",
    "betonten",
    "betont",
    "berichtete",
    "berichteten",
    "berichtet",
    "meldete",
    "meldeten",
    "meldet",
    "teilte",
    "teilten",
    "teilt",
    "warnte",
    "warnten",
    "warnt",
    "schrieb",
    "schrieben",
    "schreibt",
    "fasste",
    "fassten",
    "behauptete",
    "behaupteten",
    "behauptet",
    "bestätigte",
    "bestätigten",
    "bestätigt",
    "schätzte",
    "schätzten",
    "schätzt",
    "kündigte",
    "kündigten",
    "erklären",
    "hieß",
    "heißt",
    "zitierte",
    "zitiert",
    "räumte",
    "räumten",
    "verkündete",
    "verkündeten",
    "versicherte",
    "forderte",
    "forderten",
    "fordert",
    "kritisierte",
    "kritisierten",
    "bezeichnete",
    "bezeichneten",
    "bezeichnet",
    "äußerte",
    "dementierte",
    "bestritt",
    "argumentierte",
    "argumentiert",
    "erläuterte",
    "mahnte",
    "drohte",
    "sprach",
    "gab",
    "stellte",
    "said",
    "says",
    "told",
    "reported",
    "stated",
    "announced",
    "claimed",
    "wrote",
    "warned",
    "added",
    "noted",
    "estimated",
    "confirmed",
];

/// Konjunktiv I forms that mark reported speech.
const KONJUNKTIV_I: &[&str] = &[
    "sei",
    "seien",
    "habe",
    "werde",
    "könne",
    "müsse",
    "solle",
    "wolle",
    "dürfe",
    "gebe",
    "verfüge",
    "plane",
    "bereite",
    "liege",
    "stehe",
    "gehe",
    "komme",
    "handle",
    "wisse",
    "brauche",
    "besitze",
    "unterstütze",
    "lasse",
    "halte",
    "bleibe",
    "sende",
    "schicke",
    "liefere",
    "kämpfe",
    "seiest",
];

/// Hedges that make a claim uncertain.
const HEDGES: &[&str] = &[
    "soll",
    "sollen",
    "angeblich",
    "offenbar",
    "offenbart",
    "mutmaßlich",
    "vermutlich",
    "möglicherweise",
    "könnte",
    "könnten",
    "dürfte",
    "dürften",
    "wahrscheinlich",
    "wohl",
    "eventuell",
    "vielleicht",
    "anscheinend",
    "scheint",
    "scheinen",
    "falls",
    "würde",
    "würden",
    "wäre",
    "wären",
    "reportedly",
    "allegedly",
    "apparently",
    "may",
    "might",
    "could",
    "likely",
    "possibly",
    "perhaps",
    "would",
];

/// Hedges that mark reported content as unconfirmed even when its source is named.
const REPORTATIVE: &[&str] = &[
    "soll",
    "sollen",
    "angeblich",
    "offenbar",
    "mutmaßlich",
    "reportedly",
    "allegedly",
];

/// Words of judgement and forecast that make a sentence an assessment.
const ASSESSMENT: &[&str] = &[
    "dürfte",
    "dürften",
    "könnte",
    "könnten",
    "sollte",
    "sollten",
    "müsste",
    "müssten",
    "würde",
    "würden",
    "wäre",
    "wären",
    "müssen",
    "scheint",
    "scheinen",
    "wahrscheinlich",
    "vermutlich",
    "offensichtlich",
    "paradox",
    "paradoxer",
    "bedeutend",
    "bedeutende",
    "gefährlich",
    "gefährliche",
    "problematisch",
    "entscheidend",
    "entscheidende",
    "wichtig",
    "wichtige",
    "wichtiger",
    "besorgniserregend",
    "fatal",
    "beispiellos",
    "beispiellose",
    "seltsamerweise",
    "zweifellos",
    "gerechtfertigt",
    "notwendig",
    "unwahrscheinlich",
    "fraglich",
    "kritisch",
    "wird",
    "werden",
    "dürfte",
    "ermöglicht",
    "erleichtern",
    "schwächt",
    "untergräbt",
    "droht",
    "drohen",
    "gilt",
    "bleibt",
    "zeigt",
    "verdeutlicht",
    "deutlich",
    "erheblich",
    "erhebliche",
    "massiv",
    "massive",
    "wir",
    "unser",
    "unsere",
    "ich",
    "meines",
    "meiner",
    "should",
    "must",
    "likely",
    "clearly",
    "significant",
    "dangerous",
    "crucial",
    "we",
    "our",
];

/// Quotation marks that open or close a quote.
const QUOTES: &[&str] = &["„", "“", "”", "»", "«", "\"", "‚", "‘"];

/// Unnamed sources.
const UNNAMED: &[&str] = &[
    "berichten",
    "medienberichten",
    "angaben",
    "informationen",
    "quellen",
    "kreisen",
    "beobachtern",
    "experten",
    "schätzungen",
    "reports",
    "sources",
];

/// Finds the claims of a document given its mentions.
///
/// `mentions` are sorted by start, as [`super::analyze`] makes them. Each sentence only looks at
/// the mentions inside it, found by binary search: scanning all of them for every sentence made a
/// long text take minutes.
pub(crate) fn find(doc: &Doc, mentions: &[Mention]) -> Vec<Claim> {
    debug_assert!(mentions.is_sorted_by_key(|m| m.span.start));
    let mut out = Vec::new();
    for s in &doc.sentences {
        if !matches!(s.block_kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let lo = mentions.partition_point(|m| m.span.start < s.span.start);
        let hi = lo + mentions[lo..].partition_point(|m| m.span.start < s.span.end);
        if let Some(c) = classify(doc, s.range.clone(), s.span, &mentions[lo..hi]) {
            out.push(c);
        }
    }
    out
}

fn classify(
    doc: &Doc,
    range: std::ops::Range<usize>,
    span: Span,
    mentions: &[Mention],
) -> Option<Claim> {
    let toks = &doc.tokens[range.clone()];
    let strs = &doc.strs[range.clone()];
    let words = toks
        .iter()
        .filter(|t| {
            matches!(
                t.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Ordinal | TokenKind::Abbrev
            )
        })
        .count();
    let last = strs
        .iter()
        .rev()
        .find(|s| !QUOTES.contains(s) && **s != ")")
        .copied()
        .unwrap_or("");
    if words < 5 || last == "?" || last == ":" {
        return None;
    }
    // A sentence without any lowercase word is a caption or heading fragment.
    if !strs
        .iter()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    let lower: Vec<&str> = doc.lowers(range.clone());
    // Verbs, adverbs and modals are lowercase in German: a capitalised word mid-sentence is a
    // noun ("Kämpfe") even when it looks like a Konjunktiv form ("kämpfe").
    let lex: Vec<u8> = lower.iter().map(|w| lexicon_flags(w)).collect();
    let flags = lex
        .iter()
        .zip(strs)
        .enumerate()
        .fold(0u8, |f, (i, (&l, orig))| {
            let is_lower = orig.chars().next().is_some_and(char::is_lowercase);
            if is_lower || i == 0 { f | l } else { f }
        });
    let has = |flag: u8| flags & flag != 0;
    let inside: Vec<&Mention> = mentions.iter().filter(|m| span.contains(m.span)).collect();
    let quantities: Vec<_> = doc
        .quantities
        .iter()
        .filter(|q| span.contains(q.span))
        .cloned()
        .collect();
    let dates: Vec<DateRef> = doc
        .dates
        .iter()
        .filter(|(sp, _)| span.contains(*sp))
        .map(|(sp, d)| DateRef {
            span: *sp,
            text: doc.text[sp.start..sp.end].to_string(),
            date: *d,
        })
        .collect();
    let named = inside.iter().any(|m| {
        matches!(
            m.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Misc
        )
    });

    // Quotes: a quoted stretch of at least four words.
    let mut quote_words = 0;
    let mut in_quote = false;
    let mut max_quote = 0;
    for (t, w) in toks.iter().zip(strs) {
        if t.kind == TokenKind::Punct && QUOTES.contains(w) {
            if in_quote {
                max_quote = max_quote.max(quote_words);
            }
            in_quote = !in_quote;
            quote_words = 0;
        } else if in_quote && t.kind != TokenKind::Punct {
            quote_words += 1;
        }
    }
    if in_quote {
        max_quote = max_quote.max(quote_words);
    }
    let is_quote = max_quote >= 4;
    let attribution = find_attribution(doc, range.clone(), &lower, &lex, mentions);
    let speech = has(F_SPEECH);
    let konj = has(F_KONJ);
    let hedged = has(F_HEDGE) || konj;
    let counted: Vec<_> = quantities
        .iter()
        .filter(|q| q.unit.is_some() || q.min >= 100.0)
        .collect();

    let kind = if is_quote && (attribution.is_some() || speech || strs.contains(&":")) {
        ClaimKind::Quote
    } else if !counted.is_empty() {
        ClaimKind::Statistic
    } else if attribution.is_some() || (speech && konj) {
        ClaimKind::Reported
    } else if has(F_ASSESS) {
        ClaimKind::Assessment
    } else if named || !dates.is_empty() {
        ClaimKind::Fact
    } else {
        return None;
    };
    let reportative = konj || has(F_REPORTATIVE);
    let stance = if attribution.is_some() || kind == ClaimKind::Quote {
        if reportative && kind != ClaimKind::Quote {
            Stance::Uncertain
        } else {
            Stance::Attributed
        }
    } else if hedged {
        Stance::Uncertain
    } else {
        Stance::Asserted
    };
    let mut entities: Vec<String> = Vec::new();
    for m in &inside {
        if matches!(
            m.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Misc
        ) && !entities.contains(&m.canonical)
        {
            entities.push(m.canonical.clone());
        }
    }
    Some(Claim {
        span,
        text: doc.text[span.start..span.end].to_string(),
        kind,
        attribution,
        stance,
        entities,
        quantities,
        dates,
    })
}

/// True for tokens that may continue a source noun phrase.
fn continues_np(w: &str, lower: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || matches!(
            lower,
            "der"
                | "des"
                | "dem"
                | "den"
                | "die"
                | "von"
                | "vom"
                | "aus"
                | "für"
                | "of"
                | "the"
                | "for"
                | "and"
                | "und"
        )
        || (lower.len() > 3
            && (lower.ends_with("en")
                || lower.ends_with("er")
                || lower.ends_with("e")
                || lower.ends_with("es"))
            && lower.contains("isch"))
}

/// Extracts the attribution phrase of a sentence: "laut X", "X zufolge", "nach Angaben X",
/// speech verb + subject ("sagte Pentagon-Sprecher Pat Ryder"), subject + speech verb.
fn find_attribution(
    doc: &Doc,
    range: std::ops::Range<usize>,
    lower: &[&str],
    lex: &[u8],
    mentions: &[Mention],
) -> Option<Attribution> {
    let strs = &doc.strs[range.clone()];
    let toks = &doc.tokens[range];
    let n = strs.len();
    let phrase =
        |a: usize, b: usize| -> Span { Span::new(toks[a].span.start, toks[b - 1].span.end) };
    let np_forward = |from: usize| -> usize {
        let mut j = from;
        while j < n && j < from + 14 {
            let list_comma = strs[j] == ","
                && j > from
                && j + 2 < n
                && strs[j + 1].chars().next().is_some_and(char::is_uppercase)
                && (strs[j + 2] == "," || lower[j + 2] == "und");
            if !(list_comma
                || (toks[j].kind != TokenKind::Punct && continues_np(strs[j], lower[j])))
            {
                break;
            }
            j += 1;
        }
        // Do not end on a function word.
        while j > from
            && matches!(
                lower[j - 1],
                "der"
                    | "des"
                    | "dem"
                    | "den"
                    | "die"
                    | "von"
                    | "für"
                    | "of"
                    | "the"
                    | "und"
                    | "and"
            )
        {
            j -= 1;
        }
        j
    };
    let make = |sp: Span| -> Attribution {
        let text = doc.text[sp.start..sp.end].to_string();
        let l = text.to_lowercase();
        let inside: Vec<&Mention> = mentions.iter().filter(|m| sp.contains(m.span)).collect();
        // The head of a source phrase comes last ("Pentagon-Sprecher Pat Ryder", "Ranking des
        // Fachmagazins Global Firepower"): take the last named entity, else the last derived one.
        let named = |m: &&&Mention| {
            matches!(
                m.kind,
                EntityKind::Person
                    | EntityKind::Organization
                    | EntityKind::Misc
                    | EntityKind::Place
            )
        };
        let pick = inside
            .iter()
            .rev()
            .filter(named)
            .find(|m| !m.derived)
            .or_else(|| inside.iter().rev().find(named));
        let unnamed = pick.is_none()
            && UNNAMED
                .iter()
                .any(|u| l.split(|c: char| !c.is_alphanumeric()).any(|w| w == *u));
        Attribution {
            text,
            canonical: pick.map(|m| m.canonical.clone()),
            unnamed,
            span: Some(sp),
            resolved_from: None,
        }
    };
    for i in 0..n {
        match lower[i] {
            "laut" | "according" => {
                let from =
                    if lower[i] == "according" && lower.get(i + 1).is_some_and(|w| *w == "to") {
                        i + 2
                    } else {
                        i + 1
                    };
                let j = np_forward(from);
                if j > from {
                    return Some(make(phrase(i, j)));
                }
            }
            "zufolge" if i > 0 => {
                let mut a = i;
                while a > 0
                    && toks[a - 1].kind != TokenKind::Punct
                    && continues_np(strs[a - 1], lower[a - 1])
                    && a + 12 > i
                {
                    a -= 1;
                }
                if a < i {
                    return Some(make(phrase(a, i + 1)));
                }
            }
            "medien" if i > 1 && lower[i - 1] == "den" && matches!(lower[i - 2], "in" | "nach") => {
                return Some(make(phrase(i - 2, i + 1)));
            }
            "angaben" if i > 0 && lower[i - 1] == "nach" => {
                let j = np_forward(i + 1);
                return Some(make(phrase(i - 1, j.max(i + 1))));
            }
            _ => {}
        }
    }
    // "hieß es aus Seoul", "heißt es in Moskau".
    for i in 0..n.saturating_sub(2) {
        if matches!(lower[i], "hieß" | "heißt")
            && lower[i + 1] == "es"
            && matches!(lower[i + 2], "aus" | "in" | "von" | "im" | "bei")
        {
            let j = np_forward(i + 3);
            if j > i + 3 {
                return Some(make(phrase(i + 3, j)));
            }
        }
    }
    let v = (0..n).find(|&i| {
        lex[i] & F_SPEECH != 0
            || is_speech_stem_form(lower[i])
            || (lower[i] == "bekannt"
                && lower
                    .get(i + 1)
                    .is_some_and(|w| *w == "gegeben" || *w == "gab"))
    })?;
    let is_source = |a: usize, b: usize| -> bool {
        let sp = phrase(a, b);
        mentions.iter().any(|m| {
            sp.contains(m.span)
                && matches!(
                    m.kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Place
                )
        }) || lower[a..b]
            .iter()
            .any(|w| SOURCE_NOUNS.iter().any(|s| w.ends_with(s)) || UNNAMED.contains(w))
    };
    let is_lower_word = |k: usize| {
        k < n
            && toks[k].kind == TokenKind::Word
            && strs[k].chars().next().is_some_and(char::is_lowercase)
    };
    // Extends a subject phrase ending at `j` over an appositive with a person's name.
    let with_appositive = |j: usize| -> usize {
        if j + 1 < n && strs[j] == "," {
            let k = np_forward(j + 1);
            if k > j + 1
                && mentions
                    .iter()
                    .any(|m| phrase(j + 1, k).contains(m.span) && m.kind == EntityKind::Person)
            {
                return k;
            }
        }
        j
    };
    // Subject at the start of the sentence or of a clause after a colon, unless it opens with a
    // preposition ("Neben Südkorea warnt"); sentence adverbs are skipped ("Doch Präsident ...").
    let clause_starts = std::iter::once(0).chain((0..v).filter(|&k| strs[k] == ":").map(|k| k + 1));
    let mut subject = None;
    for start in clause_starts {
        let mut a = start;
        while a < n && (toks[a].kind == TokenKind::Punct || OPENERS.contains(&lower[a])) {
            a += 1;
        }
        if a >= n || a >= v || PREPOSITIONS.contains(&lower[a]) {
            continue;
        }
        let end = np_forward(a);
        if end <= a || end >= n {
            continue;
        }
        // "John Kirby, Koordinator für ..., behauptete": an appositive between commas.
        let mut stop = end;
        if strs[end] == ","
            && let Some(c) = (end + 1..n.min(end + 20)).find(|&k| strs[k] == ",")
            && (c + 1 == v || is_lower_word(c + 1))
        {
            stop = c;
        }
        let next = if stop == end { end } else { stop + 1 };
        // "Beide Staaten, Nordkorea und Russland, weisen ...": a listed subject ends at a comma.
        let next = if strs[stop] == "," && stop + 1 == v {
            v
        } else {
            next
        };
        if is_source(a, stop) && (next == v || is_lower_word(next)) {
            subject = Some((a, stop, next == v));
        }
    }
    // Subject directly before the speech verb: "Der südkoreanische Geheimdienst berichtete".
    if let Some((a, stop, true)) = subject {
        return Some(make(phrase(a, stop)));
    }
    // Speech verb (or auxiliary in second position) followed by its subject: "sagte
    // Pentagon-Sprecher Pat Ryder", "Zuvor hatte Nordkorea bekannt gegeben".
    let mut heads = vec![v];
    if let Some(f) = (1..n.min(4)).find(|&k| is_lower_word(k))
        && f < v
        && AUXILIARIES.contains(&lower[f])
    {
        heads.insert(0, f);
    }
    for h in heads {
        let mut from = h + 1;
        while from < n
            && from < h + 3
            && matches!(
                lower[from],
                "kürzlich"
                    | "zudem"
                    | "auch"
                    | "bereits"
                    | "am"
                    | "heute"
                    | "gestern"
                    | "jedoch"
                    | "aber"
                    | "nun"
                    | "erneut"
                    | "vor"
                    | "allem"
                    | "zuvor"
                    | "dann"
                    | "später"
                    | "daraufhin"
                    | "dennoch"
                    | "also"
            )
        {
            from += 1;
        }
        let j = np_forward(from);
        if j > from && is_source(from, j) {
            return Some(make(phrase(from, with_appositive(j))));
        }
    }
    // Subject before an auxiliary: "Die amerikanische Regierung hat ... beschuldigt".
    if let Some((a, stop, _)) = subject {
        return Some(make(phrase(a, stop)));
    }
    None
}

/// Sentence adverbs and conjunctions skipped before a subject.
const OPENERS: &[&str] = &[
    "doch",
    "aber",
    "und",
    "auch",
    "so",
    "zudem",
    "dennoch",
    "jedoch",
    "allerdings",
    "nun",
    "inzwischen",
];

/// Prepositions that open adverbial phrases rather than subjects.
const PREPOSITIONS: &[&str] = &[
    "neben",
    "seit",
    "nach",
    "vor",
    "in",
    "im",
    "am",
    "auf",
    "mit",
    "bei",
    "für",
    "trotz",
    "während",
    "wegen",
    "angesichts",
    "aus",
    "von",
    "zu",
    "um",
    "durch",
    "gegen",
    "ohne",
    "unter",
    "über",
    "bis",
    "laut",
    "zuvor",
    "dennoch",
    "doch",
    "damals",
    "bereits",
    "auch",
    "so",
];

/// Finite auxiliaries that put the subject after them in verb-second clauses.
const AUXILIARIES: &[&str] = &[
    "hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "wurde", "werden",
    "wurden",
];

const F_SPEECH: u8 = 1;
const F_KONJ: u8 = 2;
const F_HEDGE: u8 = 4;
const F_ASSESS: u8 = 8;
const F_REPORTATIVE: u8 = 16;

/// Which of the claim word lists a lowercase word is in, as bit flags (one table lookup).
fn lexicon_flags(w: &str) -> u8 {
    static LEX: std::sync::OnceLock<super::fasthash::FastMap<&'static str, u8>> =
        std::sync::OnceLock::new();
    let lex = LEX.get_or_init(|| {
        let mut m = super::fasthash::FastMap::default();
        for (list, flag) in [
            (SPEECH_VERBS, F_SPEECH),
            (KONJUNKTIV_I, F_KONJ),
            (HEDGES, F_HEDGE),
            (ASSESSMENT, F_ASSESS),
            (REPORTATIVE, F_REPORTATIVE),
        ] {
            for word in list {
                *m.entry(*word).or_insert(0) |= flag;
            }
        }
        m
    });
    lex.get(w).copied().unwrap_or(0)
}

/// True for a word of [`SPEECH_STEMS`] plus at most three letters: with the speech verbs of
/// [`lexicon_flags`], the finite and participle forms of verbs of saying, reporting and accusing.
fn is_speech_stem_form(w: &str) -> bool {
    // The stems by first byte: most words share no initial with any stem.
    static BY_FIRST: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut v = vec![Vec::new(); 256];
        for s in SPEECH_STEMS {
            v[s.as_bytes()[0] as usize].push(*s);
        }
        v
    });
    let Some(&first) = w.as_bytes().first() else {
        return false;
    };
    w.len() >= 4
        && by_first[first as usize]
            .iter()
            .any(|s| w.starts_with(s) && w.len() <= s.len() + 3)
}

/// Stems of verbs of saying; a form matches when it adds at most three letters ("warn" -> "warnte").
const SPEECH_STEMS: &[&str] = &[
    "sagt",
    "erklärt",
    "betont",
    "bericht",
    "meldet",
    "warnt",
    "behauptet",
    "bestätigt",
    "kündigt",
    "fordert",
    "kritisiert",
    "bezeichnet",
    "äußert",
    "dementiert",
    "argumentiert",
    "erläutert",
    "beschuldigt",
    "befürchtet",
    "signalisiert",
    "klagt",
    "zitiert",
    "verkündet",
    "versichert",
    "unterstrich",
    "wirft",
    "warf",
    "weisen",
    "wies",
    "gedroht",
    "drohte",
    "klargemacht",
    "angekündigt",
    "bekräftigt",
    "mitgeteilt",
    "beklagt",
    "gewarnt",
    "erklär",
    "veröffentlicht",
    "schrieb",
    "told",
    "said",
    "warned",
    "claimed",
];

/// Head nouns of sources that are not names ("Regierung", "Geheimdienst", "Sprecher").
const SOURCE_NOUNS: &[&str] = &[
    "regierung",
    "führung",
    "geheimdienst",
    "geheimdienste",
    "behörde",
    "behörden",
    "ministerium",
    "sprecher",
    "sprecherin",
    "armee",
    "militär",
    "beamter",
    "beamte",
    "experten",
    "analysten",
    "medien",
    "regierungsstellen",
    "staaten",
    "chinesen",
    "korrespondent",
    "präsident",
    "minister",
    "kreml",
    "chef",
    "agentur",
    "institut",
    "zeitung",
    "magazin",
    "portal",
];

#[cfg(test)]
mod tests {
    use crate::extract::analyze;
    use crate::extract::testutil::article;
    use crate::model::{ClaimKind, DatePart, PartialDate, Stance};

    fn claim(text: &str) -> crate::model::Claim {
        let a = analyze(&article(text));
        a.claims
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text}"))
    }

    #[test]
    fn speech_verb_with_subject_gives_attribution() {
        let c = claim(
            "Die Truppen seien bereits im Einsatz, sagte Pentagon-Sprecher Pat Ryder am Montag.",
        );
        let a = c.attribution.expect("attribution");
        assert_eq!(a.text, "Pentagon-Sprecher Pat Ryder");
        assert_eq!(a.canonical.as_deref(), Some("Pat Ryder"));
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn laut_phrase_is_the_source() {
        let c = claim(
            "Laut dem 2024 Military Strength Ranking des Fachmagazins Global Firepower verfügt Nordkorea über 1,32 Millionen Soldaten.",
        );
        assert_eq!(
            c.attribution.expect("attribution").text,
            "Laut dem 2024 Military Strength Ranking des Fachmagazins Global Firepower"
        );
        assert_eq!(c.kind, ClaimKind::Statistic);
        assert_eq!(c.stance, Stance::Attributed);
    }

    #[test]
    fn subject_before_speech_verb_is_the_source() {
        let c = claim(
            "Der südkoreanische Geheimdienst berichtete, dass Nordkorea weitere Truppen entsandt hat.",
        );
        assert_eq!(
            c.attribution.expect("attribution").text,
            "Der südkoreanische Geheimdienst"
        );
        assert_eq!(c.kind, ClaimKind::Reported);
    }

    #[test]
    fn unnamed_sources_are_marked() {
        let c = claim("Berichten zufolge sollen nordkoreanische Soldaten in Kursk kämpfen.");
        let a = c.attribution.expect("attribution");
        assert!(a.unnamed);
        assert_eq!(a.text, "Berichten zufolge");
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn hedges_and_modal_judgements_are_uncertain_assessments() {
        let c = claim("Diese Zusammenarbeit dürfte die Lage in Europa weiter verschärfen.");
        assert_eq!(c.kind, ClaimKind::Assessment);
        assert_eq!(c.stance, Stance::Uncertain);
    }

    #[test]
    fn plain_past_events_are_asserted_facts_with_dates() {
        let c = claim("Am 19. Juni 2024 unterzeichneten Putin und Kim in Pjöngjang einen Vertrag.");
        assert_eq!(c.kind, ClaimKind::Fact);
        assert_eq!(c.stance, Stance::Asserted);
        assert_eq!(c.dates[0].date, PartialDate::ymd(2024, 6, 19));
        let c = claim("Ende Oktober 2024 trafen die ersten Einheiten in Russland ein.");
        assert_eq!(
            c.dates[0].date,
            PartialDate::ym(2024, 10).with_part(DatePart::Late)
        );
    }

    #[test]
    fn quantities_in_claims_are_normalised() {
        let c = claim(
            "Nordkorea schickte 10.000-12.000 Soldaten und rund 1,6 Millionen Granaten nach Russland.",
        );
        assert_eq!(c.kind, ClaimKind::Statistic);
        assert_eq!(
            (c.quantities[0].min, c.quantities[0].max),
            (10000.0, 12000.0)
        );
        assert_eq!(c.quantities[1].min, 1_600_000.0);
    }

    #[test]
    fn questions_and_fragments_are_not_claims() {
        let a = analyze(&article(
            "Was bedeutet das für Europa?\n\nBild: Putin und Kim",
        ));
        assert!(a.claims.is_empty());
    }
}
