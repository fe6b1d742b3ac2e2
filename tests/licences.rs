//! Every file under `data/` (all of it can end up in the binary) is listed in THIRD-PARTY.md
//! with its source and licence.

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
    }
}
