//! `course list`: lessons and exercises in order, with status.

use anyhow::Result;
use serde::Serialize;

use crate::app::App;
use crate::checks::Status;
use crate::cli::{ListArgs, ListFormat};
use crate::course::Exercise;
use crate::exit::Code;
use crate::grading::{next_step, ExerciseResult, Step};
use crate::i18n::{Lang, Tr};
use crate::terminal::{code_spans, pad, Style};
use crate::tr;

/// `course list --format json` (schema `course-list/1`, documented in the README).
#[derive(Serialize)]
struct ListJson<'a> {
    schema: &'static str,
    course: &'a str,
    lang: &'a str,
    lessons: Vec<LessonJson<'a>>,
    exercises: Vec<ExerciseJson<'a>>,
}

#[derive(Serialize)]
struct LessonJson<'a> {
    number: usize,
    id: &'a str,
    title: &'a str,
    read: bool,
    current: bool,
}

#[derive(Serialize)]
struct ExerciseJson<'a> {
    id: &'a str,
    title: &'a str,
    lesson: &'a str,
    /// `pass`, `fail`, `skip`, or `unchecked` outside a workspace: what the checks say now.
    status: &'static str,
    /// The learner has worked on it (`course next` showed it, or it was named in `course
    /// check`, `hint` or `answer`); a failing exercise not yet tried is shown as "not yet".
    tried: bool,
    /// Put aside with `course skip`.
    deferred: bool,
}

pub fn run(app: &mut App, args: &ListArgs) -> Result<Code> {
    let results = if app.workspace.is_some() {
        app.check_exercises(&[])?
    } else {
        Vec::new()
    };
    let order = crate::grading::exercise_order(&app.course);
    let exercises: Vec<&Exercise> = order.iter().map(|&i| &app.course.exercises[i]).collect();
    if args.format == ListFormat::Json {
        let doc = list_json(app, &exercises, &results);
        crate::terminal::print(&(serde_json::to_string_pretty(&doc)?.to_string() + "\n"))?;
        return Ok(Code::Ok);
    }
    let mut out = String::new();
    out.push_str(
        &app.term
            .paint(Style::Heading, app.course.title.get(app.lang)),
    );
    out.push_str("\n\n");
    lessons_text(app, &mut out);
    out.push('\n');
    exercises_text(app, &exercises, &results, &mut out);
    // Nothing here depends on the width but the wrapping, which `show` does.
    app.term.show(|_| out.clone())?;
    Ok(Code::Ok)
}

/// The `course-list/1` document: every lesson and exercise with its state.
fn list_json<'a>(
    app: &'a App,
    exercises: &[&'a Exercise],
    results: &[ExerciseResult],
) -> ListJson<'a> {
    let lang = app.lang;
    let current = app.state.current_lesson.as_deref();
    ListJson {
        schema: "course-list/1",
        course: &app.course.id,
        lang: lang.code(),
        lessons: app
            .course
            .lessons
            .iter()
            .enumerate()
            .map(|(i, l)| LessonJson {
                number: i + 1,
                id: &l.id,
                title: l.title.get(lang),
                read: app.state.lessons_read.contains(&l.id),
                current: current == Some(l.id.as_str()),
            })
            .collect(),
        exercises: exercises
            .iter()
            .map(|e| ExerciseJson {
                id: &e.id,
                title: e.title.get(lang),
                lesson: &e.lesson,
                status: status_code(results, &e.id),
                tried: app.state.tried.contains(&e.id),
                deferred: app.state.deferred.contains(&e.id),
            })
            .collect(),
    }
}

/// The widest of `texts` in terminal columns (Hangul counts two).
fn widest<'a>(texts: impl Iterator<Item = &'a str>) -> usize {
    texts.map(crate::render::text::width).max().unwrap_or(0)
}

/// A dim legend line under a section: its entries in parentheses.
fn legend(app: &App, entries: &[Tr], out: &mut String) {
    let separator = if app.lang == Lang::En { "; " } else { ", " };
    let entries: Vec<&str> = entries.iter().map(|e| e.get(app.lang)).collect();
    let text = format!("  ({})", entries.join(separator));
    let text = code_spans(&text, app.term.color, Some(Style::Dim));
    out.push_str(&app.term.paint(Style::Dim, &text));
    out.push('\n');
}

/// The lessons section: a line per lesson with two marks, so that the lesson you are on still
/// shows whether it has been read; in accessible mode the same as words.
fn lessons_text(app: &App, out: &mut String) {
    let (term, lang) = (&app.term, app.lang);
    out.push_str(&term.paint(Style::Bold, tr!("Lessons", "레슨").get(lang)));
    out.push('\n');
    let current = app.state.current_lesson.as_deref();
    let title_width = widest(app.course.lessons.iter().map(|l| l.title.get(lang)));
    for (i, l) in app.course.lessons.iter().enumerate() {
        let is_read = app.state.lessons_read.contains(&l.id);
        let is_here = current == Some(l.id.as_str());
        if term.accessible.is_on() {
            let status = lesson_words(is_read, is_here).get(lang).to_string();
            let title = l.title.get(lang);
            out.push_str(&format!("  {}. {title} ({}): {status}\n", i + 1, l.id));
            continue;
        }
        let mark = |on: bool, style: Style, sign: &str| {
            if on {
                term.paint(style, sign)
            } else {
                " ".to_string()
            }
        };
        let (read, here) = (
            mark(is_read, Style::Pass, "+"),
            mark(is_here, Style::Code, ">"),
        );
        let title = pad(l.title.get(lang), title_width);
        let id = term.paint(Style::Dim, &l.id);
        out.push_str(&format!("  {read}{here} {:>2}. {title}  {id}\n", i + 1));
    }
    // Only the marks on screen are explained (issue 9: a legend for marks nobody sees).
    let any_read = app
        .course
        .lessons
        .iter()
        .any(|l| app.state.lessons_read.contains(&l.id));
    let marks: Vec<Tr> = [
        any_read.then(|| tr!("+ read", "+ 읽음")),
        current
            .is_some()
            .then(|| tr!("> the lesson you are on", "> 지금 보는 레슨")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !term.accessible.is_on() && !marks.is_empty() {
        legend(app, &marks, out);
    }
}

/// A lesson's state in words (accessible mode): read, current, both, or not yet.
fn lesson_words(is_read: bool, is_here: bool) -> Tr {
    let words: Vec<Tr> = [
        is_read.then(|| tr!("read", "읽음")),
        is_here.then(|| tr!("current", "지금 보는 레슨")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if words.is_empty() {
        tr!("not yet", "아직")
    } else {
        Tr::join(&words, ", ")
    }
}

/// The exercises section: status word, title and id, in the course's order; outside a
/// workspace, where nothing can be checked, how to make one.
fn exercises_text(
    app: &App,
    exercises: &[&Exercise],
    results: &[ExerciseResult],
    out: &mut String,
) {
    let (term, lang) = (&app.term, app.lang);
    out.push_str(&term.paint(Style::Bold, tr!("Exercises", "연습 문제").get(lang)));
    out.push('\n');
    let statuses: Vec<_> = exercises
        .iter()
        .map(|e| exercise_word(app, results, &e.id))
        .collect();
    let word_width = widest(statuses.iter().map(|(w, _)| w.get(lang)));
    let title_width = widest(exercises.iter().map(|e| e.title.get(lang)));
    for (e, (word, style)) in exercises.iter().zip(&statuses) {
        if term.accessible.is_on() {
            let (title, id, word) = (e.title.get(lang), &e.id, word.get(lang));
            out.push_str(&format!("  {title} ({id}): {word}\n"));
            continue;
        }
        let shown = term.paint(*style, &pad(word.get(lang), word_width));
        let title = pad(e.title.get(lang), title_width);
        let id = term.paint(Style::Dim, &e.id);
        out.push_str(&format!("  {shown}  {title}  {id}\n"));
    }
    if app.workspace.is_some() {
        // The two words that need explaining, when they are on screen.
        let shown = |word: &str| statuses.iter().any(|(w, _)| w.get(Lang::En) == word);
        let words: Vec<Tr> = [
            shown("not yet").then(|| tr!("not yet: not started", "아직: 시작하지 않음")),
            shown("later").then(|| {
                tr!(
                    "later: put aside with `course skip`",
                    "나중에: `course skip`으로 미뤄 둠"
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !words.is_empty() && !term.accessible.is_on() {
            legend(app, &words, out);
        }
    } else {
        out.push('\n');
        // The start every command gives outside a workspace (`init` here could make `~` one).
        let start = app.start_text();
        out.push_str(
            tr!(
                "Exercises are checked in a workspace.\n{start}",
                "연습 문제는 작업 폴더에서 확인합니다.\n{start}";
                start = start
            )
            .get(lang),
        );
        out.push('\n');
    }
}

/// `pass`, `fail`, `skip`, or `unchecked` when there is no result: the JSON status.
pub fn status_code(results: &[ExerciseResult], id: &str) -> &'static str {
    match results.iter().find(|r| r.id == id).map(|r| r.status) {
        None => "unchecked",
        Some(Status::Pass) => "pass",
        Some(Status::Skip) => "skip",
        Some(Status::Fail | Status::Error) => "fail",
    }
}

/// The status as a word for people (`course list`, the home screen, `course watch`). A
/// failing exercise is "fail" only once the learner has worked on it; before that it is "not
/// yet". One put aside with `course skip` is "later" while it waits: once `course next` has
/// led back to it (every lesson read, every other exercise passing), it is the one being
/// worked on, and shows as "fail" or "not yet" as `course next` shows it (issue 9).
pub fn exercise_word(app: &App, results: &[ExerciseResult], id: &str) -> (Tr, Style) {
    match status_code(results, id) {
        "pass" => (tr!("pass", "통과"), Style::Pass),
        _ if waits(app, results, id) => (tr!("later", "나중에"), Style::Skip),
        "fail" if app.state.tried.contains(id) => (tr!("fail", "실패"), Style::Fail),
        "fail" => (tr!("not yet", "아직"), Style::Dim),
        "skip" => (tr!("skip", "건너뜀"), Style::Skip),
        _ => (tr!("not checked", "확인 안 함"), Style::Dim),
    }
}

/// Put aside with `course skip`, and `course next` is not on it yet.
fn waits(app: &App, results: &[ExerciseResult], id: &str) -> bool {
    app.state.deferred.contains(id)
        && match next_step(&app.course, &app.state, results) {
            Step::Exercise(i) => app.course.exercises[i].id != id,
            _ => true,
        }
}
