//! Application state as plain data, and the one function that changes it: [`AppState::handle`]
//! turns an [`Input`] into state changes plus [`Effect`]s for the runner to carry out. No IO, no
//! terminal crates; the view reads this state and nothing else.

mod authors;
mod claims;
pub mod cross;
pub mod derived;
pub mod geometry;
pub mod help;
pub mod hints;
mod indexing;
mod leaving;
pub mod nav;
mod notes;
pub mod palette;
pub mod remote;
pub mod saved;
mod sources;
mod timeline;
pub mod update;

pub use claims::{ClaimCard, ClaimFilter, ClaimsPane, SourceFilter};
pub use geometry::{Geometry, Pane, Rect, Screen};
pub use nav::{JumpList, Location};
pub use saved::Saved;
pub use sources::{OpenSource, SourcesView};

use crate::action::Action;
pub use crate::corpus::{Corpus, Entry};
use crate::editor::TextArea;
use crate::highlight::{Mark, MarkLayer};
use crate::keymap::{KeyChord, Keymap, Section};
use crate::model::{Article, EntityKind, Span};
use crate::reflow::{Hyphenators, LazyLayout};
use crate::store::{Bookmark, BookmarkId};

/// Something that happened: a key, a resize, a clock tick, a mouse event, or a result from the
/// runner.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A key press (releases never get here).
    Key(KeyChord),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Time passed (about a quarter of a second): messages age, and `now` (Unix seconds) is
    /// the clock the state records times by until the next tick.
    Tick {
        /// The time now, in seconds since the Unix epoch.
        now: i64,
    },
    /// The mouse wheel turned over a cell; `down` scrolls forward.
    Wheel {
        /// Column of the pointer.
        col: u16,
        /// Row of the pointer.
        row: u16,
        /// True to scroll down.
        down: bool,
    },
    /// A left click on a cell.
    Click {
        /// Column clicked.
        col: u16,
        /// Row clicked.
        row: u16,
    },
    /// What the store holds after an operation, or at start-up.
    Store(StoreReport),
    /// A team sync round finished (see [`crate::team::background`]).
    Team(crate::team::background::TeamStatus),
    /// What the store holds when the user asked to quit: quitting goes ahead only when nothing
    /// is left unsaved, and asks otherwise.
    QuitCheck(StoreReport),
    /// A rescue file was written (its path), or why not.
    Rescued(Result<String, String>),
    /// Text pasted into the terminal (bracketed paste), as one piece.
    Paste(String),
    /// The session ends from outside (a signal, the terminal gone): what is pending is written
    /// now, the reading positions and a note being typed.
    Leave,
    /// A pause as long as the idle ticks that write reading positions (the end of a headless
    /// key script): the positions changed since the last write are written.
    Pause,
    /// The external editor finished editing a note: the new text, or why it failed.
    ExternalEdit {
        /// The bookmark whose note was edited.
        id: BookmarkId,
        /// The edited text, or an error message.
        result: Result<String, String>,
    },
    /// The user has been idle for a moment (the runner sends this while
    /// [`AppState::palette_needs_index`]): a time for background preparation.
    Idle,
    /// An answer of the palette's background ranking.
    Ranked(palette::Ranked),
    /// The palette's index, built in the background.
    PaletteIndex(palette::BuiltIndex),
    /// The matches of the palette's full-text (`/`) query, searched in the background.
    FullText(palette::TextFound),
    /// News from the background indexer: articles, late analyses, canonical names, progress.
    Index(crate::index::IndexEvent),
    /// The cross-article analyses, computed in the background.
    Cross(cross::CrossReady),
    /// An answer of the team server, when reading its published corpus.
    Remote(crate::team::paged::Answer),
}

/// A change to the user's saved data, carried out by the runner.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreOp {
    /// Add a bookmark.
    Add(Bookmark),
    /// Replace a bookmark's note.
    SetNote(BookmarkId, String),
    /// Delete a bookmark.
    Delete(BookmarkId),
    /// Put a deleted bookmark back.
    Restore(Bookmark),
    /// Remember reading positions (byte offsets) under their position keys, saved at once.
    SetPositions(Vec<(String, usize)>),
    /// Try again to save what is kept in memory, re-reading files fixed by hand.
    Retry,
    /// Replace an unreadable bookmarks file with a new one, keeping the old one as a backup.
    StartFresh,
    /// Report what is unsaved before quitting (answered with [`Input::QuitCheck`]).
    CheckBeforeQuit,
    /// Write every bookmark and note held in memory to a rescue file (answered with
    /// [`Input::Rescued`]).
    Rescue,
}

/// The store's state as the reader needs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StoreReport {
    /// Every bookmark, when they may have changed; `None` when the operation left them alone
    /// (a reading position), so nothing derived from them is rebuilt.
    pub bookmarks: Option<Vec<Bookmark>>,
    /// Whether saving works.
    pub saving: bool,
    /// Problems with the data files, each naming the file.
    pub problems: Vec<String>,
    /// Changes kept in memory that are not saved yet.
    pub pending: usize,
    /// A message about the last operation.
    pub message: Option<(String, Severity)>,
    /// An action the message suggests, with what its key does ("to undo"): the key is named
    /// from the active keymap when the message is shown.
    pub suggest: Option<(Action, &'static str)>,
}

/// Work for the runner, which owns the terminal and the disk.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Leave the program.
    Quit,
    /// Turn mouse capture on or off.
    SetMouse(bool),
    /// Stop the process (job control) until the shell continues it, with the terminal restored
    /// meanwhile.
    Suspend,
    /// Change the saved data.
    Store(StoreOp),
    /// Put text on the clipboard (OSC 52).
    Copy(String),
    /// Edit a note in `$EDITOR`, starting from this text.
    EditExternally {
        /// The bookmark whose note is edited.
        id: BookmarkId,
        /// The note as it is now.
        text: String,
    },
    /// Run a job off the UI thread (ranking the palette, indexing it); its answers come back
    /// as inputs.
    Background(palette::Job),
}

/// An overlay drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Quitting with changes that could not be saved: save again, write a rescue file, quit
    /// anyway, or go back.
    QuitConfirm,
    /// The key help, scrolled by this many lines.
    Help {
        /// First help line shown.
        scroll: usize,
    },
    /// The note editor.
    Note(NoteEditor),
    /// The list of bookmarks.
    Bookmarks {
        /// Selected bookmark (index into the sorted list).
        selected: usize,
    },
    /// The jump-to-anything palette.
    Palette(Box<palette::Palette>),
    /// The prompt for a search inside the article.
    Find {
        /// What is typed so far.
        input: String,
    },
    /// Every entity of the corpus.
    Entities {
        /// Selected row.
        selected: usize,
        /// Index into [`cross::SORTS`].
        sort: usize,
        /// Only this kind, when set.
        kind: Option<EntityKind>,
    },
    /// A group of claims from different articles, side by side.
    Group {
        /// Index of the group.
        group: usize,
        /// Selected member.
        selected: usize,
    },
    /// Dated events of all articles in date order.
    Timeline {
        /// Selected event.
        selected: usize,
        /// Only events involving this entity, when set.
        entity: Option<String>,
    },
    /// Every source of the corpus, or one source's claims.
    Sources(Box<SourcesView>),
    /// An entity's card: its names, counts and every mention in context.
    Card {
        /// The entity's canonical name.
        canonical: String,
        /// Selected mention (corpus order).
        selected: usize,
    },
    /// Search, entity index or sources of the corpus published on the team server.
    Server(Box<remote::ServerView>),
}

/// A note being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    /// The bookmark the note belongs to.
    pub id: BookmarkId,
    /// The text being edited.
    pub area: TextArea,
    /// Changed since last saved.
    pub dirty: bool,
    /// Ticks since the last keystroke, for saving while the user pauses.
    pub idle: u16,
}

/// Ticks of idleness after which a changed note is saved while still open (about 2 s).
pub const NOTE_AUTOSAVE_TICKS: u16 = 8;

/// Ticks of idleness after which changed reading positions are written (about 2 s).
pub const POSITION_SAVE_TICKS: u16 = 8;

/// What the reading cursor moves by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Paragraphs (body blocks).
    Paragraph,
    /// Sentences.
    Sentence,
    /// Entity mentions.
    Mention,
}

/// The reading cursor: a paragraph, sentence or mention of the open article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// What it covers.
    pub unit: Unit,
    /// Where it is in the article text.
    pub span: Span,
}

/// A bookmark placed in the open article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacedBookmark {
    /// Which bookmark.
    pub id: BookmarkId,
    /// Where its passage is now.
    pub span: Span,
    /// True when it carries a note.
    pub has_note: bool,
}

/// How a status message looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Information.
    Info,
    /// Something went wrong but dossier carries on.
    Warning,
}

/// A status-line message that clears itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// How it looks.
    pub severity: Severity,
    /// Ticks left before it disappears.
    pub ticks_left: u16,
}

/// Ticks a message stays (about four seconds at four ticks a second).
pub const MESSAGE_TICKS: u16 = 16;

/// The reading pane's position and laid-out text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderState {
    /// The current article laid out for the pane's text width (a long one only around the
    /// view: `AppState::fill_reader`).
    pub layout: LazyLayout,
    /// First visible line.
    pub top: usize,
    /// Entity mentions of the open article, filtered by the highlight toggles.
    pub entities: MarkLayer,
    /// Claim sentences of the open article.
    pub claims: MarkLayer,
    /// Matches of the search inside the article.
    pub matches: MarkLayer,
    /// The author's markup of the open article (Markdown articles).
    pub styles: MarkLayer,
    /// Sentences of the body, in order.
    pub sentences: Vec<Span>,
    /// Bookmarks re-anchored in the open article, in text order.
    pub bookmarks: Vec<PlacedBookmark>,
    /// Bookmarks of this article that could not be re-anchored.
    pub orphans: usize,
}

/// Which highlights the reading pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlights {
    /// Per entity kind, in [`EntityKind::ALL`] order.
    pub kinds: [bool; 6],
    /// Claim sentences marked.
    pub claims: bool,
}

impl Default for Highlights {
    fn default() -> Self {
        Self {
            kinds: [true; 6],
            claims: true,
        }
    }
}

impl Highlights {
    /// True when mentions of `kind` are highlighted.
    pub fn shows(&self, kind: EntityKind) -> bool {
        EntityKind::ALL
            .iter()
            .position(|k| *k == kind)
            .is_some_and(|i| self.kinds[i])
    }
}

/// How far background indexing has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IndexStatus {
    /// Files handled.
    pub done: usize,
    /// Files found (0 while still listing).
    pub total: usize,
    /// Throughput in MB/s.
    pub mb_per_s: u32,
    /// Seconds left, when known.
    pub eta_secs: Option<u64>,
}

/// Work done off the key path, and what it brought. Every result arrives as an [`Input`]
/// through [`AppState::handle`]; these fields say what is known and what is under way.
#[derive(Debug, Clone, Default)]
pub struct Work {
    /// Background indexing, while it runs.
    pub indexing: Option<IndexStatus>,
    /// Team sync as of the last round, in team mode.
    pub team: Option<crate::team::background::TeamStatus>,
    /// The palette's search index, built when the palette first opens or while the reader is
    /// idle ([`AppState::prepare_palette`]).
    pub palette_index: Option<std::sync::Arc<crate::search::SearchIndex>>,
    /// The palette's index misses recent changes (bookmarks) and is rebuilt at the next opening.
    pub palette_index_stale: bool,
    /// The palette's background jobs: the index build and the rankings under way.
    pub(crate) palette_jobs: palette::Jobs,
    /// Entity index, claim groups, timeline and sources, computed in the background when first
    /// wanted or when the user pauses; out of date while [`AppState::cross_is_fresh`] is false.
    pub cross: Option<std::sync::Arc<cross::CrossSource>>,
    /// The corpus version the cross-article analyses were computed from, and the job under way.
    pub(crate) cross_jobs: cross::CrossJobs,
}

/// Options fixed at start-up.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    /// Draw without colours (`NO_COLOR`).
    pub no_color: bool,
    /// Start with mouse support on.
    pub mouse: bool,
    /// Scroll with terminal scroll regions where the frame allows (see `tui::scroll`).
    pub scroll_regions: bool,
}

/// The article list pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListPane {
    /// Index of the open article.
    pub selected: usize,
    /// First article shown.
    pub top: usize,
}

/// What is open over the panes, and how the views are narrowed.
#[derive(Debug, Clone, Default)]
pub struct Overlays {
    /// Open overlay, if any.
    pub open: Option<Overlay>,
    /// The help overlay's search.
    pub help_search: help::HelpSearch,
    /// The bookmarks view shows only the notes of this author of the team, when set.
    pub author_filter: Option<String>,
    /// The timeline shows only events of this article, when set.
    pub timeline_source: Option<usize>,
}

/// The time as the state knows it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    /// Unix seconds, as of the last [`Input::Tick`].
    pub now: i64,
    /// Ticks since the last key, click, wheel turn or paste.
    pub idle_ticks: u16,
}

/// The key bindings and what has been typed of a sequence.
#[derive(Debug, Clone)]
pub struct Keys {
    /// Active key bindings.
    pub map: Keymap,
    /// Keys of a sequence typed so far ("g" of "g g").
    pub pending: Vec<KeyChord>,
}

/// Everything the view draws.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The corpus in list order.
    pub corpus: Corpus,
    /// The saved-data mirror: bookmarks, reading positions, whether saving works.
    pub saved: Saved,
    /// The terminal and how the panes share it: size, focus, zoom, colours, mouse.
    pub screen: Screen,
    /// The article list: the open article and the first one shown.
    pub list: ListPane,
    /// What is open over the panes, and how the views are narrowed.
    pub overlays: Overlays,
    /// The reading pane.
    pub reader: ReaderState,
    /// The claims pane's cards, filter, selection and scroll, for the open article.
    pub claims: ClaimsPane,
    /// Which highlights show.
    pub highlights: Highlights,
    /// Jumps made, for going back and forth.
    pub jumps: JumpList,
    /// What runs off the key path and what it brought: indexing progress, team sync, the
    /// palette's search index, the cross-article analyses, and the jobs under way.
    pub work: Work,
    /// The list of the corpus published on the team server, when reading it instead of a
    /// local corpus ([`AppState::read_published`]).
    pub remote: Option<Box<remote::RemoteList>>,
    /// The reading cursor, when in use.
    pub cursor: Option<Cursor>,
    /// Lists computed from the rest of the state when their inputs change (entity index rows,
    /// timeline events, the entity card, bookmark rows), so that drawing only reads.
    pub derived: derived::Derived,
    /// The search inside the open article, if any.
    pub search: Option<palette::ArticleSearch>,
    /// The time, and how long the user has been idle.
    pub time: Clock,
    /// Effects produced while handling the current input.
    outbox: Vec<Effect>,
    /// Status messages, oldest first.
    pub messages: Vec<Message>,
    /// The key bindings and a sequence typed so far.
    pub keys: Keys,
    hyph: Hyphenators,
}

/// Lines an unselected article's title takes in the list at most.
const LIST_TITLE_LINES: usize = 3;

impl AppState {
    /// Builds the state for a corpus; call [`AppState::handle`] with [`Input::Resize`] before
    /// drawing.
    pub fn new(corpus: Corpus, keymap: Keymap, hyph: Hyphenators, options: Options) -> Self {
        Self {
            saved: Saved::new(corpus.len()),
            screen: Screen::new(&options),
            corpus,
            list: ListPane::default(),
            overlays: Overlays::default(),
            reader: ReaderState::default(),
            claims: ClaimsPane::default(),
            highlights: Highlights::default(),
            jumps: JumpList::default(),
            work: Work::default(),
            remote: None,
            cursor: None,
            derived: derived::Derived::default(),
            search: None,
            time: Clock::default(),
            outbox: Vec::new(),
            messages: Vec::new(),
            keys: Keys {
                map: keymap,
                pending: Vec::new(),
            },
            hyph,
        }
    }

    /// The links (text and target) under the reading cursor, when the reading pane has the
    /// focus: the status line shows where they lead.
    pub fn cursor_links(&self) -> Vec<(&str, &str)> {
        let (Some(cursor), Some(entry), Pane::Reader) =
            (self.cursor, self.current(), self.screen.focus)
        else {
            return Vec::new();
        };
        entry
            .article
            .styles
            .iter()
            .filter(|s| s.style == crate::model::TextStyle::Link && s.span.overlaps(cursor.span))
            .filter_map(|s| Some((entry.article.slice(s.span), s.url.as_deref()?)))
            .collect()
    }

    /// Whether the current article's entities and claims are still to come: while indexing
    /// runs, an article longer than [`crate::index::EARLY_ARTICLE`] is shown as soon as it is
    /// read, with an empty analysis that indexing fills in later.
    pub fn analysis_pending(&self) -> bool {
        self.work.indexing.is_some()
            && self.current().is_some_and(|e| {
                e.article.text.len() > crate::index::EARLY_ARTICLE
                    && e.analysis.claims.is_empty()
                    && e.analysis.mentions.is_empty()
            })
    }

    /// The open article, if the corpus is not empty.
    pub fn current(&self) -> Option<&Entry> {
        self.corpus.get(self.open_index())
    }

    /// Pane geometry at the current size.
    pub fn geometry(&self) -> Geometry {
        geometry::compute(
            self.screen.size.0,
            self.screen.size.1,
            self.screen.show_list,
            self.screen.focus,
            self.screen.zoom,
        )
    }

    /// Adds a status message.
    pub fn notify(&mut self, text: impl Into<String>, severity: Severity) {
        self.messages.push(Message {
            text: text.into(),
            severity,
            ticks_left: MESSAGE_TICKS,
        });
        if self.messages.len() > 8 {
            self.messages.remove(0);
        }
    }

    /// The keymap section for the current focus or overlay.
    pub fn section(&self) -> Section {
        match (&self.overlays.open, self.screen.focus) {
            (Some(Overlay::Help { .. }), _) => Section::Help,
            (Some(Overlay::QuitConfirm), _) => Section::Global,
            (Some(Overlay::Note(_)), _) => Section::Note,
            (Some(Overlay::Bookmarks { .. }), _) => Section::Bookmarks,
            (Some(Overlay::Palette(_)), _) => Section::Palette,
            (Some(Overlay::Find { .. }), _) => Section::Find,
            (Some(Overlay::Card { .. }), _) => Section::Card,
            (Some(Overlay::Entities { .. }), _) => Section::Entities,
            (Some(Overlay::Group { .. }), _) => Section::Group,
            (Some(Overlay::Timeline { .. }), _) => Section::Timeline,
            (Some(Overlay::Sources(_)), _) => Section::Sources,
            (Some(Overlay::Server(view)), _) => match view.rows {
                remote::ServerRows::Search { .. } => Section::Palette,
                remote::ServerRows::Entities(_) => Section::Entities,
                remote::ServerRows::Sources(_) => Section::Sources,
            },
            (None, Pane::List) => Section::List,
            (None, Pane::Reader) => Section::Reader,
            (None, Pane::Claims) => Section::Claims,
        }
    }

    /// Text width of the reading pane: inside the border, one cell of padding each side, and at
    /// most 100 columns for a comfortable measure.
    pub fn reader_text_width(&self) -> u16 {
        let g = self.geometry();
        let w = g
            .rect(Pane::Reader)
            .or_else(|| g.panes.first().map(|(_, r)| *r))
            .map_or(0, |r| r.width);
        w.saturating_sub(4).clamp(8, 100)
    }

    /// Number of text rows in the reading pane.
    pub fn reader_height(&self) -> usize {
        let g = self.geometry();
        g.rect(Pane::Reader)
            .or_else(|| g.panes.first().map(|(_, r)| *r))
            .map_or(1, |r| usize::from(r.inner().height).max(1))
    }

    /// Reading position as a percentage: 100 when the end of the article is on screen.
    pub fn reader_percent(&self) -> u16 {
        let total = self.reader.layout.len();
        let height = self.reader_height();
        if total <= height {
            return 100;
        }
        let max_top = total - height;
        (self.reader.top.min(max_top) * 100 / max_top) as u16
    }

    /// Lays out the open article again, keeping the text at the top of the pane on top.
    fn relayout(&mut self, keep_position: bool) {
        let width = self.reader_text_width();
        let Some(entry) = self.corpus.get(self.open_index()) else {
            self.reader = ReaderState::default();
            return;
        };
        if keep_position && self.reader.layout.width == width && !self.reader.layout.is_empty() {
            return;
        }
        // A first layout (or another article) starts at the remembered reading position.
        let keep_position = keep_position && !self.reader.layout.is_empty();
        let anchor = keep_position.then(|| self.reader.layout.offset_at_line(self.reader.top));
        let mut layout = LazyLayout::new(&entry.article, width, &self.hyph);
        let first_offset = layout.offset_at_line(0);
        // The top line is set below, once the lines it shows are wrapped.
        let mut line_of = |offset: usize| layout.reveal(offset, &mut 0, &entry.article, &self.hyph);
        let top = match anchor {
            Some(offset) if self.reader.top > 0 => line_of(offset),
            Some(_) => 0,
            None => self
                .saved
                .positions
                .get(crate::store::position_key(&entry.article))
                // The top of the article (its title) is saved as the first line's offset,
                // which would otherwise reopen one line lower, below the title.
                .map_or(0, |&o| if o <= first_offset { 0 } else { line_of(o) }),
        };
        if keep_position {
            self.reader.layout = layout;
            self.reader.top = top;
        } else {
            let (entities, claims) = self.mark_layers();
            let sentences = sentence_spans(&entry.article);
            let styles = crate::highlight::style_layer(&entry.article.styles);
            self.reader = ReaderState {
                layout,
                top,
                entities,
                claims,
                styles,
                sentences,
                ..ReaderState::default()
            };
            self.place_bookmarks();
            self.refresh_claims();
        }
        self.clamp_reader();
    }

    /// Queues an effect for the runner: the one way effects leave the state ([`AppState::handle`]
    /// returns them in the order they were queued).
    pub(crate) fn emit(&mut self, effect: Effect) {
        self.outbox.push(effect);
    }

    /// Runs the background jobs among `effects` here and now, handing their answers back.
    #[cfg(test)]
    pub(crate) fn run_jobs_now(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if let Effect::Background(job) = effect {
                for input in job.answers() {
                    queue.extend(self.handle(input));
                }
            }
        }
    }

    /// Brings the derived lists up to date and takes the queued effects: the end of every
    /// input.
    pub(crate) fn take_effects(&mut self) -> Vec<Effect> {
        self.fill_reader();
        self.sync_derived();
        std::mem::take(&mut self.outbox)
    }

    /// Entity and claim marks of the open article under the current toggles.
    fn mark_layers(&self) -> (MarkLayer, MarkLayer) {
        let Some(entry) = self.corpus.get(self.open_index()) else {
            return (MarkLayer::default(), MarkLayer::default());
        };
        let entities = entry
            .analysis
            .mentions
            .iter()
            .filter(|m| self.highlights.shows(m.kind))
            .map(|m| (m.span, Mark::Entity(m.kind)))
            .collect();
        let claims = if self.highlights.claims {
            entry
                .analysis
                .claims
                .iter()
                .map(|c| (c.span, Mark::Claim))
                .collect()
        } else {
            Vec::new()
        };
        (MarkLayer::new(entities), MarkLayer::new(claims))
    }

    /// Rebuilds the marks after a toggle or a search.
    pub(crate) fn refresh_marks(&mut self) {
        self.refresh_claims();
        let (entities, claims) = self.mark_layers();
        self.reader.entities = entities;
        self.reader.claims = claims;
        self.reader.matches = MarkLayer::new(
            self.search
                .iter()
                .flat_map(|s| s.matches.iter().map(|m| (*m, Mark::Match)))
                .collect(),
        );
    }

    fn clamp_reader(&mut self) {
        self.fill_reader();
        let max_top = self
            .reader
            .layout
            .len()
            .saturating_sub(self.reader_height());
        self.reader.top = self.reader.top.min(max_top);
    }

    /// Wraps the lines of the open article around the reading pane's view, keeping the top line
    /// on its text (a long article is laid out only there).
    pub(crate) fn fill_reader(&mut self) {
        let height = self.reader_height();
        let Some(entry) = self.corpus.get(self.open_index()) else {
            return;
        };
        self.reader
            .layout
            .fill(&mut self.reader.top, height, &entry.article, &self.hyph);
    }

    /// The first line of the reading pane that shows `offset` or the text after it, exactly: the
    /// lines there are wrapped first when the article is laid out lazily.
    pub(crate) fn reader_line_at(&mut self, offset: usize) -> usize {
        let Some(entry) = self.corpus.get(self.open_index()) else {
            return 0;
        };
        self.reader
            .layout
            .reveal(offset, &mut self.reader.top, &entry.article, &self.hyph)
    }

    /// Text width inside the list pane, after the selection glyph.
    pub fn list_text_width(&self) -> usize {
        let g = self.geometry();
        g.rect(Pane::List)
            .or_else(|| g.panes.first().map(|(_, r)| *r))
            .map_or(20, |r| {
                usize::from(r.inner().width).saturating_sub(2).max(8)
            })
    }

    /// The hyphenation dictionaries the reader lays text out with.
    pub fn hyphenators(&self) -> &Hyphenators {
        &self.hyph
    }

    /// The title of article `index` wrapped for the list pane. The selected
    /// article's title is shown whole while the pane has room for it; the others take at most
    /// three lines, shortened at a word with "…".
    pub fn list_title_lines(&self, index: usize) -> Vec<String> {
        if self.remote.is_some() {
            // Rows of the server's list have one height, so that paging needs no titles.
            let width = self.list_text_width();
            return self.remote_row(index).map_or_else(Vec::new, |row| {
                let lines = crate::reflow::wrap_at_words(&row.title, width);
                crate::reflow::shorten_lines(lines, width, remote::TITLE_LINES)
            });
        }
        let Some(entry) = self.corpus.get(index) else {
            return Vec::new();
        };
        let width = self.list_text_width();
        // Titles break at spaces and the writer's hyphens, not inside words.
        let lines = crate::reflow::wrap_at_words(&entry.article.title, width);
        let max = if index == self.list.selected {
            // Room for the byline and the counts below it.
            self.pane_rows(Pane::List)
                .saturating_sub(2)
                .max(LIST_TITLE_LINES)
        } else {
            LIST_TITLE_LINES
        };
        crate::reflow::shorten_lines(lines, width, max)
    }

    /// Rows article `index` takes in the list: its title lines, the byline and the counts.
    pub fn list_item_height(&self, index: usize) -> usize {
        if self.remote.is_some() {
            return remote::ROW_HEIGHT;
        }
        self.list_title_lines(index).len().max(1) + 2
    }

    /// Help lines: (section title or key, action name, description), built from the keymap.
    pub fn help_lines(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for section in Section::ALL {
            let bindings = self.keys.map.bindings(section);
            if bindings.is_empty() {
                continue;
            }
            out.push((
                format!("[{}]", section.name()),
                String::new(),
                String::new(),
            ));
            let mut grouped: Vec<(Action, Vec<String>)> = Vec::new();
            for (keys, action) in bindings {
                match grouped.iter_mut().find(|(a, _)| *a == action) {
                    Some((_, k)) => k.push(keys),
                    None => grouped.push((action, vec![keys])),
                }
            }
            for (action, keys) in grouped {
                out.push((
                    keys.join(", "),
                    action.name().to_string(),
                    action.doc().to_string(),
                ));
            }
            out.push((String::new(), String::new(), String::new()));
        }
        if self.screen.in_tmux {
            out.push(("[clipboard]".into(), String::new(), String::new()));
            // A row of its own (no key), so searching the help for "clipboard" or "tmux"
            // finds it.
            out.push((
                String::new(),
                "clipboard".into(),
                crate::clipboard::TMUX_HINT.to_string(),
            ));
        }
        out
    }
}

/// Sentences of the article's body, in order: each body block split by the extractor's
/// sentence splitter (which knows abbreviations, ordinal dates and quotes).
pub fn sentence_spans(article: &Article) -> Vec<Span> {
    article
        .body
        .iter()
        .flat_map(|block| {
            crate::extract::sentence_spans(article.slice(block.span))
                .into_iter()
                .map(move |s| Span::new(block.span.start + s.start, block.span.start + s.end))
        })
        .collect()
}
