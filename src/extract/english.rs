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

/// Small words allowed inside a name between capitalised words ("Bank of England").
fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "for" | "and" | "the" | "de" | "du" | "von" | "van"
    )
}

fn is_org_head(lower: &str) -> bool {
    ORG_HEADS.contains(&lower)
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
pub(crate) fn sentence_candidates(doc: &Doc, s: &Sentence, out: &mut Vec<Cand>) {
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
        if a < b {
            classify(doc, lower, toks, strs, a, b, out);
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
fn classify(
    doc: &Doc,
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
    let has_of = (a..b).any(|k| matches!(lower[k], "of" | "for"));
    if words >= 2 && (is_org_head(last_lower) || (is_org_head(lower[a]) && has_of)) {
        push(out, doc, span, EntityKind::Organization, None, 8);
        return;
    }
    if words >= 2 && PLACE_HEADS.contains(&last_lower) {
        push(out, doc, span, EntityKind::Place, None, 8);
        return;
    }
    if words == 1 {
        let w = without_possessive(strs[a]);
        let sp = Span::new(span.start, span.start + w.len());
        match g.surface(w) {
            // A state, province or region the gazetteer keeps as evidence only ("Ohio"): a
            // place when it is not an English word.
            Some(e)
                if e.kind == GazKind::Subdivision
                    && g.english_rank(&super::text::lowercase(w)).is_none() =>
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
            None if !at_sentence_start(doc, toks[a].span.start)
                && g.english_rank(&super::text::lowercase(w)).is_none()
                && g.given_name(w) == 0
                && !g.is_surname(w)
                && !is_all_caps(w)
                && w.chars().count() >= 3 =>
            {
                push(
                    out,
                    doc,
                    sp,
                    EntityKind::Organization,
                    Some(w.to_string()),
                    3,
                );
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
        push(out, doc, span, EntityKind::Person, None, 6);
    }
}

/// True when the candidate may stand in an English article: a single word that only starts a
/// sentence ("Sales at ...") is not a name unless it is a country, and a single word tagged as a
/// person that is a frequent English word ("German") needs a common given name.
pub(crate) fn keeps(doc: &Doc, c: &Cand) -> bool {
    if c.derived || c.prio > 7 {
        return true;
    }
    let surface = without_possessive(&doc.text[c.span.start..c.span.end]);
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
