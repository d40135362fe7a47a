//! The home screen (`course` alone on a terminal): lessons and exercises with their status,
//! a panel for a check's result or a hint, and a lesson search. This is the pure state
//! machine ([`Home::handle`]) and the screen as lines of text ([`Home::lines`]), both tested
//! without a terminal; `commands::home` reads keys, draws the lines and does what an
//! [`Action`] asks (open the pager, run a check, start the editor), as the pager and the
//! selector do.

use super::{pad, Style};
use crate::pager::truncate;
use crate::render::text::width as text_width;

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
    /// The key help while search results are shown.
    pub hit_keys: String,
    /// The note when `c`, `h` or `e` is pressed on a lesson.
    pub no_exercise: String,
    pub ascii: bool,
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
        self.scroll_into_view();
    }

    /// A one-line note on the bottom line until the next key.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
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

    /// The list as lines: `None` for a heading or a blank line, else a row's index. The
    /// lessons' heading is line 0; the exercises' follows a blank line.
    fn list_lines(&self) -> Vec<Option<usize>> {
        let mut out = vec![None];
        let first_exercise = self
            .rows
            .iter()
            .position(|r| matches!(r.item, Item::Exercise(_)));
        for (i, _) in self.rows.iter().enumerate() {
            if Some(i) == first_exercise {
                out.push(None);
                out.push(None);
            }
            out.push(Some(i));
        }
        out
    }

    /// Rows for the detail panel (its separator included) and for the list.
    fn split(&self) -> (usize, usize) {
        let body = self.height.saturating_sub(2); // title line and bottom line
        let detail = match &self.detail {
            Some(d) => (self.detail_lines(d).len() + 1).min(body / 2),
            None => 0,
        };
        (detail, body - detail)
    }

    fn scroll_into_view(&mut self) {
        let (_, rows) = self.split();
        let rows = rows.max(1);
        let (line, after_heading) = match &self.view {
            View::List => {
                let lines = self.list_lines();
                let line = lines
                    .iter()
                    .position(|l| *l == Some(self.selected))
                    .unwrap_or(0);
                (line, line > 0 && lines[line - 1].is_none())
            }
            View::Hits { selected, .. } => (selected + 1, *selected == 0),
        };
        if line < self.top || (after_heading && line == self.top) {
            // Moving up to the first row of a section shows its heading too.
            self.top = line - usize::from(after_heading);
        } else if line >= self.top + rows {
            self.top = line + 1 - rows;
        }
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
                self.message = Some(self.labels.no_exercise.clone());
                return Action::Redraw;
            }
        };
        match key {
            'c' => Action::Check(id),
            'h' => Action::Hint(id),
            _ => Action::Edit(id),
        }
    }

    fn detail_lines(&self, d: &Detail) -> Vec<String> {
        let mut out = vec![d.title.clone()];
        for line in &d.lines {
            let lead: String = line.chars().take_while(|c| *c == ' ').collect();
            let rest = format!("{lead}  ");
            out.extend(super::indented(line.trim_start(), &lead, &rest, self.width));
        }
        out
    }

    /// The whole screen, `height` lines each at most `width` columns; `paint` styles text
    /// (the caller's terminal decides whether that means colour).
    pub fn lines(&self, paint: &dyn Fn(Style, &str) -> String) -> Vec<String> {
        let (detail_rows, list_rows) = self.split();
        let (title, progress) = (&self.labels.title, &self.labels.progress);
        let both = format!("{title} · {progress}");
        let head = if text_width(&both) <= self.width {
            both
        } else {
            progress.clone()
        };
        let mut out = vec![paint(Style::Heading, &truncate(&head, self.width))];
        let list: Vec<String> = match &self.view {
            View::List => self
                .list_lines()
                .iter()
                .enumerate()
                .map(|(n, line)| self.list_line(n, *line, paint))
                .collect(),
            View::Hits {
                heading,
                hits,
                selected,
                ..
            } => {
                let mut lines = vec![paint(Style::Bold, heading)];
                for (i, h) in hits.iter().enumerate() {
                    let text = format!(
                        "{}. {} ({}): {}",
                        h.lesson + 1,
                        h.title,
                        h.count,
                        h.line.trim()
                    );
                    lines.push(self.selectable(i == *selected, &text, paint));
                }
                lines
            }
        };
        out.extend(
            list.into_iter()
                .skip(self.top)
                .take(list_rows)
                .map(|l| truncate(&l, self.width)),
        );
        while out.len() < 1 + list_rows {
            out.push(String::new());
        }
        if let Some(d) = &self.detail {
            let rule = if self.labels.ascii { "-" } else { "─" };
            out.push(paint(Style::Dim, &rule.repeat(self.width)));
            let lines = self.detail_lines(d);
            let room = detail_rows.saturating_sub(1);
            let cut = lines.len() > room;
            for (i, line) in lines.iter().take(room).enumerate() {
                let shown = if cut && i + 1 == room {
                    format!("… (+{})", lines.len() - room + 1)
                } else {
                    line.clone()
                };
                let style = if i == 0 { d.style } else { Style::Code };
                out.push(truncate(&paint(style, &shown), self.width));
            }
            while out.len() < 1 + list_rows + detail_rows {
                out.push(String::new());
            }
        }
        out.push(self.bottom_line(paint));
        out.truncate(self.height);
        out
    }

    fn list_line(
        &self,
        n: usize,
        line: Option<usize>,
        paint: &dyn Fn(Style, &str) -> String,
    ) -> String {
        let Some(i) = line else {
            let first_exercise = self
                .list_lines()
                .iter()
                .position(|l| l.is_some_and(|i| matches!(self.rows[i].item, Item::Exercise(_))));
            return match n {
                0 if matches!(self.rows.first().map(|r| &r.item), Some(Item::Lesson(_))) => {
                    paint(Style::Bold, &self.labels.lessons)
                }
                n if Some(n + 1) == first_exercise => paint(Style::Bold, &self.labels.exercises),
                _ => String::new(),
            };
        };
        let row = &self.rows[i];
        let word_width = self
            .rows
            .iter()
            .map(|r| text_width(&r.status))
            .max()
            .unwrap_or(0);
        let status = paint(row.style, &pad(&row.status, word_width));
        let title = match &row.item {
            Item::Lesson(k) => format!("{}. {}", k + 1, row.title),
            Item::Exercise(id) => format!("{} ({id})", row.title),
        };
        let selected = i == self.selected && self.view == View::List;
        if selected {
            format!("> {status}  {}", paint(Style::Bold, &title))
        } else {
            format!("  {status}  {title}")
        }
    }

    fn selectable(
        &self,
        selected: bool,
        text: &str,
        paint: &dyn Fn(Style, &str) -> String,
    ) -> String {
        if selected {
            paint(Style::Bold, &format!("> {text}"))
        } else {
            format!("  {text}")
        }
    }

    fn bottom_line(&self, paint: &dyn Fn(Style, &str) -> String) -> String {
        let text = if let Some(input) = &self.input {
            truncate(&format!("/{input}"), self.width)
        } else if let Some(m) = &self.message {
            truncate(m, self.width)
        } else if self.view == View::List {
            // Narrow windows lose keys from the middle, never `q` at the end (issue 9).
            crate::terminal::fit_keys(&self.labels.keys, self.width)
        } else {
            crate::terminal::fit_keys(&self.labels.hit_keys, self.width)
        };
        paint(Style::Dim, &text)
    }
}

#[cfg(test)]
#[path = "home_tests.rs"]
mod tests;
