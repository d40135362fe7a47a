//! `course watch`: check again every time the learner saves a file, and show the exercise
//! they are on with what is still wrong.
//!
//! File events come from the operating system (inotify, FSEvents, ...). They do not arrive
//! on WSL's Windows drives or network file systems, so `--poll` (or `COURSE_WATCH_POLL=1`)
//! looks every half second instead, and the screen says which mode is on. Only the
//! learner's own folders are watched: not `.git`, `.course`, virtual environments or data.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::{RecursiveMode, Watcher};

use crate::app::App;
use crate::checks::Status;
use crate::cli::WatchArgs;
use crate::exit::Code;
use crate::grading::{exercise_order, next_step, ExerciseResult, Step};
use crate::report::{text, Report};
use crate::terminal::keys::{key_of, Key, Raw};
use crate::terminal::{fit, print, Style, Term};
use crate::tr;

/// Changes closer together than this are one save (editors write several files).
const SETTLE: Duration = Duration::from_millis(250);
const POLL_EVERY: Duration = Duration::from_millis(500);

pub fn run(app: &mut App, args: &WatchArgs) -> Result<Code> {
    let root = app.require_workspace()?.root.clone();
    let (tx, rx) = mpsc::channel::<()>();
    let (mut watcher, polling) = make_watcher(tx, args.poll)?;
    for (path, mode) in watched(&root) {
        // A folder that vanished in between is no reason to stop watching the rest.
        let _ = watcher.watch(&path, mode);
    }
    // On a terminal the watch also reads keys (`e` opens the file to fix, `q` or Ctrl-C
    // stops), in raw mode: the guard restores the terminal on every way out.
    let keys = app.term.interactive() && std::io::stdin().is_terminal();
    let mut raw = keys.then(|| Raw::enter(false)).transpose()?;
    loop {
        let results = app.check_exercises(&[])?;
        show(&screen(app, &root, polling, &results), raw.is_some())?;
        // Wait for a save; meanwhile a resized window gets the same screen laid out again
        // (a terminal does not re-wrap lines already printed, so they would be cut or split).
        loop {
            match wait(&rx, raw.is_some())? {
                Wake::Saved => break,
                Wake::Stop => return Ok(Code::Ok),
                Wake::Interrupt => return Ok(Code::Interrupted),
                Wake::Edit => {
                    // The editor takes the terminal; raw mode comes back after it.
                    drop(raw.take());
                    edit_focus(app, &root, &results);
                    raw = Some(Raw::enter(false)?);
                    show(&screen(app, &root, polling, &results), true)?;
                }
                Wake::Tick => {}
            }
            if let Some(width) = resized(&app.term) {
                app.term.width = width;
                show(&screen(app, &root, polling, &results), raw.is_some())?;
            }
        }
        while rx.recv_timeout(SETTLE).is_ok() {}
    }
}

/// What ended a wait.
enum Wake {
    Saved,
    /// The watcher is gone, or `q`.
    Stop,
    /// Ctrl-C as a key (raw mode).
    Interrupt,
    /// `e`.
    Edit,
    /// Nothing yet.
    Tick,
}

/// Wait up to [`SETTLE`] for a save, or (with `keys`) a key press.
fn wait(rx: &mpsc::Receiver<()>, keys: bool) -> Result<Wake> {
    if !keys {
        return Ok(match rx.recv_timeout(SETTLE) {
            Ok(()) => Wake::Saved,
            Err(mpsc::RecvTimeoutError::Disconnected) => Wake::Stop,
            Err(mpsc::RecvTimeoutError::Timeout) => Wake::Tick,
        });
    }
    if crossterm::event::poll(SETTLE)? {
        return Ok(match key_of(&crossterm::event::read()?) {
            Some(Key::Char('e')) => Wake::Edit,
            Some(Key::Char('q')) => Wake::Stop,
            Some(Key::Ctrl('c')) => Wake::Interrupt,
            _ => Wake::Tick,
        });
    }
    Ok(match rx.try_recv() {
        Ok(()) => Wake::Saved,
        Err(mpsc::TryRecvError::Disconnected) => Wake::Stop,
        Err(mpsc::TryRecvError::Empty) => Wake::Tick,
    })
}

/// Print the screen; in raw mode a line end must also return the cursor to the left.
fn show(text: &str, raw: bool) -> std::io::Result<()> {
    if raw {
        print(&text.replace('\n', "\r\n"))
    } else {
        print(text)
    }
}

/// `e`: the file of the exercise on screen, in the editor (as `course edit`); a problem
/// (no editor set) is said on stderr and the watch goes on.
fn edit_focus(app: &mut App, root: &Path, results: &[ExerciseResult]) {
    let Some(id) = focus(app, results).map(|r| r.id.clone()) else {
        return;
    };
    let opened = super::edit::place(app, &id, results)
        .and_then(|(file, line)| super::edit::open(app, root, &file, line));
    if let Err(e) = opened {
        app.term.note(&format!("{e:#}"));
        // Leave the message in view for a moment before the screen is drawn again.
        std::thread::sleep(Duration::from_secs(3));
    }
}

/// The terminal's new width when it differs from the one the screen was laid out for (and
/// the width is the terminal's to choose, not `--width`). Accessible mode never redraws.
fn resized(term: &Term) -> Option<usize> {
    if !term.interactive() || term.fixed_width {
        return None;
    }
    let (w, _) = crossterm::terminal::size().ok()?;
    let w = usize::from(w);
    (w >= 20 && w != term.width).then_some(w)
}

/// An OS watcher, or a polling one when asked for or when the OS one cannot start.
fn make_watcher(tx: mpsc::Sender<()>, poll: bool) -> Result<(Box<dyn Watcher>, bool)> {
    let handler = |tx: mpsc::Sender<()>| {
        move |event: notify::Result<notify::Event>| {
            if event.is_ok_and(|e| is_a_change(&e) && e.paths.iter().any(|p| !ignored(p))) {
                let _ = tx.send(());
            }
        }
    };
    if !poll {
        if let Ok(w) = notify::recommended_watcher(handler(tx.clone())) {
            return Ok((Box::new(w), false));
        }
    }
    let config = notify::Config::default().with_poll_interval(POLL_EVERY);
    let w = notify::PollWatcher::new(handler(tx), config).context("cannot watch the workspace")?;
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

/// Paths whose changes never matter to a check of the learner's work.
fn ignored(path: &Path) -> bool {
    path.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        matches!(
            name.as_ref(),
            ".git" | ".course" | "__pycache__" | ".ipynb_checkpoints"
        )
    })
}

/// The workspace itself (its top-level files) and each of its folders, except those that are
/// big and not the learner's writing: git's, course's, environments, data.
fn watched(root: &Path) -> Vec<(std::path::PathBuf, RecursiveMode)> {
    let mut out = vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
    let Ok(entries) = std::fs::read_dir(root) else {
        return out;
    };
    for e in entries.filter_map(Result::ok) {
        let path = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        let environment = path.join("pyvenv.cfg").exists() || path.join("conda-meta").exists();
        let skip = matches!(
            name.as_str(),
            ".git" | ".course" | "data" | "node_modules" | "wandb"
        );
        if is_dir && !environment && !skip {
            out.push((path, RecursiveMode::Recursive));
        }
    }
    out
}

/// Check everything and show the first exercise that does not pass, or that all do.
/// The exercise to show: the one `course next` is on, else the first unfinished one in the
/// learner's order that was not put aside with `course skip`, else any unfinished one.
fn focus<'a>(app: &App, results: &'a [ExerciseResult]) -> Option<&'a ExerciseResult> {
    let open = |id: &str| {
        results
            .iter()
            .find(|r| r.id == id && r.status != Status::Pass)
    };
    let ids: Vec<&str> = exercise_order(&app.course)
        .into_iter()
        .map(|i| app.course.exercises[i].id.as_str())
        .collect();
    let current = match next_step(&app.course, &app.state, results) {
        Step::Exercise(i) => open(&app.course.exercises[i].id),
        Step::Lesson(_) | Step::Done => None,
    };
    current
        .or_else(|| {
            ids.iter()
                .filter(|id| !app.state.deferred.contains(**id))
                .find_map(|id| open(id))
        })
        .or_else(|| ids.iter().find_map(|id| open(id)))
}

/// The whole screen for the results of one check, fitted to the width.
fn screen(app: &App, root: &Path, polling: bool, results: &[ExerciseResult]) -> String {
    let lang = app.lang;
    let passed = results.iter().filter(|r| r.status == Status::Pass).count();
    let total = results.len();
    let mut out = String::new();
    if app.term.interactive() {
        // Clear the screen and go home: each save shows a fresh status.
        out.push_str("\x1b[2J\x1b[H");
    } else if app.term.accessible.is_on() {
        // No redraws in accessible mode: each check follows the last, after a blank line.
        out.push('\n');
    }
    out.push_str(
        &app.term.paint(
            Style::Heading,
            tr!(
                "course watch · {passed}/{total} exercises pass",
                "course watch · 연습 문제 {passed}/{total} 통과"
            )
            .get(lang),
        ),
    );
    out.push_str("\n\n");
    match focus(app, results) {
        Some(open) => {
            let report = Report::build(
                &app.course,
                &root.display().to_string(),
                std::slice::from_ref(open),
                lang,
            );
            out.push_str(&text::render(&report, &app.term, lang, true));
        }
        None => {
            out.push_str(
                &app.term.paint(
                    Style::Pass,
                    tr!(
                        "Every exercise passes. Well done!",
                        "모든 연습 문제를 통과했습니다. 수고했습니다!"
                    )
                    .get(lang),
                ),
            );
            out.push('\n');
        }
    }
    let where_ = root.display().to_string();
    let how = if polling {
        tr!(
            "Watching {where_} for changes (looking every 0.5 s: --poll). Ctrl-C to stop.",
            "{where_}의 변경을 지켜보는 중입니다 (0.5초마다 확인: --poll). 끝내려면 Ctrl-C."
        )
    } else {
        tr!(
            "Watching {where_} for changes; save a file to check again. Ctrl-C to stop. (No reaction on WSL or a network drive? Use --poll.)",
            "{where_}의 변경을 지켜보는 중입니다. 파일을 저장하면 다시 확인합니다. 끝내려면 Ctrl-C. (WSL이나 네트워크 드라이브에서 반응이 없다면 --poll)"
        )
    };
    out.push('\n');
    out.push_str(&app.term.paint(Style::Dim, how.get(lang)));
    out.push('\n');
    if app.term.interactive() && std::io::stdin().is_terminal() {
        let keys = tr!(
            "e: open the file to fix in your editor · q: stop",
            "e: 고칠 파일을 편집기로 열기 · q: 끝내기"
        );
        out.push_str(&app.term.paint(Style::Dim, keys.get(lang)));
        out.push('\n');
    }
    fit(&out, app.term.width)
}
