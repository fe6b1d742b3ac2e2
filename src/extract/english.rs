//! Rules for English articles, added to the candidates of `entities` (whose tagger learnt German,
//! where every noun is capitalised). In English a capitalised word inside a sentence is a name
//! or part of one, so runs of capitalised words are names; their kind comes from their head (a
//! legal form or an organisation noun at the end, "Bank of ..." at the start, a geographic noun
//! at the end), from a given name at the start, from an appositive ("Bosch, the German
//! engineering group") or from the gazetteer. A capitalised word that only starts a sentence,
//! a pronoun, a weekday or a month is not a name. Pure functions; no terminal imports.

use super::entities::{
    Cand, PLACE_HEADS, is_all_caps, is_cap, is_legal_form, is_never_a_name, is_stop,
};
use super::fasthash::{FastMap, FastSet};
use super::gazetteer::{self, GazKind};
use super::text::TokenKind;
use super::{Doc, Sentence};
use crate::model::{EntityKind, Mention, Span};

/// Nouns that end (or, before "of"/"for", start) organisation names.
const ORG_HEADS: &[&str] = &[
    "agency",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "centre",
    "center",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "federation",
    "foundation",
    "fund",
    "group",
    "institute",
    "ministry",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "reserve",
    "senate",
    "service",
    "society",
    "tribunal",
    "union",
    "university",
];

/// Nouns that, after "X, the ...", say that X is a company.
const COMPANY_NOUNS: &[&str] = &[
    "bank",
    "carmaker",
    "carrier",
    "chipmaker",
    "company",
    "conglomerate",
    "firm",
    "giant",
    "group",
    "insurer",
    "lender",
    "maker",
    "manufacturer",
    "operator",
    "producer",
    "retailer",
    "startup",
    "supplier",
];

/// Further nouns that end English organisation names: clubs, leagues, teams, forces, labels,
/// schools, hospitals, media.
const MORE_ORG_HEADS: &[&str] = &[
    "academy",
    "administration",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "battalion",
    "brigade",
    "casino",
    "church",
    "club",
    "coalition",
    "college",
    "command",
    "conference",
    "corps",
    "division",
    "exchange",
    "fleet",
    "force",
    "forces",
    "guard",
    "hospital",
    "hotel",
    "league",
    "magazine",
    "movement",
    "museum",
    "navy",
    "network",
    "orchestra",
    "press",
    "records",
    "regiment",
    "school",
    "studios",
    "team",
    "trust",
    "works",
];

/// Nouns that end English place names besides the shared ones ("Cal Anderson Park").
const MORE_PLACE_HEADS: &[&str] = &[
    "avenue",
    "brook",
    "canal",
    "coast",
    "creek",
    "desert",
    "dock",
    "docks",
    "empire",
    "field",
    "junction",
    "kingdom",
    "republic",
    "station",
    "way",
    "district",
    "forest",
    "harbor",
    "harbour",
    "heights",
    "hill",
    "hills",
    "mountain",
    "park",
    "plaza",
    "pond",
    "province",
    "region",
    "reservoir",
    "road",
    "square",
    "street",
];

/// Nouns that end the names of events, prizes and laws ("Stanley Cup", "Music Awards",
/// "Cold War"): neither a person, a place nor an organisation.
const MISC_HEADS: &[&str] = &[
    "act",
    "agreement",
    "award",
    "awards",
    "championship",
    "championships",
    "cup",
    "festival",
    "games",
    "olympics",
    "prize",
    "treaty",
    "trophy",
    "war",
];

/// Endings of English place names ("Lincolnshire", "Bridgton", "Louisville").
const PLACE_ENDINGS: &[&str] = &[
    "borough", "burg", "bury", "caster", "chester", "ford", "ham", "mouth", "shire", "stead",
    "ton", "ville", "wick",
];

/// Lowercase words before a place name ("in Aisby", "near Pittsburgh").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "across", "throughout"];

/// Titles and roles written before a person's name ("Mr Smith", "chief executive Tim Cook").
const PERSON_TITLES: &[&str] = &[
    "captain",
    "chairman",
    "chairwoman",
    "colonel",
    "dr",
    "executive",
    "governor",
    "judge",
    "king",
    "lady",
    "lord",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rev",
    "senator",
    "sir",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Nationality adjectives that do not come from a country's name by a regular ending.
const IRREGULAR_DEMONYMS: &[&str] = &[
    "Afghan",
    "Arab",
    "British",
    "Czech",
    "Danish",
    "Dutch",
    "English",
    "European",
    "Filipino",
    "Finnish",
    "Flemish",
    "French",
    "Greek",
    "Irish",
    "Norwegian",
    "Portuguese",
    "Scottish",
    "Slovak",
    "Soviet",
    "Spanish",
    "Swedish",
    "Swiss",
    "Thai",
    "Welsh",
];

/// True for a nationality adjective or a people ("Russian", "Japanese", "Australians",
/// "Israeli"): the name of a country or region with a regular English ending, or an irregular
/// one. Such words are neither a person, a place nor an organisation.
pub(crate) fn is_demonym(word: &str) -> bool {
    let g = gazetteer::get();
    let is_place = |w: &str| {
        g.surface(w)
            .is_some_and(|e| matches!(e.kind, GazKind::Country | GazKind::Region))
    };
    if !is_cap(word) || is_place(word) {
        return false;
    }
    let w = if word.len() > 4 {
        word.strip_suffix('s').unwrap_or(word)
    } else {
        word
    };
    if IRREGULAR_DEMONYMS.contains(&w) {
        return true;
    }
    // (ending, replacements): "Russian" -> "Russia", "Canadian" -> "Canada", "Italian" ->
    // "Italy", "Mexican" -> "Mexico", "German" -> "Germany", "Chinese" -> "China",
    // "Turkish" -> "Turkey", "Polish" -> "Poland", "Iraqi" -> "Iraq".
    const RULES: &[(&str, &[&str])] = &[
        ("ian", &["ia", "a", "", "e", "y"]),
        ("an", &["a", "o", "", "any", "e"]),
        ("n", &["ny"]),
        ("ese", &["", "a", "e"]),
        ("ish", &["ey", "and", "", "ia"]),
        ("i", &[""]),
    ];
    RULES.iter().any(|(end, reps)| {
        w.strip_suffix(end).is_some_and(|stem| {
            stem.chars().count() >= 3 && reps.iter().any(|r| is_place(&format!("{stem}{r}")))
        })
    })
}

/// What the whole article says about its words: those it writes capitalised inside a sentence
/// and those it writes in lowercase. A word never written in lowercase and capitalised inside a
/// sentence is a name wherever it stands ("Apple", "Reuters", "Intel").
pub(crate) struct Evidence<'a> {
    mid_caps: FastMap<&'a str, u32>,
    lowered: FastSet<&'a str>,
}

impl<'a> Evidence<'a> {
    pub(crate) fn new(doc: &Doc<'a>) -> Self {
        let mut mid_caps: FastMap<&str, u32> = FastMap::default();
        let mut lowered = FastSet::default();
        for s in &doc.sentences {
            for i in s.range.clone() {
                let w = doc.strs[i];
                if w.chars().next().is_some_and(char::is_lowercase) {
                    lowered.insert(w);
                } else if i > s.range.start && is_cap(w) && !opens(doc.strs[i - 1]) {
                    *mid_caps.entry(without_possessive(w)).or_default() += 1;
                }
            }
        }
        Evidence { mid_caps, lowered }
    }

    /// True when the article writes the lowercase word somewhere ("reading").
    pub(crate) fn is_lowered(&self, lower: &str) -> bool {
        self.lowered.contains(lower)
    }

    /// True when the article treats the word as a name: capitalised inside a sentence at least
    /// twice, never in lowercase, not one of the 3,000 most frequent English words, no function
    /// word, weekday or role, and no nationality.
    pub(crate) fn is_name(&self, word: &str) -> bool {
        let word = without_possessive(word);
        let lower = super::text::lowercase(word);
        self.mid_caps.get(word).is_some_and(|&n| n >= 2)
            && !self.lowered.contains(&*lower)
            && !is_never_a_name(&lower)
            && !is_all_caps(word)
            && word.chars().count() >= 3
            && gazetteer::get()
                .english_rank(&lower)
                .is_none_or(|r| r >= 3000)
            && !is_demonym(word)
    }
}

/// Finds English name candidates in every sentence, after splitting the other rules'
/// candidates that join two names by "and".
pub(crate) fn candidates(doc: &Doc, out: &mut Vec<Cand>) {
    split_at_and(doc, out);
    cut_possessives(doc, out);
    let ev = Evidence::new(doc);
    for s in &doc.sentences {
        sentence_candidates(doc, s, &ev, out);
    }
}

/// Runs after names are spread over the article: possessives are cut off again; a lone
/// word that is both a place and the surname of a person the article names in full is the
/// person ("Manuel Belgrano ... Belgrano"), unless it is a country; and an acronym made of the
/// initials of an organisation the article names is that organisation ("Consumer Financial
/// Protection Bureau ... CFPB").
pub(crate) fn after_propagate(doc: &Doc, cands: &mut Vec<Cand>) {
    cut_possessives(doc, cands);
    acronyms_of_names(doc, cands);
    let g = gazetteer::get();
    let mut surnames: FastMap<&str, String> = FastMap::default();
    for c in cands.iter() {
        if c.kind != EntityKind::Person || c.derived {
            continue;
        }
        let surface = &doc.text[c.span.start..c.span.end];
        let words: Vec<&str> = surface.split(' ').collect();
        if words.len() >= 2
            && g.given_name(words[0]) >= 3
            && let Some(last) = words.last()
            && is_cap(last)
            && !is_all_caps(last)
        {
            surnames.entry(last).or_insert_with(|| c.canonical.clone());
        }
    }
    if surnames.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        if !matches!(c.kind, EntityKind::Place | EntityKind::Organization) || c.derived {
            continue;
        }
        let surface = &doc.text[c.span.start..c.span.end];
        if let Some(canonical) = surnames.get(surface)
            && g.surface(surface)
                .is_none_or(|e| e.kind != GazKind::Country)
        {
            c.kind = EntityKind::Person;
            c.canonical = canonical.clone();
        }
    }
}

/// Acronyms (two to six capitals) that spell the initials of an organisation found in the
/// article; above the tagger's guess, below longer confident names.
fn acronyms_of_names(doc: &Doc, cands: &mut Vec<Cand>) {
    let mut by_initials: FastMap<String, String> = FastMap::default();
    for c in cands.iter() {
        if c.kind != EntityKind::Organization || c.derived {
            continue;
        }
        let surface = &doc.text[c.span.start..c.span.end];
        let initials: String = surface
            .split([' ', '-'])
            .filter(|w| is_cap(w) && !is_all_caps(w))
            .filter_map(|w| w.chars().next())
            .collect();
        if initials.chars().count() >= 2 {
            by_initials
                .entry(initials)
                .or_insert_with(|| c.canonical.clone());
        }
    }
    if by_initials.is_empty() {
        return;
    }
    let mut extra = Vec::new();
    for (t, w) in doc.tokens.iter().zip(&doc.strs) {
        let letters = w.chars().count();
        if t.kind != TokenKind::Word || !(2..=6).contains(&letters) || !is_all_caps(w) {
            continue;
        }
        let Some(canonical) = by_initials.get(*w) else {
            continue;
        };
        extra.push(Cand {
            span: t.span,
            kind: EntityKind::Organization,
            canonical: canonical.clone(),
            derived: false,
            prio: 6,
        });
    }
    cands.extend(extra);
}

/// "Jared's": every name ends before its possessive, also the repeats that spreading a name
/// over the article found in a possessive form.
fn cut_possessives(doc: &Doc, cands: &mut [Cand]) {
    for c in cands.iter_mut() {
        if matches!(c.kind, EntityKind::Date | EntityKind::Quantity) {
            continue;
        }
        let text = &doc.text[c.span.start..c.span.end];
        let name = without_possessive(text);
        if name.len() < text.len() && !name.is_empty() {
            if c.canonical == text {
                c.canonical = name.to_string();
            }
            c.span = Span::new(c.span.start, c.span.start + name.len());
        }
    }
}

/// "Kevin Drake and Solon Bixler", "Jared and Shannon": two names, not one, unless the whole
/// is known or ends in an organisation noun or a legal form ("Procter and Gamble Company").
fn split_at_and(doc: &Doc, out: &mut Vec<Cand>) {
    let g = gazetteer::get();
    let mut parts = Vec::new();
    out.retain(|c| {
        if c.prio > 7 || matches!(c.kind, EntityKind::Date | EntityKind::Quantity) {
            return true;
        }
        let text = &doc.text[c.span.start..c.span.end];
        if !text.contains(" and ") || g.lookup_exact(text).is_some() {
            return true;
        }
        let last = text.rsplit(' ').next().unwrap_or(text);
        let last_lower = super::text::lowercase(without_possessive(last));
        if is_legal_form(last) || is_org_head(&last_lower) || has_org_head_before_of(text) {
            return true;
        }
        let mut start = 0;
        for piece in text.split(" and ") {
            let trimmed = piece.trim();
            if !trimmed.is_empty() && is_cap(trimmed) {
                let off = c.span.start + start + (piece.len() - piece.trim_start().len());
                parts.push(Cand {
                    span: Span::new(off, off + trimmed.len()),
                    kind: c.kind,
                    canonical: trimmed.to_string(),
                    derived: c.derived,
                    prio: c.prio,
                });
            }
            start += piece.len() + " and ".len();
        }
        false
    });
    out.extend(parts);
}

/// True when the name has an organisation noun followed by "of" or "for" before its "and":
/// the "and" joins the organisation's field ("Bank for Reconstruction and Development",
/// "Department of Health and Human Services").
fn has_org_head_before_of(text: &str) -> bool {
    let before_and = text.split(" and ").next().unwrap_or(text);
    let words: Vec<String> = before_and
        .split(' ')
        .map(super::text::lowercase)
        .map(|w| w.into_owned())
        .collect();
    words
        .windows(2)
        .any(|p| is_org_head(&p[0]) && matches!(p[1].as_str(), "of" | "for"))
}

/// Small words allowed inside a name between capitalised words ("Bank of England").
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for" | "and" | "the" | "de" | "du" | "von" | "van"
    )
}

fn is_org_head(lower: &str) -> bool {
    ORG_HEADS.contains(&lower) || MORE_ORG_HEADS.contains(&lower)
}

fn is_place_head(lower: &str) -> bool {
    PLACE_HEADS.contains(&lower) || MORE_PLACE_HEADS.contains(&lower)
}

/// A title or role word, with or without its period ("Dr.", "Mr").
fn is_title(lower: &str) -> bool {
    PERSON_TITLES.contains(&lower.strip_suffix('.').unwrap_or(lower))
}

/// The word without an English possessive ending ("Russia's" -> "Russia").
pub(crate) fn without_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix('\''))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

/// True when a capitalised word at the start of a sentence is probably capitalised only for
/// that: a frequent English word that is not a given name and not written capitalised inside
/// another sentence of the article.
pub(crate) fn is_sentence_case_word(doc: &Doc, word: &str, lower: &str) -> bool {
    let g = gazetteer::get();
    if is_never_a_name(lower) {
        return true;
    }
    if g.english_rank(lower).is_none_or(|r| r >= 3000)
        || g.given_name(word) >= 3
        || g.surface(word).is_some_and(|e| e.kind == GazKind::Country)
    {
        return false;
    }
    // A city or state that the article never writes in lowercase ("Munich", "Minnesota"); not
    // a small place that is also a word ("Sales").
    if g.english_rank(lower).is_none_or(|r| r >= 300)
        && (g.is_same_name_subdivision(word)
            // Written as the city itself, not read as a genitive ("Sales" is no "Sale").
            || g.surface(word)
                .is_some_and(|e| e.kind == GazKind::Region && e.canonical == word))
        && !doc.strs.contains(&lower)
    {
        return false;
    }
    // Capitalised inside a sentence elsewhere: a name after all ("Apple said ... at Apple").
    !doc.sentences.iter().any(|s| {
        s.range
            .clone()
            .skip(1)
            .any(|i| doc.strs[i] == word && !opens(doc.strs[i - 1]))
    })
}

/// Tokens after which a capitalised word starts a sentence or a quotation.
fn opens(prev: &str) -> bool {
    matches!(
        prev,
        "\"" | "“" | "‘" | "'" | "(" | "[" | ":" | "—" | "–" | "-" | "." | "!" | "?"
    )
}

/// Finds English name candidates in one sentence.
fn sentence_candidates(doc: &Doc, s: &Sentence, ev: &Evidence, out: &mut Vec<Cand>) {
    let g = gazetteer::get();
    let toks = &doc.tokens[s.range.clone()];
    let strs = &doc.strs[s.range.clone()];
    let n = toks.len();
    let lower = doc.lowers(s.range.clone());
    let word = |i: usize| matches!(toks[i].kind, TokenKind::Word | TokenKind::Abbrev);
    let span = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b - 1].span.end);
    let at_start = |i: usize| i == 0 || opens(strs[i - 1]);
    let mut i = 0;
    while i < n {
        if !word(i) || !is_cap(strs[i]) {
            i += 1;
            continue;
        }
        // The run of capitalised words (with connectors between them) from i.
        let mut j = i + 1;
        while j < n && word(j) {
            // A possessive ends a name: "Russia's Finance Ministry".
            if is_cap(strs[j]) && without_possessive(strs[j - 1]) == strs[j - 1] {
                j += 1;
            } else if is_connector(lower[j])
                && j + 1 < n
                && word(j + 1)
                && is_cap(strs[j + 1])
                && !is_stop(lower[j - 1])
                && (lower[j] != "and" || and_joins_one_name(strs, lower, i, j))
            {
                j += 2;
            } else {
                break;
            }
        }
        let run_end = j;
        let mut a = i;
        let mut b = j;
        // Words that only open the sentence, and pronouns, weekdays, months, at either end.
        while a < b
            && (is_never_a_name(lower[a])
                || (a == i
                    && at_start(a)
                    && b - a == 1
                    && is_sentence_case_word(doc, strs[a], lower[a])))
        {
            a += 1;
        }
        while b > a && (is_never_a_name(lower[b - 1]) || is_connector(lower[b - 1])) {
            b -= 1;
        }
        // "Japanese Punk Techno": the nationality before two or more capitalised words is no
        // part of their name unless an organisation or place noun ends it ("German Air
        // Force"); before one it may be the name's first word ("British Steel").
        if b - a >= 3
            && is_demonym(strs[a])
            && !is_org_head(without_possessive(lower[b - 1]))
            && !is_place_head(without_possessive(lower[b - 1]))
        {
            push(out, doc, span(a, a + 1), EntityKind::Misc, None, 8);
            a += 1;
        }
        if b - a >= 2 && MISC_HEADS.contains(&without_possessive(lower[b - 1])) {
            // "Stanley Cup", "Cold War": an event, prize or law.
            push(out, doc, span(a, b), EntityKind::Misc, None, 8);
        } else if a < b && b - a == 1 && is_demonym(without_possessive(strs[a])) {
            // "Russian", "Japanese": a nationality, neither person, place nor organisation.
            push(out, doc, span(a, b), EntityKind::Misc, None, 8);
        } else if let Some(p) = (a.max(1)..b)
            .rev()
            .find(|&k| k < a + 4 && is_title(lower[k - 1]))
            .filter(|&p| is_person_like(strs, lower, p, b))
        {
            // "Mr Smith", "President Joe Biden", "Foreign Minister Sergei Lavrov", "chief
            // executive Tim Cook": the words after the title.
            // A lone surname stays below the confident rules, so that a full name elsewhere
            // in the article still gives it its canonical name ("Mr Gelsinger").
            let prio = if b - p == 1 { 4 } else { 7 };
            push(out, doc, span(p, b), EntityKind::Person, None, prio);
        } else if a < b {
            classify(doc, ev, lower, toks, strs, a, b, out);
            // A lone capitalised word followed by ", the ... company": an organisation.
            if b - a == 1 && strs.get(b) == Some(&",") && lower.get(b + 1) == Some(&"the") {
                let appositive = (b + 2..n.min(b + 7))
                    .take_while(|&k| word(k))
                    .any(|k| COMPANY_NOUNS.contains(&lower[k]));
                if appositive && g.surface(strs[a]).is_none() {
                    push(out, doc, span(a, b), EntityKind::Organization, None, 7);
                }
            }
            // A dateline in capitals naming a place: "MOSCOW (Reuters) -".
            if b - a == 1 && is_all_caps(strs[a]) && strs[a].chars().count() >= 4 {
                let title = title_case(strs[a]);
                if let Some(e) = g.lookup_exact(&title)
                    && matches!(e.kind, GazKind::Country | GazKind::Region)
                {
                    push(out, doc, span(a, b), EntityKind::Place, Some(title), 8);
                }
            }
        }
        i = run_end.max(i + 1);
    }
}

/// "MOSCOW" -> "Moscow".
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (k, c) in w.chars().enumerate() {
        if k == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn push(
    out: &mut Vec<Cand>,
    doc: &Doc,
    sp: Span,
    kind: EntityKind,
    canonical: Option<String>,
    prio: u8,
) {
    let surface = without_possessive(&doc.text[sp.start..sp.end]);
    let sp = Span::new(sp.start, sp.start + surface.len());
    out.push(Cand {
        span: sp,
        kind,
        canonical: canonical.unwrap_or_else(|| surface.to_string()),
        derived: false,
        prio,
    });
}

/// Gives the run of words `a..b` a kind from its head, its first word or the gazetteer.
#[allow(clippy::too_many_arguments)]
fn classify(
    doc: &Doc,
    ev: &Evidence,
    lower: &[&str],
    toks: &[super::text::Token],
    strs: &[&str],
    a: usize,
    b: usize,
    out: &mut Vec<Cand>,
) {
    let g = gazetteer::get();
    let span = Span::new(toks[a].span.start, toks[b - 1].span.end);
    let last = without_possessive(strs[b - 1]);
    let last_lower = without_possessive(lower[b - 1]);
    let words = b - a;
    if words >= 2 && is_legal_form(last) {
        // "Intel Corp": the company, named without its legal form.
        let name_end = toks[b - 2].span.end;
        let name = &doc.text[span.start..name_end];
        push(
            out,
            doc,
            span,
            EntityKind::Organization,
            Some(name.to_string()),
            8,
        );
        return;
    }
    let text = &doc.text[span.start..span.end];
    // A whole run the gazetteer knows as a place ("Soviet Union", "New Zealand").
    if words >= 2
        && let Some(e) = g.lookup_exact(without_possessive(text))
        && e.kind.entity_kind() == EntityKind::Place
    {
        push(out, doc, span, EntityKind::Place, None, 8);
        return;
    }
    let has_of = (a..b).any(|k| matches!(lower[k], "of" | "for"));
    // "Bank of England", "International Bank for Reconstruction": an organisation noun
    // before "of" or "for".
    let org_of = (a..b.saturating_sub(1))
        .any(|k| is_org_head(lower[k]) && matches!(lower[k + 1], "of" | "for"));
    if words >= 2 && (is_org_head(last_lower) || org_of) {
        push(out, doc, span, EntityKind::Organization, None, 8);
        return;
    }
    if words >= 2 && is_place_head(last_lower) {
        push(out, doc, span, EntityKind::Place, None, 8);
        return;
    }
    // A known place followed by further name words is a club, team or company named after
    // it ("Pittsburgh Pirates", "Bangladesh Army", "Toronto Blue Jays").
    // The place may take two words ("St. Louis Eagles", "New York Rangers"); a team named in
    // the plural after it outweighs the place.
    let is_place = |e: gazetteer::Entry| {
        matches!(
            e.kind,
            GazKind::Country | GazKind::Region | GazKind::Subdivision
        )
    };
    let place_words = (1..(b - a).min(3)).rev().find(|&k| {
        if k == 1 {
            g.surface(strs[a]).is_some_and(is_place)
        } else {
            let place = &doc.text[toks[a].span.start..toks[a + k - 1].span.end];
            g.lookup_exact(place).is_some_and(is_place)
        }
    });
    if let Some(k) = place_words
        && !has_of
        && g.given_name(strs[a]) < 3
        && (a + k..b).all(|m| {
            let w = without_possessive(strs[m]);
            // Small places are no obstacle: "Crystals" reads as the genitive of a town.
            is_cap(w)
                && g.surface(w).is_none_or(|e| e.kind == GazKind::Subdivision)
                && !is_demonym(w)
                && !is_never_a_name(lower[m])
        })
    {
        let plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
        push(
            out,
            doc,
            span,
            EntityKind::Organization,
            None,
            if plural { 8 } else { 7 },
        );
        return;
    }
    if words == 1 {
        let w = without_possessive(strs[a]);
        let sp = Span::new(span.start, span.start + w.len());
        // States and provinces are kept for exact lookups only ("Ohio").
        let entry = g.surface(w).or_else(|| {
            g.is_same_name_subdivision(w).then_some(gazetteer::Entry {
                canonical: "",
                kind: GazKind::Subdivision,
            })
        });
        match entry {
            // A state, province or region the gazetteer keeps as evidence only ("Ohio"): a
            // place when it is not an English word.
            // Also when it is one but the article never writes it in lowercase, inside a
            // sentence ("Minnesota"; not "Sales" opening one).
            Some(e)
                if e.kind == GazKind::Subdivision
                    && g.english_rank(&super::text::lowercase(w)).is_none_or(|r| {
                        r >= 300
                            && !ev.is_lowered(&super::text::lowercase(w))
                            && !at_sentence_start(doc, toks[a].span.start)
                    }) =>
            {
                push(out, doc, sp, EntityKind::Place, Some(w.to_string()), 6);
            }
            // A known name with a possessive ("Russia's"), which the word lookup misses.
            Some(e) if w.len() < strs[a].len() && e.kind != GazKind::Subdivision => {
                push(out, doc, sp, e.kind.entity_kind(), Some(w.to_string()), 7);
            }
            // Inside a sentence, a capitalised word that is no English word, no given name,
            // surname or known place is a name; without other evidence, a company's
            // ("Microsoft", "Intel"). Low priority: the tagger and full names win.
            // A word the article always writes capitalised ("Apple", "Reuters") is a name too,
            // also where it opens a sentence. After "in" or "near", or before ", <place>", it
            // is a place ("in Aisby", "Camden, New Jersey").
            None if ((!at_sentence_start(doc, toks[a].span.start)
                && g.english_rank(&super::text::lowercase(w)).is_none())
                || ev.is_name(w))
                && g.given_name(w) == 0
                && !g.is_surname(w)
                && !is_all_caps(w)
                && w.chars().count() >= 3 =>
            {
                let after_preposition = a > 0 && PLACE_PREPOSITIONS.contains(&lower[a - 1]);
                // States and provinces are kept for exact lookups only ("Ohio").
                let before_place = strs.get(b) == Some(&",")
                    && strs.get(b + 1).is_some_and(|n| {
                        let n = without_possessive(n);
                        g.is_same_name_subdivision(n)
                            || g.surface(n).is_some_and(|e| {
                                matches!(
                                    e.kind,
                                    GazKind::Country | GazKind::Region | GazKind::Subdivision
                                )
                            })
                    });
                let lw = super::text::lowercase(w);
                let place_ending = PLACE_ENDINGS
                    .iter()
                    .any(|e| lw.len() > e.len() + 2 && lw.ends_with(e));
                // A place cue outweighs the tagger's guess; a bare name stays below it.
                let (kind, prio) = if after_preposition || before_place || place_ending {
                    (EntityKind::Place, 6)
                } else {
                    (EntityKind::Organization, 3)
                };
                push(out, doc, sp, kind, Some(w.to_string()), prio);
            }
            _ => {}
        }
        return;
    }
    // "Anton Siluanov": a given name and further name words, none of them a country.
    let first = strs[a];
    if g.given_name(first) >= 3
        && !has_of
        && (a + 1..b).all(|k| {
            g.surface(without_possessive(strs[k]))
                .is_none_or(|e| e.kind != GazKind::Country)
        })
    {
        // A common given name outweighs a place read into the surname ("John Denver").
        let prio = if g.given_name(first) >= 5 { 7 } else { 6 };
        push(out, doc, span, EntityKind::Person, None, prio);
    }
}

/// True when an "and" at `j`, in the run that starts at `i`, joins the words of one name: the
/// capitalised words after it end in an organisation noun or a legal form ("Procter and Gamble
/// Company"), or an organisation noun with "of" or "for" comes before it ("Bank for
/// Reconstruction and Development").
fn and_joins_one_name(strs: &[&str], lower: &[&str], i: usize, j: usize) -> bool {
    let mut k = j + 1;
    while k < strs.len() && is_cap(strs[k]) {
        k += 1;
    }
    let field = (i..j.saturating_sub(1))
        .any(|h| is_org_head(lower[h]) && matches!(lower[h + 1], "of" | "for"));
    k > j + 1
        && (field || is_org_head(without_possessive(lower[k - 1])) || is_legal_form(strs[k - 1]))
}

/// True when the words `a..b` after a title can be a person's name: at most four capitalised
/// words, none a known country, organisation noun or place noun.
fn is_person_like(strs: &[&str], lower: &[&str], a: usize, b: usize) -> bool {
    let g = gazetteer::get();
    b - a <= 4
        && (a..b).all(|k| {
            let w = without_possessive(strs[k]);
            let l = without_possessive(lower[k]);
            is_cap(w)
                && !is_org_head(l)
                && !is_place_head(l)
                && !is_connector(l)
                && g.surface(w).is_none_or(|e| e.kind != GazKind::Country)
        })
}

/// True when the candidate may stand in an English article: a single word that only starts a
/// sentence ("Sales at ...") is not a name unless it is a country, and a single word tagged as a
/// person that is a frequent English word ("German") needs a common given name.
pub(crate) fn keeps(doc: &Doc, c: &Cand) -> bool {
    let surface = without_possessive(&doc.text[c.span.start..c.span.end]);
    // "Russian", "Australians": a nationality, whatever rule read a name into it.
    if matches!(
        c.kind,
        EntityKind::Person | EntityKind::Place | EntityKind::Organization
    ) && !surface.contains(' ')
        && is_demonym(surface)
    {
        return false;
    }
    if c.derived || c.prio > 7 {
        return true;
    }
    if surface.contains(' ') || !is_cap(surface) {
        return true;
    }
    let g = gazetteer::get();
    let lower = super::text::lowercase(surface);
    let frequent = g.english_rank(&lower).is_some_and(|r| r < 3000);
    let very_frequent = g.english_rank(&lower).is_some_and(|r| r < 1000);
    if c.kind == EntityKind::Person && (very_frequent || (frequent && g.given_name(surface) < 5)) {
        return false;
    }
    let Ok(t) = doc
        .tokens
        .binary_search_by_key(&c.span.start, |t| t.span.start)
    else {
        return true;
    };
    let starts =
        doc.sentences.iter().any(|s| s.range.start == t) || (t > 0 && opens(doc.strs[t - 1]));
    !(starts && is_sentence_case_word(doc, surface, &lower))
}

/// The canonical name of a mention in an English article keeps the article's spelling: the
/// gazetteer's German name of a place or organisation ("Moskau" for "Moscow") gives way to the
/// text's, a possessive is dropped, and a place in capitals is written as a name ("MOSCOW").
pub(crate) fn canonical(m: &mut Mention) {
    if matches!(m.kind, EntityKind::Date | EntityKind::Quantity) {
        return;
    }
    let g = gazetteer::get();
    let text = without_possessive(&m.text);
    let base = if is_all_caps(text) && text.chars().count() >= 4 && m.kind == EntityKind::Place {
        title_case(text)
    } else {
        text.to_string()
    };
    let translated =
        m.kind != EntityKind::Person && g.lookup(&base).is_some_and(|e| e.canonical == m.canonical);
    if translated || m.canonical == m.text {
        m.canonical = base;
    } else {
        m.canonical = without_possessive(&m.canonical).to_string();
    }
    // "Intel Corp" is the company Intel.
    if m.kind == EntityKind::Organization
        && let Some((name, form)) = m.canonical.rsplit_once(' ')
        && matches!(
            form,
            "Inc"
                | "Inc."
                | "Corp"
                | "Corp."
                | "Corporation"
                | "Ltd"
                | "Ltd."
                | "LLC"
                | "Plc"
                | "PLC"
                | "plc"
                | "Co."
                | "AG"
                | "SE"
                | "GmbH"
                | "NV"
                | "N.V."
                | "SA"
                | "S.A."
        )
    {
        m.canonical = name.to_string();
    }
}

/// True when the token starting at `start` opens a sentence or a quotation.
fn at_sentence_start(doc: &Doc, start: usize) -> bool {
    let Ok(t) = doc.tokens.binary_search_by_key(&start, |t| t.span.start) else {
        return true;
    };
    doc.sentences.iter().any(|s| s.range.start == t) || (t > 0 && opens(doc.strs[t - 1]))
}

#[cfg(test)]
mod tests {
    use super::super::analyze;
    use super::super::testutil::english_article;
    use super::is_demonym;
    use crate::model::EntityKind;

    /// The kind of the mention written exactly `text`, if any.
    fn kind_of(text: &str, name: &str) -> Option<EntityKind> {
        analyze(&english_article(text))
            .mentions
            .into_iter()
            .find(|m| m.text == name)
            .map(|m| m.kind)
    }

    #[test]
    fn a_word_the_article_always_capitalises_is_a_company_even_if_common() {
        let text = "Shares of Intel rose on Tuesday. Analysts said Intel had cut costs. \
                    Intel plans to build a plant, and Apple said it would buy chips from Intel, as \
                    Apple did last year.";
        for k in 0..2 {
            assert_eq!(
                kind_of(text, "Intel"),
                Some(EntityKind::Organization),
                "pass {k}"
            );
        }
        assert_eq!(kind_of(text, "Apple"), Some(EntityKind::Organization));
    }

    #[test]
    fn a_surname_after_a_title_joins_the_full_name() {
        let text = "Pat Gelsinger spoke first. Later Mr Gelsinger said the plant would open.";
        let a = analyze(&english_article(text));
        let m = a.mentions.iter().find(|m| m.text == "Gelsinger");
        assert_eq!(m.map(|m| m.canonical.as_str()), Some("Pat Gelsinger"));
    }

    #[test]
    fn a_frequent_word_also_written_in_lowercase_stays_a_word() {
        let text = "Reading the report took hours. The reading of the budget was delayed.";
        assert_eq!(kind_of(text, "Reading"), None);
    }

    #[test]
    fn two_names_joined_by_and_are_two_mentions() {
        let text = "The trip was led by Kevin Drake and Solon Bixler last year.";
        let a = analyze(&english_article(text));
        let names: Vec<&str> = a.mentions.iter().map(|m| m.text.as_str()).collect();
        assert!(names.contains(&"Kevin Drake"), "{names:?}");
        assert!(names.contains(&"Solon Bixler"), "{names:?}");
    }

    #[test]
    fn and_inside_an_organisation_name_keeps_it_whole() {
        let text = "Loans came from the International Bank for Reconstruction and Development \
                    last year.";
        let a = analyze(&english_article(text));
        assert!(
            a.mentions.iter().any(|m| m.text
                == "International Bank for Reconstruction and Development"
                && m.kind == EntityKind::Organization),
            "{:?}",
            a.mentions
        );
    }

    #[test]
    fn a_name_after_a_title_is_a_person() {
        let text = "The plan was backed by Senator Halvorsen and criticised by Mr Okonjo. \
                    The company's chief executive Priya Raman declined to comment.";
        assert_eq!(kind_of(text, "Halvorsen"), Some(EntityKind::Person));
        assert_eq!(kind_of(text, "Okonjo"), Some(EntityKind::Person));
        assert_eq!(kind_of(text, "Priya Raman"), Some(EntityKind::Person));
    }

    #[test]
    fn nationality_adjectives_are_not_people_places_or_organisations() {
        for w in [
            "Russian",
            "Japanese",
            "Australians",
            "Chinese",
            "Italian",
            "German",
        ] {
            assert!(is_demonym(w), "{w}");
        }
        for w in ["Russia", "Japan", "Christian", "Jordan"] {
            assert!(!is_demonym(w), "{w}");
        }
        let text = "The Japanese band toured with a Russian singer and two Australians.";
        for w in ["Japanese", "Russian", "Australians"] {
            assert!(
                !matches!(
                    kind_of(text, w),
                    Some(EntityKind::Person | EntityKind::Place | EntityKind::Organization)
                ),
                "{w}"
            );
        }
    }

    #[test]
    fn an_unknown_word_after_in_or_before_a_state_is_a_place() {
        let text = "The church in Aisbury was rebuilt. Workers came from Camdell, Ohio, to help.";
        assert_eq!(kind_of(text, "Aisbury"), Some(EntityKind::Place));
        assert_eq!(kind_of(text, "Camdell"), Some(EntityKind::Place));
    }

    #[test]
    fn a_place_followed_by_name_words_is_a_team_or_company() {
        let text = "He signed with the Pittsburgh Pirates in the spring.";
        assert_eq!(
            kind_of(text, "Pittsburgh Pirates"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn a_run_ending_in_an_organisation_or_place_noun_takes_its_kind() {
        let text = "He played for the Montreal Hockey Club and later walked in Cal Anderson Park.";
        assert_eq!(
            kind_of(text, "Montreal Hockey Club"),
            Some(EntityKind::Organization)
        );
        assert_eq!(kind_of(text, "Cal Anderson Park"), Some(EntityKind::Place));
    }

    #[test]
    fn a_possessive_is_no_part_of_a_name() {
        let text = "The band praised Orvelle's guitar work and Orvelle's voice.";
        let a = analyze(&english_article(text));
        assert!(
            a.mentions.iter().all(|m| !m.text.ends_with("'s")),
            "{:?}",
            a.mentions
        );
    }

    #[test]
    fn prizes_events_and_wars_are_not_people() {
        let text = "The team won the Stanley Cup after the Cold War had ended.";
        for name in ["Stanley Cup", "Stanley", "Cold War"] {
            assert!(
                !matches!(
                    kind_of(text, name),
                    Some(EntityKind::Person | EntityKind::Place | EntityKind::Organization)
                ),
                "{name}"
            );
        }
    }

    #[test]
    fn an_unknown_word_with_a_place_ending_is_a_place() {
        let text = "The railway reached Dunmarkshire and later Clevenbury, where it ended.";
        assert_eq!(kind_of(text, "Dunmarkshire"), Some(EntityKind::Place));
        assert_eq!(kind_of(text, "Clevenbury"), Some(EntityKind::Place));
    }

    #[test]
    fn a_state_or_city_the_article_never_writes_in_lowercase_is_a_place() {
        let text = "Munich is expensive, the survey found. The firm moved jobs from \
                    Minnesota to Munich and later to Minnesota again.";
        assert_eq!(kind_of(text, "Munich"), Some(EntityKind::Place));
        assert_eq!(kind_of(text, "Minnesota"), Some(EntityKind::Place));
    }

    #[test]
    fn a_place_that_is_the_surname_of_a_person_named_in_full_is_the_person() {
        let text = "Defence Secretary Lloyd Austin visited the base. Officials said Austin \
                    promised more aid.";
        let a = analyze(&english_article(text));
        let m = a.mentions.iter().find(|m| m.text == "Austin");
        assert_eq!(
            m.map(|m| (m.kind, m.canonical.as_str())),
            Some((EntityKind::Person, "Lloyd Austin")),
            "{:?}",
            a.mentions
        );
    }

    #[test]
    fn an_acronym_of_an_organisation_named_in_the_article_is_that_organisation() {
        let text = "The Consumer Financial Protection Bureau fined the bank. A lawyer said \
                    the CFPB had acted late.";
        let a = analyze(&english_article(text));
        let m = a.mentions.iter().find(|m| m.text == "CFPB");
        assert_eq!(
            m.map(|m| (m.kind, m.canonical.as_str())),
            Some((
                EntityKind::Organization,
                "Consumer Financial Protection Bureau"
            )),
            "{:?}",
            a.mentions
        );
    }

    #[test]
    fn a_city_followed_by_a_plural_name_is_a_team() {
        let text = "He played for the Montreal Crystals and the St. Louis Eagles.";
        assert_eq!(
            kind_of(text, "Montreal Crystals"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn works_hotels_and_conferences_are_organisations() {
        let text = "He worked for the Hinkley Locomotive Works and stayed at the Mark Hopkins \
                    Hotel.";
        assert_eq!(
            kind_of(text, "Hinkley Locomotive Works"),
            Some(EntityKind::Organization)
        );
        assert_eq!(
            kind_of(text, "Mark Hopkins Hotel"),
            Some(EntityKind::Organization)
        );
    }

    #[test]
    fn a_common_given_name_outweighs_a_place_in_the_surname() {
        let text = "The song was recorded by John Denver in a small studio.";
        assert_eq!(kind_of(text, "John Denver"), Some(EntityKind::Person));
    }
}
