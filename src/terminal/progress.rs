//! Progress on stderr: a spinner for a slow check step and a bar for a grading batch. Only
//! this layer draws; checks and grading receive a [`Progress`] or a callback.
//!
//! Every line is built here for the width and in the run's language: a line wider than the
//! terminal wraps, and each redraw of the spinner then leaves a broken copy behind. A long
//! import list loses its middle (`src.model, …, src.utils`); words are never cut.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::Term;
use crate::checks::{Progress, Step};
use crate::i18n::Lang;
use crate::render::text::{char_width, width as text_width};

/// Columns kept around the message of `step`: the spinner (`- `) and the time spent after
/// it (` 1분 0초`: the step is stopped at its limit). indicatif counts a line exactly as
/// wide as the terminal as one row.
fn around(step: &Step, lang: Lang) -> usize {
    2 + 1 + text_width(&took(step.max, lang))
}

/// A spinner with the step's description and the time spent, on stderr.
pub struct Spinner {
    bar: Mutex<Option<ProgressBar>>,
    lang: Lang,
    /// The width at the start; the line follows the terminal's as it is resized, unless
    /// `--width` fixed it.
    width: usize,
    fixed: bool,
}

impl Spinner {
    /// A spinner when stderr is a terminal, `None` otherwise (a log must not fill with
    /// redraws) and in accessible mode (a screen reader would read every redraw).
    pub fn on_stderr(term: &Term, lang: Lang) -> Option<Box<dyn Progress>> {
        (std::io::stderr().is_terminal() && !term.accessible.is_on()).then(|| {
            Box::new(Spinner {
                bar: Mutex::new(None),
                lang,
                width: term.note_width(),
                fixed: term.fixed_width,
            }) as Box<dyn Progress>
        })
    }
}

impl Progress for Spinner {
    fn start(&self, step: &Step) {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {line} {took}") {
            let style = with_took(style, self.lang);
            let style = with_line(style, step.clone(), self.lang, self.width, self.fixed);
            bar.set_style(style.tick_strings(&["-", "\\", "|", "/", ""]));
        }
        bar.enable_steady_tick(Duration::from_millis(120));
        if let Ok(mut slot) = self.bar.lock() {
            *slot = Some(bar);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.lock().ok().and_then(|mut slot| slot.take()) {
            bar.finish_and_clear();
        }
    }
}

/// `style` with `{line}`: the step's line ([`step_line`]) for the terminal's width at each
/// redraw, built again only when the width changed. Built once at the start, a window
/// narrowed mid-run (60 to 30 columns) got the whole 60-column line, which the terminal
/// wrapped in the middle of a module's name, and every redraw left a piece behind (issue 9).
fn with_line(
    style: ProgressStyle,
    step: Step,
    lang: Lang,
    width: usize,
    fixed: bool,
) -> ProgressStyle {
    let built = std::sync::Arc::new(Mutex::new((width, step_line(&step, lang, width))));
    style.with_key(
        "line",
        move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
            // One ioctl on the terminal: cheap beside a redraw.
            let now = match crossterm::terminal::size() {
                Ok((columns, _)) if !fixed && columns > 0 => usize::from(columns),
                _ => width,
            };
            if let Ok(mut built) = built.lock() {
                if built.0 != now {
                    *built = (now, step_line(&step, lang, now));
                }
                let _ = w.write_str(&built.1);
            }
        },
    )
}

/// `style` with `{took}`: the time spent in `lang` (indicatif's `{elapsed}` is English).
fn with_took(style: ProgressStyle, lang: Lang) -> ProgressStyle {
    style.with_key(
        "took",
        move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = w.write_str(&took(s.elapsed(), lang));
        },
    )
}

/// Time spent, as the spinner shows it after the step: `2s`, `1m 5s` / `2초`, `1분 5초`.
pub fn took(d: Duration, lang: Lang) -> String {
    let (m, s) = (d.as_secs() / 60, d.as_secs() % 60);
    match (lang, m) {
        (Lang::Ko, 0) => format!("{s}초"),
        (Lang::Ko, _) => format!("{m}분 {s}초"),
        (_, 0) => format!("{s}s"),
        _ => format!("{m}m {s}s"),
    }
}

/// The spinner's message for `step` in `lang`, so that with the spinner and the time spent
/// the line fits in `width` columns: `.venv/bin/python (import a, b) (최대 60초)`. Too
/// wide, the import list loses modules from its middle (`…` in their place), then the list
/// goes, then the program's path loses folders from its start, then the limit goes.
pub fn step_line(step: &Step, lang: Lang, width: usize) -> String {
    let room = width.saturating_sub(around(step, lang));
    let secs = step.max.as_secs();
    let limit = match lang {
        Lang::Ko => format!(" (최대 {secs}초)"),
        _ => format!(" (max {secs} s)"),
    };
    let total: usize = step.imports.iter().map(Vec::len).sum();
    for kept in (0..=total).rev() {
        let line = format!("{} ({}){limit}", step.program, imports(step, kept));
        if text_width(&line) <= room {
            return line;
        }
    }
    let short = shorter_path(&step.program, room.saturating_sub(text_width(&limit)));
    if text_width(&short) + text_width(&limit) <= room {
        return format!("{short}{limit}");
    }
    shorter_path(&step.program, room)
}

/// `import a, b; import c` keeping `kept` modules: the first half and the last half, with
/// one `…` for each run of modules left out.
fn imports(step: &Step, kept: usize) -> String {
    let total: usize = step.imports.iter().map(Vec::len).sum();
    let (head, tail) = (kept.div_ceil(2), kept / 2);
    let shown = |i: usize| i < head || i >= total - tail;
    let mut i = 0;
    let mut parts = Vec::new();
    for modules in &step.imports {
        let mut names: Vec<&str> = Vec::new();
        for m in modules {
            if shown(i) {
                names.push(m);
            } else if names.last() != Some(&"…") {
                names.push("…");
            }
            i += 1;
        }
        parts.push(format!("import {}", names.join(", ")));
    }
    parts.join("; ")
}

/// `path` in at most `room` columns: whole folders dropped from its start (`…/bin/python`),
/// and a last part wider than that cut from its start, character by character.
fn shorter_path(path: &str, room: usize) -> String {
    if text_width(path) <= room {
        return path.to_string();
    }
    let mut rest = path;
    while let Some((_, after)) = rest.split_once('/') {
        rest = after;
        if text_width(rest) + 2 <= room {
            return format!("…/{rest}");
        }
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in rest.chars().rev() {
        used += char_width(c);
        if used > room {
            break;
        }
        kept.push(c);
    }
    if room == 0 {
        return String::new();
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// `[=====     ] 312/1000 submissions 4s` on stderr when it is a terminal, nothing otherwise.
pub struct Counter(ProgressBar);

impl Counter {
    pub fn submissions(total: usize, term: &Term, lang: Lang) -> Counter {
        if !std::io::stderr().is_terminal() || term.accessible.is_on() {
            return Counter(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template(&counter_template(total, lang, term.note_width()))
        {
            bar.set_style(with_took(style, lang));
        }
        Counter(bar)
    }

    /// One more done (callable from worker threads).
    pub fn inc(&self) {
        self.0.inc(1);
    }
}

/// The counter's template in `lang` for `width` columns: the bar (at most 30 columns) takes
/// what the count, its label and the time spent leave; with no room for a bar, none is drawn.
fn counter_template(total: usize, lang: Lang, width: usize) -> String {
    let (label, count) = match lang {
        Lang::Ko => ("제출물", "{pos}/{len}개"),
        _ => ("submissions", "{pos}/{len}"),
    };
    let digits = total.to_string().len();
    // `1000/1000개 제출물 59분 59초` and the spare column.
    let text = 2 * digits + 1 + text_width(label) + 2 + 2 + 10 + 1;
    let text_part = match lang {
        Lang::Ko => format!("{label} {count} {{took}}"),
        _ => format!("{count} {label} {{took}}"),
    };
    match width.saturating_sub(text + 1).min(30) {
        0..=4 => text_part,
        bar => format!("{{bar:{bar}}} {text_part}"),
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
