//! Where the reader is and where it has been: locations as (article, byte offset), per-article
//! reading positions, and a jump list to go back and forth between jumps.

use super::AppState;

/// A place in the corpus: an article and a byte offset in its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    /// Index of the article in the corpus.
    pub article: usize,
    /// Byte offset in the article's text.
    pub offset: usize,
}

/// Jumps made, for going back (Ctrl-O) and forward again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    back: Vec<Location>,
    forward: Vec<Location>,
}

/// Most jumps remembered.
const JUMP_LIMIT: usize = 100;

impl JumpList {
    /// Records `from` before a jump; a new jump clears the forward history.
    pub fn record(&mut self, from: Location) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
            if self.back.len() > JUMP_LIMIT {
                self.back.remove(0);
            }
        }
        self.forward.clear();
    }

    /// Number of jumps back available.
    pub fn back_len(&self) -> usize {
        self.back.len()
    }

    /// Number of jumps forward available.
    pub fn forward_len(&self) -> usize {
        self.forward.len()
    }
}

impl AppState {
    /// The location at the top of the reading pane.
    pub fn location(&self) -> Location {
        Location {
            article: self.list.selected,
            offset: self.reader.layout.offset_at_line(self.reader.top),
        }
    }

    /// Opens `to.article` and shows `to.offset` a third of the way down the pane; with `record`,
    /// the current location goes on the jump list first.
    pub fn go_to(&mut self, to: Location, record: bool) {
        if record {
            let here = self.location();
            self.jumps.record(here);
        }
        self.select_article(to.article as isize);
        let line = self.reader_line_at(to.offset);
        let height = self.reader_height();
        if line < self.reader.top || line >= self.reader.top + height {
            self.reader.top = line.saturating_sub(height / 3);
        }
        self.clamp_reader();
        self.after_reader_move();
    }

    /// Goes back to where the last jump came from.
    pub fn jump_back(&mut self) -> bool {
        let Some(to) = self.jumps.back.pop() else {
            return false;
        };
        let here = self.location();
        self.jumps.forward.push(here);
        self.go_to(to, false);
        true
    }

    /// Undoes a [`AppState::jump_back`].
    pub fn jump_forward(&mut self) -> bool {
        let Some(to) = self.jumps.forward.pop() else {
            return false;
        };
        let here = self.location();
        self.jumps.back.push(here);
        self.go_to(to, false);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_jump_clears_forward_history_and_duplicates_are_not_recorded() {
        let mut j = JumpList::default();
        let a = Location {
            article: 0,
            offset: 0,
        };
        let b = Location {
            article: 1,
            offset: 10,
        };
        j.record(a);
        j.record(a);
        assert_eq!(j.back_len(), 1);
        j.forward.push(b);
        j.record(b);
        assert_eq!((j.back_len(), j.forward_len()), (2, 0));
    }
}
