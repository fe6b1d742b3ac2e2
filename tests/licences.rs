//! Every file under `data/` (all of it can end up in the binary) is listed in THIRD-PARTY.md
//! with its source and an open licence, and nothing listed comes from non-commercial data.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn every_data_file_is_listed_with_a_licence_in_third_party_md() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let notice = std::fs::read_to_string(root.join("THIRD-PARTY.md")).expect("THIRD-PARTY.md");
    let mut found = Vec::new();
    files(&root.join("data"), &mut found);
    assert!(!found.is_empty());
    for path in found {
        let rel = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let row = notice
            .lines()
            .find(|l| l.starts_with('|') && l.contains(&format!("`{rel}`")))
            .unwrap_or_else(|| panic!("{rel} is not listed in THIRD-PARTY.md"));
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // | file | content | source | licence | attribution |
        assert!(cells.len() >= 6, "{rel}: {row}");
        assert!(
            !cells[3].is_empty() && !cells[4].is_empty(),
            "{rel}: source and licence"
        );
        if let Err(why) = check_licence(cells[4]) {
            panic!("{rel}: licence '{}' {why}", cells[4]);
        }
        if let Some(bad) = derived_from_non_commercial(cells[3]) {
            panic!("{rel}: built from non-commercial data ({bad})");
        }
    }
}

/// Licences whose data may ship inside an MIT program (lowercase; each part of a licence cell,
/// without its parenthesised note, must be one of them).
const OPEN_LICENCES: &[&str] = &[
    "public domain",
    "cc0 1.0",
    "cc0",
    "mit",
    "bsd-2-clause",
    "bsd-3-clause",
    "apache-2.0",
    "cc by 4.0",
    "cc by 3.0",
    "odc-by",
    "unicode-3.0",
    "unicode-dfs-2016",
];

/// Words that mark a licence that may not ship (copyleft, the LGPL included, documentation
/// licences, share-alike, non-commercial, no-derivatives).
const CLOSED_MARKS: &[&str] = &[
    "gpl-",
    "gpl ",
    "lgpl",
    "gnu fdl",
    "gfdl",
    "fdl",
    "by-sa",
    "share",
    "-nc",
    "non-commercial",
    "noncommercial",
    "-nd",
    "no deriv",
    "agpl",
];

/// Data sets that may be used for measuring only.
const NON_COMMERCIAL: &[&str] = &["10kgnad", "newsgold", "spkatt", "one million posts"];

/// Ok when every part of a licence cell is an open licence.
fn check_licence(cell: &str) -> Result<(), String> {
    let lower = cell.to_lowercase();
    for mark in CLOSED_MARKS {
        // "lgpl-2.1" contains "gpl-": the LGPL is copyleft too, and refused like the GPL.
        if lower.contains(mark) {
            return Err(format!("names a licence that may not ship ({mark})"));
        }
    }
    for part in lower.split([';', ',']) {
        let bare = match part.find('(') {
            Some(at) => &part[..at],
            None => part,
        }
        .trim();
        if !OPEN_LICENCES.contains(&bare) {
            return Err(format!("has '{bare}', not a known open licence"));
        }
    }
    Ok(())
}

/// The non-commercial data set a source cell names, if any.
fn derived_from_non_commercial(source: &str) -> Option<&'static str> {
    let lower = source.to_lowercase();
    NON_COMMERCIAL.iter().copied().find(|n| lower.contains(n))
}

#[test]
fn the_licence_check_refuses_copyleft_and_non_commercial_data() {
    assert!(check_licence("GPL-2.0-or-later").is_err());
    assert!(check_licence("GNU FDL").is_err());
    assert!(check_licence("CC BY-SA 4.0").is_err());
    assert!(check_licence("CC BY-NC 4.0").is_err());
    assert!(check_licence("proprietary").is_err());
    assert!(check_licence("MIT (package); the counted text is CC BY-SA").is_err());
    assert!(check_licence("public domain (SSA data); MIT (packages)").is_ok());
    assert!(check_licence("LGPL-2.1-or-later").is_err());
    assert!(check_licence("Unicode-DFS-2016").is_ok());
    assert!(check_licence("CC0 1.0 (Europeana); CC BY 4.0 (LER)").is_ok());
    assert_eq!(
        derived_from_non_commercial("trained on 10kGNAD articles"),
        Some("10kgnad")
    );
    assert_eq!(derived_from_non_commercial("GermEval 2014 dev"), None);
}
