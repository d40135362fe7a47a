//! The home screen as rows of text: the list (or the search results), the panel and the
//! bottom line, each wrapped to the width by whole words (a Korean word is never split, a
//! title or a found line is never cut), and the scrolling that keeps the selection and its
//! section heading on screen. A panel longer than its room scrolls with the keys it lists.

use super::{Action, Detail, Home, Item, Style, View};
use crate::pager::truncate;
use crate::render::text::width as text_width;
use crate::render::wrap_plain;
use crate::terminal::{code_spans, command_lines, fit_keys, hanging, indented, pad};

/// Narrowest column a title is wrapped in; a narrower window cuts instead.
const MIN_ROOM: usize = 10;
/// A note on the bottom takes at most this many rows.
const NOTE_ROWS: usize = 3;

/// One entry of the list as the rows it takes on screen.
struct Block {
    rows: Vec<String>,
    selected: bool,
    /// A section heading (shown with the first row under it).
    heading: bool,
}

impl Block {
    fn heading(rows: Vec<String>) -> Block {
        Block {
            rows,
            selected: false,
            heading: true,
        }
    }
}

/// Row counts do not depend on colour: layout decisions use unpainted text.
fn unpainted(_: Style, text: &str) -> String {
    text.to_string()
}

/// The keys (`↑↓ move · Enter open · q quit`) on one row, or two when one is too narrow for
/// all of them (items stay whole); a window too narrow for two rows loses keys from the
/// middle, never `q` at the end (issue 9).
fn key_rows(keys: &str, width: usize) -> Vec<String> {
    let mut items: Vec<&str> = keys.split(" · ").collect();
    loop {
        let mut rows: Vec<String> = Vec::new();
        for item in &items {
            match rows.last_mut() {
                Some(row) if text_width(row) + 3 + text_width(item) <= width => {
                    row.push_str(" · ");
                    row.push_str(item);
                }
                _ => rows.push(item.to_string()),
            }
        }
        let fits = rows.iter().all(|r| text_width(r) <= width);
        if fits && rows.len() <= 2 {
            return rows;
        }
        if items.len() <= 2 {
            return vec![fit_keys(keys, width)];
        }
        items.remove(items.len() - 2);
    }
}

/// A line of a fix deeper than this (the fix's own text is under its `→`, 4 columns in)
/// is an example to copy: code as a whole.
const EXAMPLE_LEAD: usize = 4;

type Paint<'a> = &'a dyn Fn(Style, &str) -> String;

impl Home {
    /// Rows for the detail panel (its separator included) and for the list.
    pub(super) fn split(&self) -> (usize, usize) {
        let bottom = self.bottom_rows(&unpainted).len();
        let body = self.height.saturating_sub(1 + bottom); // title line and bottom lines
        let detail = match &self.detail {
            Some(d) => (self.detail_rows(d).len() + 1).min(body / 2),
            None => 0,
        };
        (detail, body - detail)
    }

    /// Scroll the list so the selected entry is on screen whole, with its section's
    /// heading when it is the first under it.
    pub(super) fn scroll_into_view(&mut self) {
        let room = self.split().1.max(1);
        let blocks = self.blocks(&unpainted);
        let Some(k) = blocks.iter().position(|b| b.selected) else {
            return;
        };
        let start: usize = blocks[..k].iter().map(|b| b.rows.len()).sum();
        let end = start + blocks[k].rows.len();
        let prefix = match k.checked_sub(1).map(|p| &blocks[p]) {
            Some(b) if b.heading => b.rows.len(),
            _ => 0,
        };
        if start < self.top + prefix {
            self.top = start - prefix;
        } else if end > self.top + room {
            self.top = (end - room).min(start);
        }
    }

    /// `d` and `u`: the panel's text a page down or up, when it is longer than the panel.
    pub(super) fn scroll_detail(&mut self, direction: isize) -> Action {
        let Some(d) = &self.detail else {
            return Action::Nothing;
        };
        let total = self.detail_rows(d).len();
        let shown = self.split().0.saturating_sub(2); // the rule and the keys row
        if total <= shown + 1 || shown == 0 {
            return Action::Nothing;
        }
        let step = shown.saturating_sub(1).max(1) as isize;
        let last = total - shown;
        let top = self
            .detail_top
            .saturating_add_signed(step * direction)
            .min(last);
        if top == self.detail_top {
            return Action::Nothing;
        }
        self.detail_top = top;
        Action::Redraw
    }

    /// The list's entries (or the search results) as rows at the current width.
    fn blocks(&self, paint: Paint) -> Vec<Block> {
        let width = self.width;
        match &self.view {
            View::List => {
                let mut out = Vec::new();
                let has_lessons = self.rows.iter().any(|r| matches!(r.item, Item::Lesson(_)));
                if has_lessons {
                    out.push(Block::heading(self.heading(&self.labels.lessons, paint)));
                }
                let first_exercise = self
                    .rows
                    .iter()
                    .position(|r| matches!(r.item, Item::Exercise(_)));
                for i in 0..self.rows.len() {
                    if Some(i) == first_exercise {
                        if has_lessons {
                            out.push(Block {
                                rows: vec![String::new()],
                                selected: false,
                                heading: false,
                            });
                        }
                        out.push(Block::heading(self.heading(&self.labels.exercises, paint)));
                    }
                    out.push(Block {
                        rows: self.row_rows(i, paint),
                        selected: i == self.selected,
                        heading: false,
                    });
                }
                out
            }
            View::Hits {
                heading,
                hits,
                selected,
                ..
            } => {
                let mut out = vec![Block::heading(self.heading(heading, paint))];
                for (i, h) in hits.iter().enumerate() {
                    let number = format!("{}. ", h.lesson + 1);
                    let text = format!("{number}{} ({}): {}", h.title, h.count, h.line.trim());
                    let chosen = i == *selected;
                    let first = if chosen { "> " } else { "  " };
                    let rest = " ".repeat(2 + number.len());
                    let rows = indented(&text, first, &rest, width)
                        .into_iter()
                        .map(|row| {
                            if chosen {
                                paint(Style::Bold, &row)
                            } else {
                                row
                            }
                        })
                        .collect();
                    out.push(Block {
                        rows,
                        selected: chosen,
                        heading: false,
                    });
                }
                out
            }
        }
    }

    fn heading(&self, text: &str, paint: Paint) -> Vec<String> {
        let rows = wrap_plain(text, self.width.max(MIN_ROOM));
        rows.iter().map(|r| paint(Style::Bold, r)).collect()
    }

    /// A lesson or exercise: the status word in its column, the title wrapped beside it.
    fn row_rows(&self, i: usize, paint: Paint) -> Vec<String> {
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
        let indent = 2 + word_width + 2;
        let room = self.width.saturating_sub(indent).max(MIN_ROOM);
        wrap_plain(&title, room)
            .iter()
            .enumerate()
            .map(|(k, part)| {
                let part = if selected {
                    paint(Style::Bold, part)
                } else {
                    part.clone()
                };
                match (k, selected) {
                    (0, true) => format!("> {status}  {part}"),
                    (0, false) => format!("  {status}  {part}"),
                    _ => format!("{}{part}", " ".repeat(indent)),
                }
            })
            .collect()
    }

    /// The panel's text: its title, then each line wrapped by the rules every message
    /// follows: prose flush under its first line, a list item or a fix (`→`) under the text
    /// after its marker, an indented command whole or broken the shell's way (` \`).
    fn detail_rows(&self, d: &Detail) -> Vec<String> {
        self.marked_detail_rows(d)
            .into_iter()
            .map(|(row, _)| row)
            .collect()
    }

    /// [`Home::detail_rows`], each row marked when it is code as a whole: a command, or an
    /// example indented under a fix (deeper than the fix's own text), as `course check`
    /// paints them.
    fn marked_detail_rows(&self, d: &Detail) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = wrap_plain(&d.title, self.width.max(MIN_ROOM))
            .into_iter()
            .map(|row| (row, false))
            .collect();
        for line in &d.lines {
            let text = line.trim_start();
            let lead = &line[..line.len() - text.len()];
            let command = (!lead.is_empty())
                .then(|| command_lines(text, lead, self.width))
                .flatten();
            match command {
                Some(rows) => out.extend(rows.into_iter().map(|row| (row, true))),
                None => {
                    let rest = " ".repeat(hanging(line));
                    let example = lead.len() > EXAMPLE_LEAD;
                    out.extend(
                        indented(text, lead, &rest, self.width)
                            .into_iter()
                            .map(|row| (row, example)),
                    );
                }
            }
        }
        out
    }

    /// The panel's rows painted: the title in the verdict's style, code rows as code, and in
    /// the rest each code span as code with its backticks gone when there is colour (as
    /// `course check` shows them; a span broken over two rows is painted on both).
    fn painted_detail_rows(&self, d: &Detail, paint: Paint) -> Vec<String> {
        let rows = self.marked_detail_rows(d);
        let title_rows = wrap_plain(&d.title, self.width.max(MIN_ROOM)).len();
        let mut out = Vec::with_capacity(rows.len());
        let mut prose: Vec<&str> = Vec::new();
        let flush = |prose: &mut Vec<&str>, out: &mut Vec<String>| {
            if !prose.is_empty() {
                let joined = code_spans(&prose.join("\n"), self.labels.color, None);
                out.extend(joined.split('\n').map(String::from));
                prose.clear();
            }
        };
        for (i, (row, code)) in rows.iter().enumerate() {
            if i < title_rows || *code {
                flush(&mut prose, &mut out);
                let style = if i < title_rows { d.style } else { Style::Code };
                out.push(paint(style, row));
            } else {
                prose.push(row);
            }
        }
        flush(&mut prose, &mut out);
        out
    }

    /// The bottom: a search being typed, a note (wrapped, a few rows at most) or the keys.
    fn bottom_rows(&self, paint: Paint) -> Vec<String> {
        let rows = if let Some(input) = &self.input {
            vec![crate::pager::typed_tail(&format!("/{input}"), self.width)]
        } else if let Some(m) = &self.message {
            let mut rows = wrap_plain(m, self.width.max(MIN_ROOM));
            rows.truncate(NOTE_ROWS);
            // Code spans as everywhere on a terminal: painted, their backticks gone (a
            // command's error said "`environment`에는 ..." with the backticks; issue 9).
            let joined = code_spans(&rows.join("\n"), self.labels.color, Some(Style::Dim));
            return joined.split('\n').map(|r| paint(Style::Dim, r)).collect();
        } else if self.view == View::List {
            // `e` is offered where it opens something, as in `course watch` (issue 9: it was
            // offered on the environment exercise, which has no file).
            let no_file = self
                .selected()
                .is_some_and(|r| matches!(r.item, Item::Exercise(_)) && !r.edit);
            let keys = if no_file {
                &self.labels.keys_no_edit
            } else {
                &self.labels.keys
            };
            key_rows(keys, self.width)
        } else {
            key_rows(&self.labels.hit_keys, self.width)
        };
        rows.iter().map(|r| paint(Style::Dim, r)).collect()
    }

    /// The whole screen, `height` lines each at most `width` columns; `paint` styles text
    /// (the caller's terminal decides whether that means colour).
    pub fn lines(&self, paint: Paint) -> Vec<String> {
        let (detail_rows, list_rows) = self.split();
        let (title, progress) = (&self.labels.title, &self.labels.progress);
        let both = format!("{title} · {progress}");
        let head = if text_width(&both) <= self.width {
            both
        } else {
            progress.clone()
        };
        let mut out = vec![paint(Style::Heading, &truncate(&head, self.width))];
        let list = self.blocks(paint).into_iter().flat_map(|b| b.rows);
        out.extend(
            list.skip(self.top)
                .take(list_rows)
                .map(|l| truncate(&l, self.width)),
        );
        while out.len() < 1 + list_rows {
            out.push(String::new());
        }
        if let Some(d) = &self.detail {
            self.panel(d, detail_rows, paint, &mut out);
            while out.len() < 1 + list_rows + detail_rows {
                out.push(String::new());
            }
        }
        out.extend(self.bottom_rows(paint));
        out.truncate(self.height);
        out
    }

    /// The panel in `rows` rows: a rule, then its text; text longer than the room shows a
    /// window of it and a last row with the position and the keys that scroll it.
    fn panel(&self, d: &Detail, rows: usize, paint: Paint, out: &mut Vec<String>) {
        if rows == 0 {
            return;
        }
        let rule = if self.labels.ascii { "-" } else { "─" };
        out.push(paint(Style::Dim, &rule.repeat(self.width)));
        let text = self.painted_detail_rows(d, paint);
        let room = rows - 1;
        let (first, shown) = if text.len() <= room {
            (0, text.len())
        } else {
            let shown = room.saturating_sub(1);
            (self.detail_top.min(text.len() - shown), shown)
        };
        for line in text.iter().skip(first).take(shown) {
            out.push(truncate(line, self.width));
        }
        if shown < text.len() && room > 0 {
            let (from, to, total) = (first + 1, first + shown, text.len());
            let keys = format!("{from}-{to}/{total} · {}", self.labels.panel_keys);
            out.push(paint(Style::Dim, &fit_keys(&keys, self.width)));
        }
    }
}
