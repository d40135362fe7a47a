//! Progress on stderr: a spinner for a slow check step and a bar for a grading batch. Only
//! this layer draws; checks and grading receive a [`Progress`] or a callback.

use std::io::IsTerminal;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Term;
use crate::checks::Progress;

/// A spinner with the step's description and the time spent, on stderr.
#[derive(Default)]
pub struct Spinner {
    bar: Mutex<Option<ProgressBar>>,
}

impl Spinner {
    /// A spinner when stderr is a terminal, `None` otherwise (a log must not fill with
    /// redraws) and in accessible mode (a screen reader would read every redraw).
    pub fn on_stderr(term: &Term) -> Option<Box<dyn Progress>> {
        (std::io::stderr().is_terminal() && !term.accessible.is_on())
            .then(|| Box::new(Spinner::default()) as Box<dyn Progress>)
    }
}

impl Progress for Spinner {
    fn start(&self, what: &str) {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
            bar.set_style(style.tick_strings(&["-", "\\", "|", "/", ""]));
        }
        bar.set_message(what.to_string());
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
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

/// `[=====     ] 312/1000 submissions 4s` on stderr when it is a terminal, nothing otherwise.
pub struct Counter(ProgressBar);

impl Counter {
    pub fn submissions(total: usize, term: &Term) -> Counter {
        if !std::io::stderr().is_terminal() || term.accessible.is_on() {
            return Counter(ProgressBar::hidden());
        }
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:30} {pos}/{len} submissions {elapsed}")
        {
            bar.set_style(style);
        }
        Counter(bar)
    }

    /// One more done (callable from worker threads).
    pub fn inc(&self) {
        self.0.inc(1);
    }
}

impl Drop for Counter {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}
