//! Pending changes, applied both to the in-memory copy and to what is on disk at save time.
//!
//! Every operation is idempotent, so replaying one after a failed or partial save does no harm,
//! and none of them discards text another instance wrote.

use super::{Bookmark, BookmarkId, Position};
use std::collections::{BTreeMap, HashMap};

/// Put between two versions of a note edited in two places at once; both are kept.
pub const CONFLICT_MARKER: &str = "\n\n--- edited at the same time in another dossier window ---\n";

/// A change to the bookmarks file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BookmarkOp {
    /// Add a new bookmark (skipped if its id is already there).
    Add(Bookmark),
    /// Replace a note; `base` is the note the edit started from, `snapshot` the whole bookmark
    /// after the edit (re-added if another instance deleted it meanwhile).
    SetNote { base: String, snapshot: Bookmark },
    /// Remove a bookmark (if present).
    Delete(BookmarkId),
    /// Put back a deleted bookmark (if absent).
    Restore(Bookmark),
}

impl BookmarkOp {
    /// Applies the change to a list of bookmarks.
    pub(crate) fn apply(&self, list: &mut Vec<Bookmark>) {
        match self {
            BookmarkOp::Add(b) => match list.iter().find(|x| x.id == b.id) {
                None => list.push(b.clone()),
                // Replayed after a failed save: already there.
                Some(x) if x == b => {}
                // Another reader's bookmark has the same id: keep both, under a new id for this
                // one.
                Some(_) => {
                    let mut renamed = b.clone();
                    while list.iter().any(|x| x.id == renamed.id) {
                        renamed.id = BookmarkId::generate(b.created);
                    }
                    list.push(renamed);
                }
            },
            BookmarkOp::Restore(b) => {
                if !list.iter().any(|x| x.id == b.id) {
                    list.push(b.clone());
                }
            }
            BookmarkOp::SetNote { base, snapshot } => {
                match list.iter_mut().find(|x| x.id == snapshot.id) {
                    Some(current) => set_note(current, base, snapshot),
                    None => list.push(snapshot.clone()),
                }
            }
            BookmarkOp::Delete(id) => list.retain(|x| &x.id != id),
        }
    }
}

/// A change to the positions file: the newer position wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PositionOp {
    pub key: String,
    pub position: Position,
}

impl PositionOp {
    /// Applies the change unless the stored position is newer.
    pub(crate) fn apply(&self, map: &mut BTreeMap<String, Position>) {
        let newer = map
            .get(&self.key)
            .is_none_or(|p| p.updated <= self.position.updated);
        if newer {
            map.insert(self.key.clone(), self.position);
        }
    }
}

/// Puts an edited note onto the bookmark here. When the note here is neither the one the edit
/// started from nor the new text, someone else changed it meanwhile: both texts are kept.
fn set_note(current: &mut Bookmark, base: &str, snapshot: &Bookmark) {
    if current.note != base && current.note != snapshot.note {
        current.note = format!("{}{CONFLICT_MARKER}{}", snapshot.note, current.note);
    } else {
        current.note = snapshot.note.clone();
    }
    current.updated = current.updated.max(snapshot.updated);
}

/// Applies `ops` in order with the same result as [`BookmarkOp::apply`] one at a time, in time
/// linear in the list and the operations: an index by id replaces the scan of the list that each
/// operation would make (10,000 notes from a team server are 10,000 operations on a list of
/// 10,000). A list that already holds one id twice (edited by hand) is applied one at a time.
pub(crate) fn apply_all(ops: &[BookmarkOp], list: &mut Vec<Bookmark>) {
    let mut at: HashMap<BookmarkId, usize> = HashMap::with_capacity(list.len() + ops.len());
    for (i, b) in list.iter().enumerate() {
        if at.insert(b.id.clone(), i).is_some() {
            for op in ops {
                op.apply(list);
            }
            return;
        }
    }
    let mut slots: Vec<Option<Bookmark>> = std::mem::take(list).into_iter().map(Some).collect();
    fn push(slots: &mut Vec<Option<Bookmark>>, at: &mut HashMap<BookmarkId, usize>, b: Bookmark) {
        at.insert(b.id.clone(), slots.len());
        slots.push(Some(b));
    }
    for op in ops {
        match op {
            BookmarkOp::Add(b) => match at.get(&b.id).and_then(|&i| slots[i].as_ref()) {
                None => push(&mut slots, &mut at, b.clone()),
                Some(x) if x == b => {}
                Some(_) => {
                    let mut renamed = b.clone();
                    while at.contains_key(&renamed.id) {
                        renamed.id = BookmarkId::generate(b.created);
                    }
                    push(&mut slots, &mut at, renamed);
                }
            },
            BookmarkOp::Restore(b) => {
                if !at.contains_key(&b.id) {
                    push(&mut slots, &mut at, b.clone());
                }
            }
            BookmarkOp::SetNote { base, snapshot } => {
                match at.get(&snapshot.id).and_then(|&i| slots[i].as_mut()) {
                    Some(current) => set_note(current, base, snapshot),
                    None => push(&mut slots, &mut at, snapshot.clone()),
                }
            }
            BookmarkOp::Delete(id) => {
                if let Some(i) = at.remove(id) {
                    slots[i] = None;
                }
            }
        }
    }
    *list = slots.into_iter().flatten().collect();
}

/// Orders bookmarks by creation time, then id, so every instance lists them alike.
pub(crate) fn sort(list: &mut [Bookmark]) {
    list.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ArticleId;
    use crate::store::{Anchor, Target};
    use proptest::prelude::*;

    fn bookmark(id: &str, note: &str) -> Bookmark {
        Bookmark {
            id: BookmarkId(id.to_string()),
            article: ArticleId("a".into()),
            source: "a.txt".into(),
            title: "A".into(),
            target: Target::Paragraph,
            anchor: Anchor {
                block: 0,
                start: 0,
                end: 1,
                quote: "x".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            note: note.into(),
            created: 1,
            updated: 1,
        }
    }

    #[test]
    fn note_edited_elsewhere_meanwhile_keeps_both_texts() {
        let mut disk = vec![bookmark("1", "theirs")];
        let mut mine = bookmark("1", "mine");
        mine.updated = 5;
        BookmarkOp::SetNote {
            base: "original".into(),
            snapshot: mine,
        }
        .apply(&mut disk);
        assert_eq!(disk[0].note, format!("mine{CONFLICT_MARKER}theirs"));
        assert_eq!(disk[0].updated, 5);
    }

    #[test]
    fn note_on_bookmark_deleted_elsewhere_brings_it_back() {
        let mut disk = Vec::new();
        BookmarkOp::SetNote {
            base: String::new(),
            snapshot: bookmark("1", "keep me"),
        }
        .apply(&mut disk);
        assert_eq!(disk.len(), 1);
        assert_eq!(disk[0].note, "keep me");
    }

    #[test]
    fn replayed_add_is_harmless() {
        let mut disk = Vec::new();
        let op = BookmarkOp::Add(bookmark("1", ""));
        op.apply(&mut disk);
        op.apply(&mut disk);
        assert_eq!(disk.len(), 1);
    }

    #[test]
    fn older_position_does_not_replace_newer() {
        let mut map = BTreeMap::new();
        let newer = Position {
            offset: 10,
            updated: 9,
        };
        map.insert("k".to_string(), newer);
        PositionOp {
            key: "k".into(),
            position: Position {
                offset: 3,
                updated: 2,
            },
        }
        .apply(&mut map);
        assert_eq!(map["k"], newer);
    }

    fn op_strategy() -> impl Strategy<Value = BookmarkOp> {
        let id = 0..6u8;
        let note = prop::sample::select(vec!["", "a", "b", "c"]);
        prop_oneof![
            (id.clone(), note.clone())
                .prop_map(|(i, n)| BookmarkOp::Add(bookmark(&i.to_string(), n))),
            (id.clone(), note.clone())
                .prop_map(|(i, n)| BookmarkOp::Restore(bookmark(&i.to_string(), n))),
            (id.clone(), note.clone(), note.clone()).prop_map(|(i, base, n)| BookmarkOp::SetNote {
                base: base.to_string(),
                snapshot: bookmark(&i.to_string(), n),
            }),
            id.prop_map(|i| BookmarkOp::Delete(BookmarkId(i.to_string()))),
        ]
    }

    /// What a list holds, with the random ids given to renamed bookmarks made alike.
    fn shape(list: &[Bookmark]) -> Vec<(String, String, i64)> {
        list.iter()
            .map(|b| {
                let id = if b.id.0.len() == 1 {
                    b.id.0.clone()
                } else {
                    "new".into()
                };
                (id, b.note.clone(), b.updated)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn applying_all_at_once_equals_applying_one_at_a_time(
            start in prop::collection::vec((0..6u8, prop::sample::select(vec!["", "a", "b"])), 0..6),
            ops in prop::collection::vec(op_strategy(), 0..40),
        ) {
            let start: Vec<Bookmark> =
                start.iter().map(|(i, n)| bookmark(&i.to_string(), n)).collect();
            let mut one_by_one = start.clone();
            for op in &ops {
                op.apply(&mut one_by_one);
            }
            let mut all = start;
            apply_all(&ops, &mut all);
            prop_assert_eq!(shape(&all), shape(&one_by_one));
        }
    }
}
