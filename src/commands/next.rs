//! `course next`: the single next thing to do, and the exact command to type after it.

use anyhow::Result;

use crate::app::App;
use crate::checks::Status;
use crate::exit::Code;
use crate::grading::{next_step, skip_moves_on, ExerciseResult, Step};
use crate::i18n::Tr;
use crate::render::render;
use crate::report::text::as_problem;
use crate::report::Report;
use crate::terminal::{Style, Term};
use crate::tr;

pub fn run(app: &mut App) -> Result<Code> {
    if !app.keeps_progress() {
        // Without a workspace there is no progress to follow, and showing lesson 1 every time
        // would be a loop: say how to start, and how to read without a workspace.
        if let Some(ws) = &app.workspace {
            let dir = ws.root.display().to_string();
            let q = crate::escape::shell_word(&dir);
            let msg = tr!(
                "{dir} is not a course workspace yet (no .course/), so progress cannot be saved. Make it one: course init {q}",
                "{dir} 폴더는 아직 코스 작업 폴더가 아니어서 (.course/ 없음) 진행 상황을 저장할 수 없습니다. 작업 폴더로 만들려면: course init {q}"
            );
            app.term.say(&format!("{}\n", msg.get(app.lang)))?;
            return Ok(Code::Ok);
        }
        let msg = super::orientation::how_to_start(app);
        app.term.say(&format!("{}\n", msg.get(app.lang)))?;
        return Ok(Code::Ok);
    }
    let results = app.check_exercises(&[])?;
    let lang = app.lang;
    match next_step(&app.course, &app.state, &results) {
        Step::Lesson(i) => {
            super::lesson::fallback_note(app, i);
            super::lesson::mark_read(app, i)?;
            let then = next_step(&app.course, &app.state, &results);
            app.term
                .show(|term| super::lesson::lesson_page(app, term, i, Some(then), &results))?;
        }
        Step::Exercise(i) => {
            let shown = app.course.exercises[i].id.clone();
            app.mark_tried([shown.as_str()])?;
            app.term
                .show(|term| exercise_page(app, term, i, &results))?;
        }
        Step::Done => {
            let msg = tr!(
                "All lessons read and every exercise passes. Well done!\nHanding your repository in? Commit everything first: `git status` should say \"nothing to commit\" (an instructor grades what is committed, not what is in your folder).\nReview any lesson with `course lesson N`, or see everything with `course list`.",
                "모든 레슨을 읽었고 모든 연습 문제를 통과했습니다. 수고하셨습니다!\n저장소를 제출한다면 먼저 모두 커밋하십시오: `git status`가 \"nothing to commit\"이라고 해야 합니다 (채점은 폴더가 아니라 커밋된 내용으로 합니다).\n`course lesson N`으로 레슨을 다시 보거나 `course list`로 전체를 보십시오."
            );
            app.term
                .say(&(app.term.paint(Style::Pass, msg.get(lang)) + "\n"))?;
        }
    }
    Ok(Code::Ok)
}

/// `Next: course next`, and where it leads: `then`, what `course next` shows now. Naming the
/// destination keeps two pages in a row from ending in the same words.
pub fn pointer(app: &App, then: Step) -> Tr {
    let lang = app.lang;
    match then {
        Step::Lesson(k) => {
            let (title, total) = (
                app.course.lessons[k].title.get(lang),
                app.course.lessons.len(),
            );
            let k = k + 1;
            tr!(
                "Next: course next   (lesson {k}/{total}, {title})",
                "다음: course next   (레슨 {k}/{total} 「{title}」)"
            )
        }
        Step::Exercise(e) => {
            let title = app.course.exercises[e].title.get(lang);
            tr!(
                "Next: course next   (exercise: {title})",
                "다음: course next   (연습 문제 「{title}」)"
            )
        }
        Step::Done => tr!(
            "Next: course next   (everything is done; it says what to check before handing in)",
            "다음: course next   (모두 끝났습니다. 제출하기 전에 확인할 것을 알려 줍니다)"
        ),
    }
}

/// The exercise with its prompt, what is still wrong, and the commands to type, for `term`'s
/// width; `results` are every exercise's, checked now.
pub fn exercise_page(app: &App, term: &Term, i: usize, results: &[ExerciseResult]) -> String {
    let lang = app.lang;
    let e = &app.course.exercises[i];
    let result = results.iter().find(|r| r.id == e.id);
    let title = e.title.get(lang);
    let mut out = term.paint(
        Style::Heading,
        tr!("Exercise: {title}", "연습 문제: {title}").get(lang),
    );
    out.push_str("\n\n");
    out.push_str(&render(e.prompt.get(lang), &term.render_options()));
    if let Some(r) = result.filter(|r| r.findings.iter().any(|f| f.status >= Status::Fail)) {
        out.push('\n');
        out.push_str(&term.paint(Style::Bold, tr!("Still to fix:", "아직 고칠 것:").get(lang)));
        out.push('\n');
        // The findings as the report has them in this language, grouped by the function
        // `course check` lays them out with: findings of one code that read as a group are
        // one line with their items under it (nine packages without a comment: one sentence).
        let report = Report::build(&app.course, "", std::slice::from_ref(r), lang);
        let findings = &report.exercises[0].findings;
        let mut shown_groups = Vec::new();
        for f in findings.iter().filter(|f| f.status >= Status::Fail) {
            let Some((one, items)) = as_problem(f, findings, &mut shown_groups) else {
                continue;
            };
            // Wrapped by `Term::show` under the text after the mark.
            let text = one.located().replace('\n', "\n    ");
            out.push_str(&format!(
                "  {} {}\n",
                term.paint(Style::Fail, "x"),
                term.code(&text)
            ));
            for item in items {
                out.push_str(&format!("      - {}\n", term.paint(Style::Code, &item)));
            }
        }
    }
    out.push('\n');
    let footer = footer(app, i, results);
    out.push_str(&term.paint(Style::Bold, footer.get(lang)));
    out.push('\n');
    out
}

/// The commands to type under exercise `i`. `course skip` is offered only when it moves the
/// learner on: back on an exercise put aside, or on the last one left, `course next` would
/// lead straight back to it, so the footer says what is left instead.
fn footer(app: &App, i: usize, results: &[ExerciseResult]) -> Tr {
    // One command a line: on one line the footer wrapped inside a command at 60 columns
    // (`course hint` / `jupyter-vs-script`), which a learner cannot copy.
    let id = &app.course.exercises[i].id;
    if skip_moves_on(&app.course, &app.state, results, i) {
        return tr!(
            "When done: course check {id}\nStuck? course hint {id}\nLater: course skip {id}",
            "다 했으면: course check {id}\n막히면: course hint {id}\n나중에 하려면: course skip {id}"
        );
    }
    let left = results
        .iter()
        .filter(|r| &r.id != id && r.status != Status::Pass)
        .count();
    match left {
        0 => tr!(
            "When done: course check {id}\nStuck? course hint {id}\nThis is the last exercise left.",
            "다 했으면: course check {id}\n막히면: course hint {id}\n남은 연습 문제는 이것 하나입니다."
        ),
        1 => tr!(
            "When done: course check {id}\nStuck? course hint {id}\nOne more exercise is left after this one.",
            "다 했으면: course check {id}\n막히면: course hint {id}\n이 문제 뒤에 연습 문제가 1개 남아 있습니다."
        ),
        n => tr!(
            "When done: course check {id}\nStuck? course hint {id}\n{n} more exercises are left after this one.",
            "다 했으면: course check {id}\n막히면: course hint {id}\n이 문제 뒤에 연습 문제가 {n}개 남아 있습니다."
        ),
    }
}
