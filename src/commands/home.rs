//! `course` alone on a terminal: the home screen. Lessons and exercises with their status;
//! Enter opens a lesson (or an exercise's prompt) in the pager, `c` checks the selected
//! exercise and shows the result in place, `h` shows its next hint, `e` opens the file to fix
//! in the editor, `/` searches every lesson, `q` quits (Ctrl-C too, with exit code 130).
//!
//! The keys and the layout are the pure state machine `terminal::home`; this file only
//! draws its lines and does what an action asks. The raw-mode guard is dropped before the
//! pager or the editor take the terminal and taken again after, and restores the terminal on
//! every way out (return, error, panic, SIGTERM/SIGHUP). Piped, in accessible mode, on a
//! dumb terminal or outside a workspace, `course` prints the orientation text instead.

use std::io::{self, IsTerminal, Write};

use anyhow::Result;
use crossterm::{cursor, queue, terminal};

use crate::app::App;
use crate::checks::Status;
use crate::exit::Code;
use crate::grading::{next_step, ExerciseResult, Step};
use crate::render::{render, RenderOptions};
use crate::report::text::as_problem;
use crate::report::Report;
use crate::terminal::home::{Action, Detail, Hit, Home, Item, Labels, Row};
use crate::terminal::keys::{read_key, Raw};
use crate::terminal::{Style, Term};
use crate::tr;

/// Whether `course` alone opens the home screen here.
pub fn wanted(app: &App) -> bool {
    app.term.interactive() && io::stdin().is_terminal() && app.keeps_progress()
}

pub fn run(app: &mut App) -> Result<Code> {
    let mut results = app.check_exercises(&[])?;
    let (w, h) = terminal::size().unwrap_or((80, 24));
    let start = start_row(app, &results);
    let mut home = Home::new(rows(app, &results), labels(app, &results), start, w, h);
    let mut guard = Raw::enter(true)?;
    let mut out = io::BufWriter::new(io::stdout());
    loop {
        draw(&mut out, &home, app)?;
        let action = home.handle(read_key()?);
        match action {
            Action::Nothing | Action::Redraw => continue,
            Action::Quit => return Ok(Code::Ok),
            Action::Interrupt => return Ok(Code::Interrupted),
            Action::Check(id) => {
                app.mark_tried([id.as_str()])?;
                let title = exercise_title(app, &id);
                home.set_message(
                    tr!("Checking {title}…", "「{title}」 확인하는 중…").get(app.lang),
                );
                draw(&mut out, &home, app)?;
                let fresh = app.check_quietly(std::slice::from_ref(&id))?;
                results.retain(|r| r.id != id);
                results.extend(fresh);
                home.set_detail(results.iter().find(|r| r.id == id).map(|r| detail(app, r)));
            }
            Action::Hint(id) => {
                let detail = match super::hint::take_hint(app, &id)? {
                    Some(hint) => Detail {
                        title: hint.heading,
                        style: Style::Heading,
                        lines: markdown_lines(&hint.markdown, app)
                            .into_iter()
                            .chain(std::iter::once(String::new()))
                            .chain(hint.more.lines().map(String::from))
                            .collect(),
                    },
                    None => Detail {
                        title: tr!("`{id}` has no hints.", "`{id}`에는 힌트가 없습니다.")
                            .get(app.lang)
                            .to_string(),
                        style: Style::Dim,
                        lines: Vec::new(),
                    },
                };
                home.set_detail(Some(detail));
            }
            Action::Search(query) => search(app, &mut home, query),
            Action::Open(_) | Action::OpenHit(..) | Action::Edit(_) => {
                // The pager and the editor take the whole terminal: give it back first.
                drop(guard);
                let outcome = take_over(app, &action, &results);
                guard = Raw::enter(true)?;
                match outcome {
                    Ok(true) => return Ok(Code::Interrupted),
                    Ok(false) => {}
                    Err(e) => home.set_message(format!("{e:#}")),
                }
                if let Action::Edit(id) = &action {
                    let fresh = app.check_quietly(std::slice::from_ref(id))?;
                    results.retain(|r| &r.id != id);
                    results.extend(fresh);
                }
            }
        }
        home.set_rows(rows(app, &results));
        home.set_labels(labels(app, &results));
    }
}

/// What the pager or the editor does with the terminal to itself; `true` when the reader
/// pressed Ctrl-C in the pager.
fn take_over(app: &mut App, action: &Action, results: &[ExerciseResult]) -> Result<bool> {
    match action {
        Action::Open(Item::Lesson(i)) | Action::OpenHit(i, _) => {
            super::lesson::mark_read(app, *i)?;
            let query = match action {
                Action::OpenHit(_, q) => Some(q.as_str()),
                _ => None,
            };
            let app = &*app;
            let then = next_step(&app.course, &app.state, results);
            let page = |term: &Term| super::lesson::lesson_page(app, term, *i, Some(then), results);
            return Ok(app.term.page(page, query)?);
        }
        Action::Open(Item::Exercise(id)) => {
            app.mark_tried([id.as_str()])?;
            let i = app.course.exercises.iter().position(|e| &e.id == id);
            if let Some(i) = i {
                let app = &*app;
                let page = |term: &Term| super::next::exercise_page(app, term, i, results);
                return Ok(app.term.page(page, None)?);
            }
        }
        Action::Edit(id) => {
            let root = app.require_workspace()?.root.clone();
            // Without a file, what to do is what `c` shows here (not `course check ID`).
            let Some((file, line)) = super::edit::file_of(app, id, results) else {
                let then = tr!(
                    "; c checks it here and shows what to do",
                    ". c를 누르면 여기서 확인하고 할 일을 보여 줍니다"
                );
                anyhow::bail!("{}", super::edit::no_file(id, then).get(app.lang));
            };
            // Tried once a file opens: an `e` that opened nothing turned "not yet" into
            // "fail" with nothing done (issue 9).
            app.mark_tried([id.as_str()])?;
            super::edit::open(app, &root, &file, line)?;
        }
        _ => {}
    }
    Ok(false)
}

fn exercise_title(app: &App, id: &str) -> String {
    app.course
        .exercise(id)
        .map_or(id.to_string(), |e| e.title.get(app.lang).to_string())
}

/// The row first selected: what `course next` would show.
fn start_row(app: &App, results: &[ExerciseResult]) -> usize {
    let lessons = app.course.lessons.len();
    match next_step(&app.course, &app.state, results) {
        Step::Lesson(i) => i,
        Step::Exercise(i) => {
            let id = &app.course.exercises[i].id;
            let order = crate::grading::exercise_order(&app.course);
            lessons
                + order
                    .iter()
                    .position(|&k| &app.course.exercises[k].id == id)
                    .unwrap_or(0)
        }
        Step::Done => 0,
    }
}

fn rows(app: &App, results: &[ExerciseResult]) -> Vec<Row> {
    let lang = app.lang;
    let current = app.state.current_lesson.as_deref();
    let mut rows: Vec<Row> = app
        .course
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let read = app.state.lessons_read.contains(&l.id);
            // Both marks, as `course list` shows them (issue 9: home said only "current").
            let (word, style) = if current == Some(l.id.as_str()) && read {
                (tr!("current, read", "지금, 읽음"), Style::Code)
            } else if current == Some(l.id.as_str()) {
                (tr!("current", "지금"), Style::Code)
            } else if read {
                (tr!("read", "읽음"), Style::Pass)
            } else {
                (tr!("not yet", "아직"), Style::Dim)
            };
            Row {
                item: Item::Lesson(i),
                title: l.title.get(lang).to_string(),
                status: word.get(lang).to_string(),
                style,
                edit: false,
            }
        })
        .collect();
    for i in crate::grading::exercise_order(&app.course) {
        let e = &app.course.exercises[i];
        let (word, style) = super::list::exercise_word(app, results, &e.id);
        rows.push(Row {
            item: Item::Exercise(e.id.clone()),
            title: e.title.get(lang).to_string(),
            status: word.get(lang).to_string(),
            style,
            edit: super::edit::file_of(app, &e.id, results).is_some(),
        });
    }
    rows
}

fn labels(app: &App, results: &[ExerciseResult]) -> Labels {
    let lang = app.lang;
    let course = app.course.title.get(lang);
    let super::orientation::Progress {
        read,
        lessons,
        passed,
        exercises,
    } = super::orientation::progress(app, results);
    Labels {
        title: course.to_string(),
        progress: tr!(
            "lessons read {read}/{lessons} · exercises passed {passed}/{exercises}",
            "읽은 레슨 {read}/{lessons} · 통과한 연습 문제 {passed}/{exercises}"
        )
        .get(lang)
        .to_string(),
        lessons: tr!("Lessons", "레슨").get(lang).to_string(),
        exercises: tr!("Exercises", "연습 문제").get(lang).to_string(),
        keys: tr!(
            "↑↓/jk move · Enter open · c check · h hint · e edit · / search · q quit",
            "↑↓/jk 이동 · Enter 열기 · c 확인 · h 힌트 · e 편집 · / 검색 · q 끝내기"
        )
        .get(lang)
        .to_string(),
        keys_no_edit: tr!(
            "↑↓/jk move · Enter open · c check · h hint · / search · q quit",
            "↑↓/jk 이동 · Enter 열기 · c 확인 · h 힌트 · / 검색 · q 끝내기"
        )
        .get(lang)
        .to_string(),
        hit_keys: tr!(
            "↑↓ move · Enter read at the match · Esc back",
            "↑↓ 이동 · Enter 찾은 곳부터 읽기 · Esc 돌아가기"
        )
        .get(lang)
        .to_string(),
        panel_keys: tr!("d/u scroll", "d/u 위아래로 넘기기")
            .get(lang)
            .to_string(),
        no_exercise: tr!(
            "c, h and e work on an exercise: move down to one",
            "c, h, e는 연습 문제에서 씁니다. 아래로 내려가 연습 문제를 고르십시오"
        )
        .get(lang)
        .to_string(),
        ascii: app.term.ascii,
        color: app.term.color,
    }
}

/// A check's result for the panel: the verdict, then each problem with its fix.
fn detail(app: &App, r: &ExerciseResult) -> Detail {
    let lang = app.lang;
    let title = exercise_title(app, &r.id);
    let (word, style) = match r.status {
        Status::Pass => (tr!("PASS", "통과"), Style::Pass),
        Status::Skip => (tr!("SKIP", "건너뜀"), Style::Skip),
        Status::Fail => (tr!("FAIL", "실패"), Style::Fail),
        Status::Error => (tr!("ERROR", "오류"), Style::Fail),
    };
    let arrow = if app.term.ascii { "->" } else { "→" };
    let mut lines = Vec::new();
    // The findings as the report has them in this language, grouped by the function
    // `course check` and `course next` lay them out with: findings of one code that read as
    // a group are one problem with their items under it (issue 9: nine packages without a
    // comment were nine problems here and one in `course check`).
    let report = Report::build(&app.course, "", std::slice::from_ref(r), lang);
    let findings = &report.exercises[0].findings;
    let (mut shown_groups, mut shown_hints) = (Vec::new(), Vec::new());
    for f in findings.iter().filter(|f| f.status >= Status::Skip) {
        if r.status == Status::Pass && f.status == Status::Skip {
            continue;
        }
        let Some((one, items)) = as_problem(f, findings, &mut shown_groups) else {
            continue;
        };
        lines.push(one.located());
        lines.extend(items.iter().map(|item| format!("    - {item}")));
        let Some(mut hint) = one.hint else {
            continue;
        };
        // The same fix twice (two problems of one file with one cure) is written once, as
        // in `course check`.
        if shown_hints.contains(&hint) {
            hint = tr!("the same fix as above", "위와 같은 방법으로 고치십시오")
                .get(lang)
                .to_string();
        } else {
            shown_hints.push(hint.clone());
        }
        // One arrow for the fix; its later lines (a YAML example) keep their indentation.
        for (k, l) in hint.lines().enumerate() {
            let lead = if k == 0 {
                format!("  {arrow} ")
            } else {
                "    ".into()
            };
            lines.push(format!("{lead}{l}"));
        }
    }
    Detail {
        title: format!("{}: {title} ({})", word.get(lang), r.id),
        style,
        lines,
    }
}

/// Markdown as plain logical lines (the panel wraps them to the width when drawing).
fn markdown_lines(markdown: &str, app: &App) -> Vec<String> {
    let opts = RenderOptions {
        width: 400,
        color: false,
        hyperlinks: false,
        ascii: app.term.ascii,
        records: app.term.accessible.is_on(),
    };
    render(markdown, &opts)
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// Search every lesson (in the learner's language) for `query`, case-insensitively.
fn search(app: &App, home: &mut Home, query: String) {
    let lang = app.lang;
    let needle = query.to_lowercase();
    let hits: Vec<Hit> = app
        .course
        .lessons
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let (body, _) = l.body.resolve(lang)?;
            let lines = markdown_lines(body, app);
            let mut found = lines
                .iter()
                .filter(|line| line.to_lowercase().contains(&needle));
            // A table row is shown without its borders.
            let first = found
                .next()?
                .trim()
                .trim_matches(['│', '|', ' '])
                .to_string();
            Some(Hit {
                lesson: i,
                title: l.title.get(lang).to_string(),
                line: first,
                count: 1 + found.count(),
            })
        })
        .collect();
    if hits.is_empty() {
        home.set_message(
            tr!(
                "No lesson holds “{query}”",
                "「{query}」: 나오는 레슨이 없습니다"
            )
            .get(lang),
        );
        return;
    }
    let n = hits.len();
    let heading = tr!(
        "“{query}” in {n} lesson(s) (matching lines in brackets):",
        "「{query}」: 레슨 {n}개에 나옵니다 (괄호 안은 나오는 줄 수):"
    )
    .get(lang)
    .to_string();
    home.show_hits(query, heading, hits);
}

fn draw(out: &mut impl Write, home: &Home, app: &App) -> io::Result<()> {
    let paint = |style: Style, text: &str| app.term.paint(style, text);
    let lines = home.lines(&paint);
    for (row, line) in lines.iter().enumerate() {
        queue!(out, cursor::MoveTo(0, row as u16))?;
        out.write_all(line.as_bytes())?;
        queue!(out, terminal::Clear(terminal::ClearType::UntilNewLine))?;
    }
    queue!(out, terminal::Clear(terminal::ClearType::FromCursorDown))?;
    out.flush()
}
