//! `course watch`: check again whenever the learner changes the workspace (saves a file,
//! commits, installs a package, makes a folder) and show what `course next` is on, with what
//! is still wrong.
//!
//! File events come from the operating system (inotify, FSEvents, ...). They do not arrive
//! on WSL's Windows drives or network file systems, so `--poll` (or `COURSE_WATCH_POLL=1`)
//! looks every half second instead, and the screen says which mode is on. What is watched,
//! and which events count, is `watch/paths.rs`; the screen is `watch/screen.rs`, and on a
//! terminal that reads keys the report scrolls in the pager (`watch/scroll.rs`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::Watcher;

use crate::app::App;
use crate::cli::WatchArgs;
use crate::exit::Code;
use crate::grading::ExerciseResult;
use crate::pager::Action;
use crate::terminal::keys::{key_of, Key, Raw};
use crate::terminal::{print, Term};

mod paths;
mod screen;
mod scroll;

use paths::{classify, Change, Watched};
use screen::{focus, parts, screen, View};
use scroll::{Because, Scroll};

/// Changes closer together than this are one save (editors write several files).
const SETTLE: Duration = Duration::from_millis(250);
const POLL_EVERY: Duration = Duration::from_millis(500);

pub fn run(app: &mut App, args: &WatchArgs) -> Result<Code> {
    let root = app.require_workspace()?.root.clone();
    // On a terminal the watch also reads keys (the report scrolls as in the pager, `e` opens
    // the file to fix, `q` or Ctrl-C stops), in raw mode: the guard restores the terminal on
    // every way out.
    let keys = app.term.interactive() && std::io::stdin().is_terminal();
    if keys {
        // The same line end when a signal ends the watch (Ctrl-C while the editor `e` opened
        // had the terminal out of raw mode, or as it closed): the shell's prompt was glued to
        // the status line. `\r\n`: a new line in raw mode too (the cleanups run in the order
        // registered, and raw mode's restore registers later).
        crate::process::on_interrupt(|| {
            let _ = print("\r\n");
        });
    }
    let ended = watch(app, args, &root, keys);
    if keys {
        // The status line, the last row, has no line end: the shell's prompt (or an error)
        // starts on a line of its own.
        print("\n")?;
    }
    ended
}

/// Check and show, again on every change, until the watcher is gone or the learner stops it.
fn watch(app: &mut App, args: &WatchArgs, root: &Path, keys: bool) -> Result<Code> {
    let root = root.to_path_buf();
    let (tx, rx) = mpsc::channel::<Change>();
    let (mut watcher, polling) = make_watcher(tx, &root, args.poll)?;
    let mut watched = Watched::default();
    let mut raw = keys.then(|| Raw::enter(false)).transpose()?;
    let mut view = View {
        polling,
        keys,
        rows: rows(&app.term),
    };
    let mut scroll = keys.then(|| Scroll::new(app.lang));
    if keys {
        // Clear once (a terminal keeps what was there in its scrollback); every frame after
        // is drawn over the last one.
        print("\x1b[2J")?;
    }
    loop {
        // Folders, a repository or an environment made since the last check are watched
        // from now on; the check below sees whatever was written before they were.
        watched.update(watcher.as_mut(), &root);
        reload_progress(app);
        let results = app.check_exercises(&[])?;
        // The screen for these results (a progress change or a resize shows them again).
        let draw = |app: &App, view: &View, scroll: &mut Option<Scroll>, because| {
            display(app, &root, view, &results, scroll.as_mut(), because)
        };
        draw(app, &view, &mut scroll, Because::Checked)?;
        // Wait for a change; meanwhile a resized window gets the same screen laid out again
        // (a terminal does not re-wrap lines already printed, so they would be cut or split).
        loop {
            match wait(&rx, raw.is_some())? {
                Wake::Changed(Change::Files) => break,
                Wake::Changed(Change::Progress) => {
                    // `course skip` or `course next` elsewhere: the same results, another
                    // step or other words.
                    if reload_progress(app) {
                        draw(app, &view, &mut scroll, Because::Checked)?;
                    }
                }
                Wake::Stop => return Ok(Code::Ok),
                Wake::Key(key) => {
                    let Some(scroll) = &mut scroll else { continue };
                    match scroll.key(key) {
                        Action::Quit => return Ok(Code::Ok),
                        Action::Interrupt => return Ok(Code::Interrupted),
                        Action::Redraw => print(&scroll.frame())?,
                        Action::Host(_) => {
                            // `e`: the editor takes the terminal; raw mode comes back after it.
                            drop(raw.take());
                            let failed = edit_focus(app, &root, &results);
                            raw = Some(Raw::enter(false)?);
                            if let Some(error) = failed {
                                let error = crate::render::text::sanitize(&error);
                                scroll.note(&app.term.code(&error));
                            }
                            print(&scroll.frame())?;
                        }
                        Action::Nothing => {}
                    }
                }
                Wake::Tick => {}
            }
            if let Some((width, height)) = resized(&app.term, view.rows) {
                app.term.width = width;
                view.rows = height;
                draw(app, &view, &mut scroll, Because::Resized)?;
            }
        }
        while rx.recv_timeout(SETTLE).is_ok() {}
    }
}

/// Draw the screen for `results`: in the scrolling view when keys are read, else whole (cut
/// to the window's height on a terminal).
fn display(
    app: &App,
    root: &Path,
    view: &View,
    results: &[ExerciseResult],
    scroll: Option<&mut Scroll>,
    because: Because,
) -> std::io::Result<()> {
    match scroll {
        Some(scroll) => {
            let rows = view.rows.unwrap_or(24);
            scroll.show(
                parts(app, root, view, results),
                app.term.width,
                rows,
                because,
            );
            print(&scroll.frame())
        }
        None => print(&screen(app, root, view, results)),
    }
}

/// Read the progress file again (another terminal ran `course skip`, `next` or `lesson`);
/// whether it changed. A file caught half-written or damaged keeps the progress as it was.
fn reload_progress(app: &mut App) -> bool {
    let Some(Ok(state)) = app.workspace.as_ref().map(|ws| ws.load_state()) else {
        return false;
    };
    if state == app.state {
        return false;
    }
    app.state = state;
    true
}

/// The window's height when the screen is redrawn in place (interactive), else none.
fn rows(term: &Term) -> Option<usize> {
    if !term.interactive() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(_, h)| usize::from(h))
        .filter(|h| *h >= 3)
}

/// What ended a wait.
enum Wake {
    Changed(Change),
    /// The watcher is gone.
    Stop,
    /// A key (raw mode), Ctrl-C included; a resize is seen by its size ([`resized`]).
    Key(Key),
    /// Nothing yet.
    Tick,
}

/// Wait up to [`SETTLE`] for a change, or (with `keys`) a key press.
fn wait(rx: &mpsc::Receiver<Change>, keys: bool) -> Result<Wake> {
    if !keys {
        return Ok(match rx.recv_timeout(SETTLE) {
            Ok(change) => Wake::Changed(change),
            Err(mpsc::RecvTimeoutError::Disconnected) => Wake::Stop,
            Err(mpsc::RecvTimeoutError::Timeout) => Wake::Tick,
        });
    }
    if crossterm::event::poll(SETTLE)? {
        return Ok(match key_of(&crossterm::event::read()?) {
            Some(Key::Resize(..)) | None => Wake::Tick,
            Some(key) => Wake::Key(key),
        });
    }
    Ok(match rx.try_recv() {
        Ok(change) => Wake::Changed(change),
        Err(mpsc::TryRecvError::Disconnected) => Wake::Stop,
        Err(mpsc::TryRecvError::Empty) => Wake::Tick,
    })
}

/// `e`: the file of the exercise on screen, in the editor (as `course edit`); what went wrong
/// (no editor found, one that failed), to be said in the status area, and the watch goes on.
/// Printed below the status line it scrolled the heading off, and the next frame erased it.
fn edit_focus(app: &mut App, root: &Path, results: &[ExerciseResult]) -> Option<String> {
    let id = focus(app, results).map(|r| r.id.clone())?;
    let Some((file, line)) = super::edit::file_of(app, &id, results) else {
        return Some(screen::no_file_here(app, &id));
    };
    super::edit::open(app, root, &file, line)
        .err()
        .map(|e| format!("{e:#}"))
}

/// The terminal's new size when it differs from the one the screen was laid out for (and
/// the width is the terminal's to choose, not `--width`). Accessible mode never redraws.
fn resized(term: &Term, rows: Option<usize>) -> Option<(usize, Option<usize>)> {
    if !term.interactive() {
        return None;
    }
    let (w, h) = crossterm::terminal::size().ok()?;
    let (w, h) = (usize::from(w), Some(usize::from(h)).filter(|h| *h >= 3));
    let width = if term.fixed_width || w < 20 {
        term.width
    } else {
        w
    };
    (width != term.width || h != rows).then_some((width, h))
}

/// An OS watcher, or a polling one when asked for or when the OS one cannot start. Events
/// are sent as what they mean ([`classify`]); those that mean nothing are dropped here.
fn make_watcher(
    tx: mpsc::Sender<Change>,
    root: &Path,
    poll: bool,
) -> Result<(Box<dyn Watcher>, bool)> {
    let handler = |tx: mpsc::Sender<Change>, root: PathBuf| {
        move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else {
                return;
            };
            if !is_a_change(&event) {
                return;
            }
            // A file's change outranks a progress change: it is checked, and progress is
            // read before every check.
            let change = event
                .paths
                .iter()
                .filter_map(|p| classify(&root, p))
                .min_by_key(|c| *c != Change::Files);
            if let Some(change) = change {
                let _ = tx.send(change);
            }
        }
    };
    if !poll {
        if let Ok(w) = notify::recommended_watcher(handler(tx.clone(), root.to_path_buf())) {
            return Ok((Box::new(w), false));
        }
    }
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let w =
        notify::PollWatcher::new(handler(tx, root.to_path_buf()), config).with_context(|| {
            crate::exit::said(crate::tr!(
                "cannot watch the workspace",
                "작업 폴더를 지켜볼 수 없습니다"
            ))
        })?;
    Ok((Box::new(w), true))
}

/// Files written, created, removed or renamed; not files opened or read (the checks read the
/// workspace, and those events would make every check trigger the next one).
fn is_a_change(event: &notify::Event) -> bool {
    use notify::event::{EventKind, ModifyKind};
    match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}
