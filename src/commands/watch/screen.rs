//! The screen `course watch` draws after each check: a heading, the one thing `course next`
//! is on (an exercise with what is still wrong, a lesson to read, or the end), and how the
//! watch works. The step and the status words come from the code `course next` and `course
//! list` use, so the three never disagree. On a terminal that reads keys the report scrolls
//! between the heading and the status lines (`watch/scroll.rs`); on one that does not (stdin
//! is not a terminal) the screen fits the window's height: the heading and the status lines
//! stay, the problems are cut with a line saying how many more there are and where to see
//! them all.

use std::path::Path;

use crate::app::App;
use crate::grading::{next_step, ExerciseResult, Step};
use crate::i18n::Tr;
use crate::report::{text, Report};
use crate::terminal::{fit, Style};
use crate::tr;

/// How the screen is shown, besides the results.
pub struct View {
    /// Changes are polled (`--poll`), not reported by the system.
    pub polling: bool,
    /// Keys are read (`e`, `q`, the pager's).
    pub keys: bool,
    /// The window's height, when the screen is redrawn in place (none when output scrolls).
    pub rows: Option<usize>,
}

/// The exercise `course next` is on, when it is on one.
pub fn focus<'a>(app: &App, results: &'a [ExerciseResult]) -> Option<&'a ExerciseResult> {
    match next_step(&app.course, &app.state, results) {
        Step::Exercise(i) => {
            let id = &app.course.exercises[i].id;
            results.iter().find(|r| &r.id == id)
        }
        Step::Lesson(_) | Step::Done => None,
    }
}

/// The parts of the screen for the results of one check, each fitted to the width.
pub struct Parts {
    /// The heading and a blank line.
    pub head: String,
    /// What `course next` is on: the exercise and its problems, a lesson, the end.
    pub body: String,
    /// A blank line and how the watch works.
    pub how: String,
    /// What the body is about (an exercise, a lesson, the end): another one is read from the
    /// top, the same one again (a re-check) where the learner was.
    pub about: String,
    /// The body is an exercise's, with a file to fix (`e` opens it).
    pub on_exercise: bool,
    /// What `e` says when the body is an exercise's without a file: what the watch shows.
    pub no_file: Option<String>,
}

/// The parts of the screen for the results of one check.
pub fn parts(app: &App, root: &Path, view: &View, results: &[ExerciseResult]) -> Parts {
    let term = &app.term;
    let lang = app.lang;
    let passed = results
        .iter()
        .filter(|r| r.status == crate::checks::Status::Pass)
        .count();
    let total = results.len();
    // "0/1 exercise passes" when one exercise is watched, not "0/1 exercises pass".
    let heading = Tr::plural(
        total,
        tr!(
            "course watch · {passed}/{total} exercise passes",
            "course watch · 연습 문제 {passed}/{total} 통과"
        ),
        tr!(
            "course watch · {passed}/{total} exercises pass",
            "course watch · 연습 문제 {passed}/{total} 통과"
        ),
    );
    let head = fit(
        &format!("{}\n\n", term.paint(Style::Heading, heading.get(lang))),
        term.width,
    );
    let about = match next_step(&app.course, &app.state, results) {
        Step::Exercise(i) => format!("exercise {}", app.course.exercises[i].id),
        Step::Lesson(i) => format!("lesson {i}"),
        Step::Done => "done".to_string(),
    };
    Parts {
        head,
        body: fit(&body(app, root, results), term.width),
        how: fit(&footer(app, root, view), term.width),
        about,
        // An exercise of an environment or a history has no file: `e` is not offered there
        // (issue 9 flow audit: it was, and pressing it said there was nothing to open).
        on_exercise: focus(app, results)
            .is_some_and(|r| super::super::edit::file_of(app, &r.id, results).is_some()),
        no_file: focus(app, results)
            .filter(|r| super::super::edit::file_of(app, &r.id, results).is_none())
            .map(|r| no_file_here(app, &r.id)),
    }
}

/// `e` on an exercise without a file: what to do is what the watch shows, checked again on
/// every change (it sent the learner to `course check ID`, which shows the same; issue 9).
/// Code shows as on the rest of the screen: painted, without its backticks.
pub fn no_file_here(app: &App, id: &str) -> String {
    let text = super::super::edit::no_file(
        id,
        tr!(
            ". What to do is on this screen, checked again after every change.",
            ". 할 일은 이 화면에 있고, 바뀔 때마다 다시 확인합니다."
        ),
    );
    crate::terminal::code_spans(text.get(app.lang), app.term.color, None)
}

/// The whole screen for the results of one check when keys are not read (the report cannot
/// scroll), fitted to the width (and height).
pub fn screen(app: &App, root: &Path, view: &View, results: &[ExerciseResult]) -> String {
    let term = &app.term;
    let Parts {
        head,
        body,
        how: foot,
        ..
    } = parts(app, root, view, results);
    let open = focus(app, results);
    let mut out = String::new();
    if term.interactive() {
        // Clear the screen and go home: each check shows a fresh status.
        out.push_str("\x1b[2J\x1b[H");
    } else if term.accessible.is_on() {
        // No redraws in accessible mode: each check follows the last, after a blank line.
        out.push('\n');
    }
    out.push_str(&head);
    match view.rows {
        Some(rows) => {
            // The last line ends with a line end: one row stays free, or the screen would
            // scroll by one and take the heading with it.
            let room = rows.saturating_sub(1 + lines(&head) + lines(&foot));
            out.push_str(&cut(app, &body, room, open.map(|r| r.id.as_str())));
        }
        None => out.push_str(&body),
    }
    out.push_str(&foot);
    out
}

fn lines(text: &str) -> usize {
    text.lines().count()
}

/// `body` in at most `room` lines: when it is longer, its first lines and one saying how many
/// are left out and which command shows them.
fn cut(app: &App, body: &str, room: usize, id: Option<&str>) -> String {
    let all: Vec<&str> = body.lines().collect();
    if all.len() <= room {
        return body.to_string();
    }
    // Cut before a problem rather than inside one (its fix cut off would mislead), when at
    // least one whole problem still fits.
    let room_for = room.saturating_sub(1);
    let shown = (2..=room_for)
        .rev()
        .find(|&i| starts_problem(all[i - 1], all[i]))
        .unwrap_or(room_for);
    let more = all.len() - shown;
    let check = match id {
        Some(id) => format!("course check {id}"),
        None => "course check".to_string(),
    };
    let lines = crate::i18n::count(more, "more line", "more lines");
    let note = tr!(
        "… {lines}: {check} shows them all",
        "… {more}줄 더 있습니다. 모두 보려면: {check}"
    );
    let mut out: String = all[..shown].iter().map(|l| format!("{l}\n")).collect();
    // The note itself is cut to one line: it must not push the heading off.
    let note = fit(
        &app.term.paint(Style::Dim, note.get(app.lang)),
        app.term.width,
    );
    if room > 0 {
        out.push_str(note.lines().next().unwrap_or_default());
        out.push('\n');
    }
    out
}

/// Does `line` start a problem, after `before`? A problem and its wrapped lines are indented
/// by four, its fix by six or more: a four after a deeper line is the next problem.
fn starts_problem(before: &str, line: &str) -> bool {
    let indent = |l: &str| {
        let plain = crate::render::strip_ansi(l);
        plain.len() - plain.trim_start_matches(' ').len()
    };
    indent(line) == 4 && indent(before) > 4
}

/// What `course next` is on: the exercise and its problems, the lesson to read, or the end.
fn body(app: &App, root: &Path, results: &[ExerciseResult]) -> String {
    let (term, lang) = (&app.term, app.lang);
    match next_step(&app.course, &app.state, results) {
        Step::Exercise(i) => {
            let e = &app.course.exercises[i];
            let Some(result) = results.iter().find(|r| r.id == e.id) else {
                return String::new();
            };
            let (word, style) = super::super::list::exercise_word(app, results, &e.id);
            let (word, title) = (word.get(lang), e.title.get(lang));
            let mut out = if term.accessible.is_on() {
                format!("{word}: {title} ({})\n", e.id)
            } else {
                format!(
                    "{}  {} {}\n",
                    term.paint(style, word),
                    term.paint(Style::Bold, title),
                    term.paint(Style::Dim, &format!("({})", e.id))
                )
            };
            let where_ = root.display().to_string();
            let report = Report::build(&app.course, &where_, std::slice::from_ref(result), lang);
            for e in &report.exercises {
                out.push_str(&text::findings(e, term, lang, &report.workspace));
            }
            out
        }
        Step::Lesson(i) => {
            let n = i + 1;
            let title = app.course.lessons[i].title.get(lang);
            let text = tr!(
                "Next: read lesson {n}, {title}.",
                "다음: 레슨 {n} {title}을(를) 읽으십시오."
            );
            // The command bare after a label, on a line of its own (as the pager's footers
            // name commands): coloured as code on a terminal that takes colour, plain text
            // otherwise, never in backticks, and never split from its label by a wrap.
            let other = tr!("In another terminal:", "다른 터미널에서:");
            format!(
                "{}\n{} {}\n",
                text.get(lang),
                other.get(lang),
                term.paint(Style::Code, "course next")
            )
        }
        Step::Done => {
            let text = tr!(
                "Every exercise passes and every lesson is read. Well done!",
                "모든 레슨을 읽었고 모든 연습 문제를 통과했습니다. 수고하셨습니다!"
            );
            format!("{}\n", term.paint(Style::Pass, text.get(lang)))
        }
    }
}

/// How the watch works, and how to stop it when keys are not read (with keys, the status line
/// below says it, `watch/scroll.rs`).
fn footer(app: &App, root: &Path, view: &View) -> String {
    let (term, lang) = (&app.term, app.lang);
    let where_ = root.display().to_string();
    let how = if view.polling {
        tr!(
            "Watching {where_} (looking every 0.5 s: --poll): a save, a commit or an install checks again.",
            "{where_}을(를) 지켜보는 중입니다 (0.5초마다 확인: --poll). 파일 저장, 커밋, 패키지 설치가 있으면 다시 확인합니다."
        )
    } else {
        tr!(
            "Watching {where_}: a save, a commit or an install checks again. (No reaction on WSL or a network drive? Use --poll.)",
            "{where_}을(를) 지켜보는 중입니다. 파일 저장, 커밋, 패키지 설치가 있으면 다시 확인합니다. (WSL이나 네트워크 드라이브에서 반응이 없다면 --poll)"
        )
    };
    let mut how = how.get(lang).to_string();
    if !view.keys {
        how.push(' ');
        how.push_str(tr!("Ctrl-C to stop.", "끝내려면 Ctrl-C.").get(lang));
    }
    format!("\n{}\n", term.paint(Style::Dim, &how))
}
