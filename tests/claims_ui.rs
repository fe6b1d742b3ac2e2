//! The claims pane's cards and filters and the sources view, rendered headless on the bundled
//! corpus with the analysis the binary computes for it, and once through `dossier render`.
//! Expected names and counts come from the library, so the tests hold whatever the extractor
//! finds.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;
use common::binary::{dossier_in, succeed};

use dossier::corpus::sources::{self, SourceEntry, claim_source_label, stance_glyph};
use dossier::keymap::{Keymap, parse_sequence};
use dossier::model::{Analysis, Article, ClaimKind, Stance};
use dossier::reflow::Hyphenators;
use dossier::state::{AppState, Corpus, Options};
use dossier::tui::headless::render_text;

const KINDS: [ClaimKind; 5] = [
    ClaimKind::Statistic,
    ClaimKind::Quote,
    ClaimKind::Reported,
    ClaimKind::Fact,
    ClaimKind::Assessment,
];

fn corpus() -> (Vec<Article>, Vec<Analysis>) {
    let articles = dossier::ingest::bundled();
    let analyses = dossier::extract::analyze_corpus(&articles);
    (articles, analyses)
}

fn render(size: (u16, u16), keys: &str) -> (AppState, String) {
    let (articles, analyses) = corpus();
    let mut s = AppState::new(
        Corpus::from_pairs(articles.into_iter().zip(analyses)),
        Keymap::builtin(),
        Hyphenators::load(),
        Options::default(),
    );
    let keys = if keys.is_empty() {
        Vec::new()
    } else {
        parse_sequence(keys).expect("valid keys")
    };
    let text = render_text(&mut s, size, &keys);
    (s, text)
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn all_sources() -> Vec<SourceEntry> {
    let (articles, analyses) = corpus();
    sources::collect(&Corpus::from_pairs(articles.into_iter().zip(analyses)))
}

/// The first article with an attributed claim, and that claim's index.
fn first_attributed() -> (usize, usize) {
    let (_, analyses) = corpus();
    analyses
        .iter()
        .enumerate()
        .find_map(|(a, an)| {
            an.claims
                .iter()
                .position(|c| c.attribution.is_some())
                .map(|c| (a, c))
        })
        .expect("the bundled corpus has an attributed claim")
}

#[test]
fn a_card_names_its_source_and_shows_the_stance_as_glyph_and_word() {
    let (articles, analyses) = corpus();
    let (a, c) = first_attributed();
    let claim = &analyses[a].claims[c];
    let label = claim_source_label(claim, &articles[a]);
    let keys = format!("{}<Tab> z {}", "J ".repeat(a), "j ".repeat(c));
    let (s, screen) = render((160, 45), &keys);
    assert_eq!((s.list.selected, s.claims.selected), (a, c));
    let header = format!(
        "▶ {} {} · {} · {}",
        stance_glyph(claim.stance),
        label,
        claim.stance.name(),
        claim.kind.name()
    );
    assert!(screen.contains(&header), "{header:?} missing:\n{screen}");
    // The article's own claims say so instead of naming a fake source.
    let own = analyses[a]
        .claims
        .iter()
        .position(|c| c.attribution.is_none() && c.stance == Stance::Asserted);
    if let Some(own) = own {
        let keys = format!("{}<Tab> z {}", "J ".repeat(a), "j ".repeat(own));
        let (_, screen) = render((160, 45), &keys);
        let label = claim_source_label(&analyses[a].claims[own], &articles[a]);
        assert!(
            label == "the article" || label.contains("author"),
            "{label}"
        );
        assert!(
            screen.contains(&format!("▶ ● {label} · asserted")),
            "{screen}"
        );
    }
}

#[test]
fn at_narrow_widths_the_source_stays_when_kind_and_stance_word_go() {
    let (articles, analyses) = corpus();
    let (a, c) = first_attributed();
    let claim = &analyses[a].claims[c];
    let label = claim_source_label(claim, &articles[a]);
    // 80x24: reader and claims side by side, the claims pane narrow.
    let keys = format!("{}<Tab> {}", "J ".repeat(a), "j ".repeat(c));
    let (_, screen) = render((80, 24), &keys);
    let line = screen
        .lines()
        .find(|l| l.contains(&format!("▶ {} ", stance_glyph(claim.stance))))
        .unwrap_or_else(|| panic!("no selected card:\n{screen}"));
    let shown = line
        .split(&format!("▶ {} ", stance_glyph(claim.stance)))
        .nth(1)
        .unwrap();
    assert!(
        shown.starts_with(&head(&label, 8)),
        "source cut first: {line:?} ({label})"
    );
}

#[test]
fn the_kind_filter_shows_one_kind_and_the_title_counts_shown_of_total() {
    let (_, analyses) = corpus();
    let claims = &analyses[0].claims;
    let kind = KINDS
        .into_iter()
        .find(|k| claims.iter().any(|c| c.kind == *k))
        .unwrap();
    let n = claims.iter().filter(|c| c.kind == kind).count();
    let (s, screen) = render((160, 45), "<Tab> t");
    let title = format!("Claims ({n} of {}) · {}", claims.len(), kind.name());
    assert!(screen.contains(&title), "{title:?} missing:\n{screen}");
    assert_eq!(s.claims.shown.len(), n);
    assert!(s.claims.shown.iter().all(|&i| claims[i].kind == kind));
    let first = claims.iter().find(|c| c.kind == kind).unwrap();
    let words = first.text.split_whitespace().take(2).collect::<Vec<_>>();
    assert!(screen.contains(&words.join(" ")), "{screen}");
    // x lifts the filter.
    let (s, screen) = render((160, 45), "<Tab> t x");
    assert!(
        screen.contains(&format!("Claims ({})", claims.len())),
        "{screen}"
    );
    assert_eq!(s.claims.shown.len(), claims.len());
}

#[test]
fn stance_and_source_filters_combine_and_survive_a_change_of_article() {
    let (articles, analyses) = corpus();
    let (a, c) = first_attributed();
    let claims = &analyses[a].claims;
    let key = sources::claim_source_key(&claims[c]);
    let label = claim_source_label(&claims[c], &articles[a]);
    let same: Vec<usize> = (0..claims.len())
        .filter(|&i| sources::claim_source_key(&claims[i]) == key)
        .collect();
    let keys = format!("{}<Tab> z {}w", "J ".repeat(a), "j ".repeat(c));
    let (s, screen) = render((160, 45), &keys);
    assert_eq!(s.claims.shown, same);
    let title = format!("Claims ({} of {}) · {}", same.len(), claims.len(), label);
    assert!(screen.contains(&head(&title, 60)), "{title:?}:\n{screen}");
    // The first stance present among that source's claims narrows further.
    let stance = [Stance::Asserted, Stance::Attributed, Stance::Uncertain]
        .into_iter()
        .find(|st| same.iter().any(|&i| claims[i].stance == *st))
        .unwrap();
    let (s, _) = render((160, 45), &format!("{keys} s"));
    let both: Vec<usize> = same
        .iter()
        .copied()
        .filter(|&i| claims[i].stance == stance)
        .collect();
    assert_eq!(s.claims.shown, both);
    assert_eq!(s.claims.filter.stance, Some(stance));
    // The filter stays on the next article: only that source's claims there, if any.
    let next = (a + 1).min(articles.len() - 1);
    let (s, _) = render((160, 45), &format!("{keys} s J"));
    let expected: Vec<usize> = analyses[next]
        .claims
        .iter()
        .enumerate()
        .filter(|(_, cl)| {
            sources::claim_source_key(cl) == key
                && cl.stance == stance
                && (key.is_some() || claim_source_label(cl, &articles[next]) == label)
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(s.list.selected, next);
    assert_eq!(s.claims.shown, expected);
}

#[test]
fn the_sources_view_lists_every_source_with_claims_and_articles() {
    let sources = all_sources();
    assert!(!sources.is_empty());
    let (_, screen) = render((160, 45), "W");
    assert!(
        screen.contains(&format!("Sources ({}) · all sorts", sources.len())),
        "{screen}"
    );
    let first = &sources[0];
    let row = screen
        .lines()
        .find(|l| l.contains(&format!("▶ {}", head(&first.name, 20))))
        .unwrap_or_else(|| panic!("no first row:\n{screen}"));
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert!(
        cols.windows(3).any(|w| w[0] == first.class.name()
            && w[1] == first.claims.len().to_string()
            && w[2] == first.article_count.to_string()),
        "{row}"
    );
    // Sorted by claims, most first.
    assert!(
        sources
            .windows(2)
            .all(|w| w[0].claims.len() >= w[1].claims.len())
    );
}

#[test]
fn enter_lists_a_sources_claims_and_enter_again_jumps_to_the_claim() {
    let sources = all_sources();
    let first = &sources[0];
    let (_, screen) = render((160, 45), "W <Enter>");
    let claims = if first.claims.len() == 1 {
        "1 claim".to_string()
    } else {
        format!("{} claims", first.claims.len())
    };
    assert!(
        screen.contains(&format!("{} · {claims} in", head(&first.name, 30))),
        "{screen}"
    );
    let (_, analyses) = corpus();
    let target = &first.claims[first.claims.len() - 1];
    let text = &analyses[target.article].claims[target.claim].text;
    let (s, screen) = render((160, 45), "W <Enter> G <Enter>");
    assert!(s.overlays.open.is_none());
    assert_eq!(
        (s.list.selected, s.claims.selected),
        (target.article, target.claim)
    );
    let cursor = s.cursor.map(|c| c.span);
    assert_eq!(
        cursor,
        Some(analyses[target.article].claims[target.claim].span)
    );
    assert!(
        screen.contains(&format!("READ │ {}/5", target.article + 1)),
        "{screen}"
    );
    let words = text
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(screen.contains(&words), "{words:?}:\n{screen}");
}

#[test]
fn the_sources_view_fits_small_screens_and_esc_goes_back_then_closes() {
    for size in [(100, 30), (80, 24)] {
        let (_, screen) = render(size, "W");
        assert!(screen.contains("Sources ("), "{size:?}:\n{screen}");
        let (_, screen) = render(size, "W <Enter>");
        assert!(screen.contains(" in "), "{size:?}:\n{screen}");
        assert!(screen.contains("stance"), "{size:?}:\n{screen}");
    }
    let (s, screen) = render((100, 30), "W <Enter> <Esc>");
    assert!(screen.contains("Sources ("), "{screen}");
    assert!(s.overlays.open.is_some());
    let (s, _) = render((100, 30), "W <Enter> <Esc> <Esc>");
    assert!(s.overlays.open.is_none());
}

#[test]
fn the_help_lists_the_filter_keys_and_the_sources_view() {
    let (s, _) = render((160, 45), "");
    let help = s.help_lines();
    for (key, name) in [
        ("t", "cycle_claim_kind"),
        ("s", "cycle_claim_stance"),
        ("w", "filter_claim_source"),
        ("x", "clear_claim_filters"),
        ("W", "show_sources"),
        ("t", "cycle_source_filter"),
    ] {
        assert!(
            help.iter().any(|(k, n, _)| k == key && n == name),
            "{key} {name} not in the help"
        );
    }
}

#[test]
fn the_end_of_the_help_is_reachable_at_every_width_however_many_rows_wrap() {
    // The start of the last row's description (narrow widths drop the action-name column).
    let (s, _) = render((160, 45), "");
    let rows = s.help_lines();
    let last: String = rows
        .iter()
        .rev()
        .find(|(_, name, _)| !name.is_empty())
        .map(|(_, _, doc)| doc.chars().take(16).collect())
        .expect("the help has rows");
    for size in [(160, 45), (100, 30), (80, 24), (60, 20)] {
        let (_, screen) = render(size, "? G");
        assert!(
            screen.contains(&last),
            "{size:?}: G in the help does not show the last row {last}:\n{screen}"
        );
    }
}

#[test]
fn dossier_render_shows_the_filtered_claims_pane_and_the_sources_view() {
    let dir = tempfile::tempdir().unwrap();
    let run = |keys: &str| {
        let out =
            succeed(dossier_in(dir.path()).args(["render", "--size", "160x45", "--keys", keys]));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (_, analyses) = corpus();
    let total = analyses[0].claims.len();
    let screen = run("<Tab> s");
    assert!(screen.contains(&format!(" of {total}) · ")), "{screen}");
    let screen = run("W");
    assert!(
        screen.contains(&format!("Sources ({})", all_sources().len())),
        "{screen}"
    );
}
