//! `course lesson [ID|NUMBER]` and `course lesson --file PATH`.

use anyhow::Result;

use crate::app::App;
use crate::cli::{GlobalArgs, LessonArgs};
use crate::exit::{usage, Code};
use crate::grading::{ExerciseResult, Step};
use crate::i18n::Tr;
use crate::render::render;
use crate::terminal::Style;
use crate::tr;

pub fn run(app: &mut App, args: &LessonArgs) -> Result<Code> {
    let index = match &args.lesson {
        Some(key) => find_lesson(app, key)?,
        None => app
            .state
            .current_lesson
            .as_deref()
            .and_then(|id| app.course.lesson_index(id))
            .unwrap_or(0),
    };
    fallback_note(app, index);
    mark_read(app, index)?;
    // The exercises the lesson's notes depend on, looked at only when it has such a note and
    // the workspace keeps progress (`course next` and the home screen pass what they
    // checked). Reading a lesson starts no interpreter: a Python check counts as passing
    // only by a pass an earlier check remembered (issue 9: an import of torch held the
    // page up to its limit, 60 s).
    let (body, _) = app.course.lessons[index]
        .body
        .resolve(app.lang)
        .unwrap_or(("", app.lang));
    let ids: Vec<String> = until_done_ids(body).collect();
    let results = if ids.is_empty() || !app.keeps_progress() {
        Vec::new()
    } else {
        app.check_remembered(&ids)?
    };
    app.term
        .show(|term| lesson_page(app, term, index, None, &results))?;
    Ok(Code::Ok)
}

/// The marker before a note that holds only until an exercise passes: `<!-- until-done: ID -->`
/// (an HTML comment, so any Markdown viewer hides it), then the note's paragraph or quote.
const UNTIL_DONE: &str = "<!-- until-done:";

/// The exercise ids each `until-done` marker of `body` names.
fn until_done_ids(body: &str) -> impl Iterator<Item = String> + '_ {
    body.lines().filter_map(until_done).flatten()
}

/// The ids of an `until-done` marker line, `None` for another line.
fn until_done(line: &str) -> Option<Vec<String>> {
    let ids = line.trim().strip_prefix(UNTIL_DONE)?.strip_suffix("-->")?;
    Some(ids.split(',').map(|id| id.trim().to_string()).collect())
}

/// `body` without the notes whose exercises all pass (issue 9: lesson 4 said its exercise
/// "comes right after this lesson" when it already passed): the marker and the block after
/// it, up to the next blank line, go. Other markers stay (the renderer shows no comment).
fn drop_done_notes(body: &str, passes: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(body.len());
    let mut dropping = false;
    for line in body.split_inclusive('\n') {
        if dropping {
            dropping = !line.trim().is_empty();
            if dropping {
                continue;
            }
        }
        if let Some(ids) = until_done(line) {
            if ids.iter().all(|id| passes(id)) {
                dropping = true;
                continue;
            }
        }
        out.push_str(line);
    }
    out
}

/// The largest file `lesson --file` reads (the longest built-in lesson is a few dozen KiB;
/// rendering 1 MiB of the worst nesting takes under a second and a few hundred MB).
const LESSON_FILE_MAX: u64 = crate::fs::SMALL;

/// `--file PATH`: render any Markdown file; needs no course or workspace.
pub fn run_file(global: &GlobalArgs, args: &LessonArgs) -> Result<Code> {
    let path = args.file.as_ref().expect("dispatched only with --file");
    // No App here (no course, no workspace): the run's language as `--lang`, COURSE_LANG
    // and the course default decided it.
    let lang = crate::exit::run_lang();
    if let Some(ws) = &global.workspace {
        let ws = ws.display();
        return Err(usage(
            tr!(
                "--workspace {ws}: `course lesson --file` shows a file and keeps no progress, so it uses no workspace; leave out --workspace",
                "--workspace {ws}: `course lesson --file`은 파일을 보여 주기만 하고 진행 기록을 남기지 않으므로 작업 폴더를 쓰지 않습니다. --workspace를 빼십시오"
            )
            .get(lang)
            .to_string(),
        ));
    }
    // A FIFO or `/dev/urandom` would block or never end: only a regular file is read, and
    // only up to a size no lesson comes near.
    let text = crate::fs::read_text(path, LESSON_FILE_MAX).map_err(|e| {
        let p = path.display();
        let why = e.tr();
        let max = LESSON_FILE_MAX >> 20;
        let text = match e {
            crate::fs::ReadError::Missing => tr!("{p}: {why}", "{p}: {why}"; why = why),
            _ => tr!(
                "{p}: {why}; give a Markdown file (a regular file of UTF-8 text, at most {max} MiB)",
                "{p}: {why}. Markdown 파일(최대 {max} MiB의 UTF-8 텍스트, 일반 파일)을 주십시오";
                why = why
            ),
        };
        usage(text.get(lang).to_string())
    })?;
    let term = global.term();
    term.show(|term| render(&text, &term.render_options()))?;
    Ok(Code::Ok)
}

/// A lesson by id or 1-based number.
pub fn find_lesson(app: &App, key: &str) -> Result<usize> {
    let count = app.course.lessons.len();
    if let Ok(n) = key.parse::<usize>() {
        if (1..=count).contains(&n) {
            return Ok(n - 1);
        }
        return Err(usage(
            tr!(
                "there is no lesson {n}; lessons are numbered 1 to {count} (see `course list`)",
                "{n}번 레슨은 없습니다. 레슨 번호는 1부터 {count}까지입니다 (`course list` 참고)"
            )
            .get(app.lang)
            .to_string(),
        ));
    }
    app.course.lesson_index(key).ok_or_else(|| {
        let all: Vec<&str> = app.course.lessons.iter().map(|l| l.id.as_str()).collect();
        let ids = all.join(", ");
        let guess = super::check::did_you_mean(key, &all);
        let guess = guess.get(app.lang);
        usage(
            tr!(
                "unknown lesson `{key}`{guess}; use a number or one of: {ids}",
                "`{key}`라는 레슨은 없습니다{guess}. 번호나 다음 중 하나를 쓰십시오: {ids}"
            )
            .get(app.lang)
            .to_string(),
        )
    })
}

/// On stderr, when the lesson is not written in the learner's language.
pub fn fallback_note(app: &App, index: usize) {
    let lesson = &app.course.lessons[index];
    let used = lesson
        .body
        .resolve(app.lang)
        .map_or(app.lang, |(_, used)| used);
    if used != app.lang {
        let (want, have) = (app.lang, used);
        app.term.note(
            tr!(
                "note: this lesson has no `{want}` version yet; showing `{have}`.",
                "참고: 이 레슨은 아직 `{want}` 판이 없어 `{have}`로 보여 줍니다."
            )
            .get(app.lang),
        );
    }
}

/// The rendered lesson for `term`'s width, with a header line and a footer that says what to
/// type next. `then`: what `course next` shows after this lesson, when the caller checked the
/// exercises (`course next`, the home screen); the footer then says where it leads, so two
/// pages in a row never end in the same words. `results`: what was checked (maybe nothing);
/// a note marked `until-done` for exercises that all pass is left out.
pub fn lesson_page(
    app: &App,
    term: &crate::terminal::Term,
    index: usize,
    then: Option<Step>,
    results: &[ExerciseResult],
) -> String {
    let lesson = &app.course.lessons[index];
    let (body, _) = lesson.body.resolve(app.lang).unwrap_or(("", app.lang));
    // A check that did not run now (a lesson page starts no interpreter) leaves it unknown
    // whether the exercise is done, even if the exercise's other checks pass: the note stays.
    let passes = |id: &str| {
        results.iter().any(|r| {
            r.id == id
                && r.status == crate::checks::Status::Pass
                && !r
                    .findings
                    .iter()
                    .any(|f| f.code == crate::checks::Code::ExecNotNow)
        })
    };
    let body = &link_lessons(&drop_done_notes(body, &passes), &app.course);
    let (n, total) = (index + 1, app.course.lessons.len());
    let mut out = term.paint(
        Style::Dim,
        tr!("Lesson {n}/{total}", "레슨 {n}/{total}").get(app.lang),
    );
    out.push_str("\n\n");
    out.push_str(&render(body, &term.render_options()));
    out.push('\n');
    let footer = footer(app, n, then);
    out.push_str(&term.paint(Style::Bold, footer.get(app.lang)));
    out.push('\n');
    out
}

/// The last line of lesson `n` (1-based): the command to type next, and where it leads.
fn footer(app: &App, n: usize, then: Option<Step>) -> Tr {
    let (total, following) = (app.course.lessons.len(), n + 1);
    if !app.keeps_progress() {
        // No progress to follow: `course next` could only say how to start a workspace, so
        // the footer gives that start itself (the one `course next` gives, so that a bare
        // `course init` is never typed in the clone of the course or in `~`).
        let start = match &app.workspace {
            // `--workspace DIR` naming a folder that is not one yet.
            Some(ws) => {
                let q = crate::escape::shell_word(&ws.root.display().to_string());
                tr!(
                    "To save progress and do the exercises: course init {q}",
                    "진행 상황을 저장하고 연습 문제를 하려면: course init {q}"
                )
            }
            None => app.start_text(),
        };
        return if n < total {
            tr!(
                "Next: course lesson {following}\n{start}",
                "다음: course lesson {following}\n{start}";
                start = start
            )
        } else {
            tr!(
                "That was the last lesson.\n{start}",
                "마지막 레슨이었습니다.\n{start}";
                start = start
            )
        };
    }
    match then {
        // The alternative on a line of its own: one line would wrap inside a command.
        Some(step @ Step::Exercise(_)) if n < total => {
            let next = super::next::pointer(app, step);
            let alternative = tr!(
                "To read the next lesson first: course lesson {following}",
                "다음 레슨을 먼저 읽으려면: course lesson {following}"
            );
            next.map(|lang, text| format!("{text}\n{}", alternative.get(lang)))
        }
        Some(step) => super::next::pointer(app, step),
        None if n < total => tr!(
            "Next: course next   (or course lesson {following} for the next lesson)",
            "다음: course next   (다음 레슨만 보려면 course lesson {following})"
        ),
        None => tr!("Next: course next", "다음: course next"),
    }
}

/// Links from one lesson to another (`[pip](pip.md)`) become the command that shows it:
/// in a terminal the learner types `course lesson pip`, there is no file to click.
fn link_lessons(body: &str, course: &crate::course::Course) -> String {
    let mut out = body.to_string();
    for lesson in &course.lessons {
        let id = &lesson.id;
        let command = format!("](<course lesson {id}>)");
        for target in [format!("]({id}.md)"), format!("](./{id}.md)")] {
            out = out.replace(&target, &command);
        }
        // With a fragment: `](pip.md#requirementstxt)`.
        for prefix in [format!("]({id}.md#"), format!("](./{id}.md#")] {
            while let Some(start) = out.find(&prefix) {
                let Some(end) = out[start..].find(')') else {
                    break;
                };
                out.replace_range(start..start + end + 1, &command);
            }
        }
    }
    out
}

pub fn mark_read(app: &mut App, index: usize) -> Result<()> {
    let id = app.course.lessons[index].id.clone();
    app.state.lessons_read.insert(id.clone());
    app.state.current_lesson = Some(id);
    app.save_state()
}
