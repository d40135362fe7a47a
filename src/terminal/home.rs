//! The home screen (`course` alone on a terminal): lessons and exercises with their status,
//! a panel for a check's result or a hint, and a lesson search. This is the pure state
//! machine ([`Home::handle`]) and, in `home/layout.rs`, the screen as lines of text
//! ([`Home::lines`]), both tested without a terminal; `commands::home` reads keys, draws the lines and does what an
//! [`Action`] asks (open the pager, run a check, start the editor), as the pager and the
//! selector do.

use super::Style;

mod layout;

/// What a row stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A lesson, by its index in the course.
    Lesson(usize),
    /// An exercise, by id.
    Exercise(String),
}

/// One lesson or exercise as listed: its title and its status as a word with a style.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub item: Item,
    pub title: String,
    pub status: String,
    pub style: Style,
    /// `e` opens a file for it: an exercise with a file to fix (not a lesson, not an exercise
    /// of an environment or a history). The key line offers `e` only then (issue 9).
    pub edit: bool,
}

/// A lesson that holds the searched text: the first line that does, and how many do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub lesson: usize,
    pub title: String,
    pub line: String,
    pub count: usize,
}

/// Text shown under the list: a check's result or a hint. `lines` are logical lines,
/// wrapped to the width when drawn (so a resize re-wraps them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Detail {
    pub title: String,
    pub style: Style,
    pub lines: Vec<String>,
}

/// The words the screen shows, in the learner's language.
#[derive(Clone, Debug, Default)]
pub struct Labels {
    /// The course's title, left out when the screen is too narrow for it and `progress`.
    pub title: String,
    pub progress: String,
    pub lessons: String,
    pub exercises: String,
    /// The key help on the bottom line.
    pub keys: String,
    /// The same without `e`, on an exercise with no file to open.
    pub keys_no_edit: String,
    /// The key help while search results are shown.
    pub hit_keys: String,
    /// The keys that scroll the panel, shown in it when its text does not fit
    /// (`d/u scroll`).
    pub panel_keys: String,
    /// The note when `c`, `h` or `e` is pressed on a lesson.
    pub no_exercise: String,
    pub ascii: bool,
    /// Colour is on: code spans in the panel are painted, their backticks dropped.
    pub color: bool,
}

/// What the caller should do after a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Nothing,
    Redraw,
    Quit,
    /// Ctrl-C: quit as an interrupt (exit code 130).
    Interrupt,
    /// Enter: a lesson in the pager, or an exercise's prompt.
    Open(Item),
    Check(String),
    Hint(String),
    Edit(String),
    /// Search every lesson for this text.
    Search(String),
    /// Enter on a search result: the lesson in the pager at the first match.
    OpenHit(usize, String),
}

/// What the list shows: the course, or the lessons a search found.
#[derive(Clone, Debug, PartialEq, Eq)]
enum View {
    List,
    Hits {
        query: String,
        heading: String,
        hits: Vec<Hit>,
        selected: usize,
    },
}

/// The home screen's state.
#[derive(Clone, Debug)]
pub struct Home {
    rows: Vec<Row>,
    labels: Labels,
    selected: usize,
    /// First visible line of the list.
    top: usize,
    width: usize,
    height: usize,
    view: View,
    /// Typing a search after `/`.
    input: Option<String>,
    detail: Option<Detail>,
    /// First shown row of the panel's text, when it is longer than the panel.
    detail_top: usize,
    message: Option<String>,
}

impl Home {
    /// `start`: the row selected first (the lesson or exercise the learner is on).
    pub fn new(rows: Vec<Row>, labels: Labels, start: usize, width: u16, height: u16) -> Home {
        let mut home = Home {
            selected: start.min(rows.len().saturating_sub(1)),
            rows,
            labels,
            top: 0,
            width: 1,
            height: 1,
            view: View::List,
            input: None,
            detail: None,
            detail_top: 0,
            message: None,
        };
        home.resize(width, height);
        home
    }

    pub fn selected(&self) -> Option<&Row> {
        self.rows.get(self.selected)
    }

    /// Replace the rows (statuses changed), keeping the selection.
    pub fn set_rows(&mut self, rows: Vec<Row>) {
        self.rows = rows;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.scroll_into_view();
    }

    /// Replace the words (the title's counts changed).
    pub fn set_labels(&mut self, labels: Labels) {
        self.labels = labels;
    }

    /// Show `detail` under the list (a check's result, a hint); clears the bottom note.
    pub fn set_detail(&mut self, detail: Option<Detail>) {
        self.message = None;
        self.detail = detail;
        self.detail_top = 0;
        self.scroll_into_view();
    }

    /// A note on the bottom lines until the next key.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
        self.scroll_into_view();
    }

    /// Show the lessons a search found (`heading` says how many and what was searched).
    pub fn show_hits(&mut self, query: String, heading: String, hits: Vec<Hit>) {
        self.detail = None;
        self.top = 0;
        self.view = View::Hits {
            query,
            heading,
            hits,
            selected: 0,
        };
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.width = (width as usize).max(1);
        self.height = (height as usize).max(1);
        self.scroll_into_view();
    }

    fn move_by(&mut self, delta: isize) -> Action {
        let (len, current) = match &mut self.view {
            View::List => (self.rows.len(), &mut self.selected),
            View::Hits { hits, selected, .. } => (hits.len(), selected),
        };
        if len == 0 {
            return Action::Nothing;
        }
        let next = current.saturating_add_signed(delta).min(len - 1);
        if next == *current {
            return Action::Nothing;
        }
        *current = next;
        self.scroll_into_view();
        Action::Redraw
    }

    pub fn handle(&mut self, key: super::keys::Key) -> Action {
        use super::keys::{edit_line, Key, Typed};
        if let Key::Resize(w, h) = key {
            self.resize(w, h);
            return Action::Redraw;
        }
        if key == Key::Ctrl('c') {
            return Action::Interrupt;
        }
        if let Some(input) = &mut self.input {
            match edit_line(input, key) {
                Typed::Editing => {}
                Typed::Cancelled => self.input = None,
                Typed::Done(query) => {
                    self.input = None;
                    if !query.trim().is_empty() {
                        return Action::Search(query.trim().to_string());
                    }
                }
                Typed::Ignored => return Action::Nothing,
            }
            return Action::Redraw;
        }
        let had_message = self.message.take().is_some();
        let page = self.split().1.saturating_sub(1).max(1) as isize;
        let action = match key {
            Key::Up | Key::Char('k') | Key::Ctrl('p') => self.move_by(-1),
            Key::Down | Key::Char('j') | Key::Ctrl('n') => self.move_by(1),
            Key::PageUp | Key::Ctrl('b') => self.move_by(-page),
            Key::PageDown | Key::Ctrl('f') | Key::Char(' ') => self.move_by(page),
            Key::Home | Key::Char('g') => self.move_by(isize::MIN / 2),
            Key::End | Key::Char('G') => self.move_by(isize::MAX / 2),
            Key::Char('/') => {
                self.input = Some(String::new());
                Action::Redraw
            }
            Key::Char('q') | Key::Esc => self.back(),
            Key::Enter => self.enter(),
            Key::Char(c @ ('c' | 'h' | 'e')) => self.on_exercise(c),
            Key::Char('d') => self.scroll_detail(1),
            Key::Char('u') => self.scroll_detail(-1),
            _ => Action::Nothing,
        };
        match action {
            Action::Nothing if had_message => Action::Redraw,
            other => other,
        }
    }

    /// `q` or Esc: out of the search results, else close the panel, else quit.
    fn back(&mut self) -> Action {
        if self.view != View::List {
            self.view = View::List;
            self.top = 0;
            self.scroll_into_view();
            return Action::Redraw;
        }
        if self.detail.take().is_some() {
            return Action::Redraw;
        }
        Action::Quit
    }

    fn enter(&mut self) -> Action {
        match &self.view {
            View::Hits {
                hits,
                selected,
                query,
                ..
            } => hits.get(*selected).map_or(Action::Nothing, |h| {
                Action::OpenHit(h.lesson, query.clone())
            }),
            View::List => self
                .selected()
                .map_or(Action::Nothing, |r| Action::Open(r.item.clone())),
        }
    }

    /// `c`, `h` and `e` act on the selected exercise; on a lesson they say so.
    fn on_exercise(&mut self, key: char) -> Action {
        let id = match (&self.view, self.selected().map(|r| &r.item)) {
            (View::List, Some(Item::Exercise(id))) => id.clone(),
            _ => {
                self.set_message(self.labels.no_exercise.clone());
                return Action::Redraw;
            }
        };
        match key {
            'c' => Action::Check(id),
            'h' => Action::Hint(id),
            _ => Action::Edit(id),
        }
    }
}

#[cfg(test)]
#[path = "home_tests.rs"]
mod tests;
