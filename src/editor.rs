//! A small multi-line text editor for notes: the text, a cursor, and soft wrapping for display.
//! Pure state; the reader turns keys into [`Edit`]s and draws [`TextArea::wrapped`]. Also the
//! private temporary file a note is edited in when it goes to `$EDITOR` ([`ScratchFile`]).

use unicode_width::UnicodeWidthChar;

/// One editing command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Split the line at the cursor.
    Newline,
    /// Delete the character before the cursor (joining lines at the start of a line).
    Backspace,
    /// Delete the character under the cursor (joining lines at the end of a line).
    Delete,
    /// Cursor one character left.
    Left,
    /// Cursor one character right.
    Right,
    /// Cursor one line up.
    Up,
    /// Cursor one line down.
    Down,
    /// Cursor to the start of the line.
    Home,
    /// Cursor to the end of the line.
    End,
    /// Delete from the cursor to the start of the line.
    KillToStart,
}

/// Multi-line text with a cursor (row, column in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextArea {
    lines: Vec<String>,
    row: usize,
    col: usize,
}

impl Default for TextArea {
    fn default() -> Self {
        Self {
            lines: vec![String::new()],
            row: 0,
            col: 0,
        }
    }
}

fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

fn char_len(line: &str) -> usize {
    line.chars().count()
}

impl TextArea {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Self {
        let mut lines: Vec<String> = text.split('\n').map(|l| l.replace('\r', "")).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = char_len(&lines[row]);
        Self { lines, row, col }
    }

    /// The whole text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// Cursor as (line, column in characters).
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    /// Applies one edit.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Insert(c) => {
                if c == '\n' {
                    return self.apply(Edit::Newline);
                }
                if c.is_control() && c != '\t' {
                    return;
                }
                let at = byte_at(&self.lines[self.row], self.col);
                self.lines[self.row].insert(at, c);
                self.col += 1;
            }
            Edit::Newline => {
                let at = byte_at(&self.lines[self.row], self.col);
                let rest = self.lines[self.row].split_off(at);
                self.lines.insert(self.row + 1, rest);
                self.row += 1;
                self.col = 0;
            }
            Edit::Backspace => {
                if self.col > 0 {
                    let line = &mut self.lines[self.row];
                    let at = byte_at(line, self.col - 1);
                    line.remove(at);
                    self.col -= 1;
                } else if self.row > 0 {
                    let line = self.lines.remove(self.row);
                    self.row -= 1;
                    self.col = char_len(&self.lines[self.row]);
                    self.lines[self.row].push_str(&line);
                }
            }
            Edit::Delete => {
                let len = char_len(&self.lines[self.row]);
                if self.col < len {
                    let line = &mut self.lines[self.row];
                    let at = byte_at(line, self.col);
                    line.remove(at);
                } else if self.row + 1 < self.lines.len() {
                    let next = self.lines.remove(self.row + 1);
                    self.lines[self.row].push_str(&next);
                }
            }
            Edit::Left => {
                if self.col > 0 {
                    self.col -= 1;
                } else if self.row > 0 {
                    self.row -= 1;
                    self.col = char_len(&self.lines[self.row]);
                }
            }
            Edit::Right => {
                if self.col < char_len(&self.lines[self.row]) {
                    self.col += 1;
                } else if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = 0;
                }
            }
            Edit::Up => {
                if self.row > 0 {
                    self.row -= 1;
                    self.col = self.col.min(char_len(&self.lines[self.row]));
                }
            }
            Edit::Down => {
                if self.row + 1 < self.lines.len() {
                    self.row += 1;
                    self.col = self.col.min(char_len(&self.lines[self.row]));
                }
            }
            Edit::Home => self.col = 0,
            Edit::End => self.col = char_len(&self.lines[self.row]),
            Edit::KillToStart => {
                let at = byte_at(&self.lines[self.row], self.col);
                self.lines[self.row].replace_range(..at, "");
                self.col = 0;
            }
        }
    }

    /// The text soft-wrapped at `width` cells (by character, so the cursor maps exactly), with
    /// the cursor's (row, column in cells) among the wrapped rows.
    pub fn wrapped(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(2);
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        for (r, line) in self.lines.iter().enumerate() {
            let mut current = String::new();
            let mut used = 0;
            let mut placed = false;
            for (c, ch) in line.chars().enumerate() {
                let ch = if ch == '\t' { ' ' } else { ch };
                let w = ch.width().unwrap_or(0);
                if used + w > width {
                    rows.push(std::mem::take(&mut current));
                    used = 0;
                }
                if r == self.row && c == self.col {
                    cursor = (rows.len(), used);
                    placed = true;
                }
                current.push(ch);
                used += w;
            }
            if r == self.row && !placed {
                if used >= width {
                    rows.push(std::mem::take(&mut current));
                    used = 0;
                }
                cursor = (rows.len(), used);
            }
            rows.push(current);
        }
        (rows, cursor)
    }
}

/// A note's text in a file of its own for `$EDITOR`: in a new directory with a random name that
/// only the user can enter (mode 0700), created exclusively (never an existing file, never through
/// a link) with mode 0600, so no other user can read the note or plant a link in its place. The
/// file and its directory are removed when this is dropped, unless [`ScratchFile::keep`] was
/// called.
#[derive(Debug)]
pub struct ScratchFile {
    dir: std::path::PathBuf,
    path: std::path::PathBuf,
    keep: bool,
}

impl ScratchFile {
    /// Creates the directory under `parent` (for example the system's temporary directory) and
    /// the file `name` in it holding `text`.
    pub fn create(parent: &std::path::Path, name: &str, text: &str) -> std::io::Result<Self> {
        use std::io::Write;
        let mut builder = std::fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        let mut attempt = 0u32;
        let dir = loop {
            let dir = parent.join(format!("dossier-{}", crate::store::BookmarkId::generate(0)));
            match builder.create(&dir) {
                Ok(()) => break dir,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 16 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        };
        let path = dir.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        let scratch = ScratchFile {
            dir,
            path,
            keep: false,
        };
        let mut file = options.open(&scratch.path)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        Ok(scratch)
    }

    /// The file's path.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Leaves the file on disk (its text could not be read back and must not be lost).
    pub fn keep(&mut self) {
        self.keep = true;
    }
}

impl Drop for ScratchFile {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_file(&self.path);
            let _ = std::fs::remove_dir(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextArea {
        let mut t = TextArea::default();
        for c in text.chars() {
            t.apply(Edit::Insert(c));
        }
        t
    }

    #[test]
    fn typing_newlines_and_backspace_across_lines() {
        let mut t = typed("Grüße\naus Köln");
        assert_eq!(t.text(), "Grüße\naus Köln");
        assert_eq!(t.cursor(), (1, 8));
        t.apply(Edit::Home);
        t.apply(Edit::Backspace);
        assert_eq!(t.text(), "Grüßeaus Köln");
        assert_eq!(t.cursor(), (0, 5));
        t.apply(Edit::Delete);
        assert_eq!(t.text(), "Grüßeus Köln");
        t.apply(Edit::KillToStart);
        assert_eq!(t.text(), "us Köln");
    }

    #[test]
    fn cursor_moves_clamp_to_line_length() {
        let mut t = TextArea::new("eine lange Zeile\nkurz");
        t.apply(Edit::Up);
        t.apply(Edit::End);
        t.apply(Edit::Down);
        assert_eq!(t.cursor(), (1, 4));
        t.apply(Edit::Right);
        assert_eq!(t.cursor(), (1, 4));
        t.apply(Edit::Home);
        t.apply(Edit::Left);
        assert_eq!(t.cursor(), (0, 16));
    }

    #[test]
    fn control_characters_are_not_inserted() {
        let t = typed("a\u{1b}[2Jb");
        assert_eq!(t.text(), "a[2Jb");
    }

    #[test]
    fn wrapping_places_the_cursor_on_the_right_row() {
        let t = TextArea::new("abcdefgh");
        let (rows, cursor) = t.wrapped(4);
        assert_eq!(rows, ["abcd", "efgh", ""]);
        assert_eq!(cursor, (2, 0));
        let t = TextArea::new("北朝鮮");
        let (rows, cursor) = t.wrapped(4);
        assert_eq!(rows, ["北朝", "鮮"]);
        assert_eq!(cursor, (1, 2));
    }

    #[test]
    fn the_scratch_file_is_private_new_and_removed_afterwards() {
        use std::os::unix::fs::PermissionsExt;
        let parent = tempfile::tempdir().unwrap();
        let scratch = ScratchFile::create(parent.path(), "note.md", "geheim").unwrap();
        let file_mode = std::fs::metadata(scratch.path())
            .unwrap()
            .permissions()
            .mode();
        let dir = scratch.path().parent().unwrap().to_path_buf();
        let dir_mode = std::fs::metadata(&dir).unwrap().permissions().mode();
        assert_eq!(file_mode & 0o777, 0o600);
        assert_eq!(dir_mode & 0o777, 0o700);
        assert_eq!(std::fs::read_to_string(scratch.path()).unwrap(), "geheim");
        let other = ScratchFile::create(parent.path(), "note.md", "x").unwrap();
        assert_ne!(other.path(), scratch.path(), "names are not predictable");
        drop(scratch);
        assert!(!dir.exists());
    }
}
