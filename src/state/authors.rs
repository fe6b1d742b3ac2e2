//! Who wrote each note in team mode, and the bookmarks view's filter by author.

use super::{AppState, Severity};
use crate::store::BookmarkId;

impl AppState {
    /// The author of a bookmark: the team member who made it as the last sync round reported,
    /// else this user (a bookmark not yet sent is one's own); empty outside team mode.
    pub fn author_of(&self, id: &BookmarkId) -> &str {
        let Some(team) = &self.work.team else {
            return "";
        };
        team.authors
            .get(id)
            .map_or(team.user.as_str(), |(made_by, _)| made_by.as_str())
    }

    /// The authors of the bookmarks held, sorted, each once.
    pub fn bookmark_authors(&self) -> Vec<String> {
        let mut authors: Vec<String> = self
            .saved
            .bookmarks
            .iter()
            .map(|b| self.author_of(&b.id).to_string())
            .filter(|a| !a.is_empty())
            .collect();
        authors.sort();
        authors.dedup();
        authors
    }

    /// Shows only the notes of the next author (in name order), then everyone's again.
    pub(crate) fn cycle_author_filter(&mut self) {
        if self.work.team.is_none() {
            self.notify(
                "notes carry their authors in team mode only ([team] in config.toml or --team)",
                Severity::Info,
            );
            return;
        }
        let authors = self.bookmark_authors();
        let next = match &self.overlays.author_filter {
            None => authors.first().cloned(),
            Some(now) => authors.iter().find(|a| *a > now).cloned(),
        };
        let message = match &next {
            Some(who) => format!("notes by {who}"),
            None => "notes by everyone".to_string(),
        };
        self.overlays.author_filter = next;
        self.derived.forget_bookmarks();
        self.notify(message, Severity::Info);
    }
}

#[cfg(test)]
mod tests {
    use crate::corpus::Corpus;
    use crate::keymap::Keymap;
    use crate::reflow::Hyphenators;
    use crate::state::{AppState, Input, Options, StoreReport};
    use crate::store::{Anchor, Bookmark, BookmarkId, Target};
    use std::collections::HashMap;

    fn bookmark(id: &str) -> Bookmark {
        Bookmark {
            id: BookmarkId(id.to_string()),
            article: crate::model::ArticleId("a".into()),
            source: "a.txt".into(),
            title: "A".into(),
            target: Target::Sentence,
            anchor: Anchor {
                block: 0,
                start: 0,
                end: 1,
                quote: "A".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
            note: String::new(),
            created: 1,
            updated: 1,
        }
    }

    fn team_state() -> AppState {
        let mut s = AppState::new(
            Corpus::default(),
            Keymap::builtin(),
            Hyphenators::hyphens_only(),
            Options::default(),
        );
        s.handle(Input::Store(StoreReport {
            bookmarks: Some(vec![bookmark("1"), bookmark("2"), bookmark("3")]),
            saving: true,
            ..StoreReport::default()
        }));
        let authors: HashMap<BookmarkId, (String, String)> = [("1", "bob"), ("2", "cleo")]
            .iter()
            .map(|(id, who)| {
                (
                    BookmarkId(id.to_string()),
                    (who.to_string(), who.to_string()),
                )
            })
            .collect();
        s.handle(Input::Team(crate::team::background::TeamStatus {
            user: "ann".into(),
            online: true,
            message: String::new(),
            changed: false,
            authors,
        }));
        s
    }

    #[test]
    fn the_filter_steps_through_the_authors_in_name_order_then_everyone() {
        let mut s = team_state();
        assert_eq!(s.bookmark_authors(), ["ann", "bob", "cleo"]);
        assert_eq!(s.author_of(&BookmarkId("3".into())), "ann");
        let mut seen = Vec::new();
        for _ in 0..4 {
            s.cycle_author_filter();
            seen.push(s.overlays.author_filter.clone());
        }
        assert_eq!(
            seen,
            [
                Some("ann".to_string()),
                Some("bob".to_string()),
                Some("cleo".to_string()),
                None
            ]
        );
    }

    #[test]
    fn outside_team_mode_the_filter_says_why_it_does_nothing() {
        let mut s = AppState::new(
            Corpus::default(),
            Keymap::builtin(),
            Hyphenators::hyphens_only(),
            Options::default(),
        );
        s.cycle_author_filter();
        assert_eq!(s.overlays.author_filter, None);
        assert!(s.messages.iter().any(|m| m.text.contains("team mode")));
    }
}
