//! `course next`: the single next thing to do, and the exact command to type after it.

use anyhow::Result;

use crate::app::App;
use crate::checks::Status;
use crate::exit::Code;
use crate::grading::{next_step, ExerciseResult, Step};
use crate::render::render;
use crate::report::located;
use crate::terminal::{Style, Term};
use crate::tr;

pub fn run(app: &mut App) -> Result<Code> {
    if !app.keeps_progress() {
        // Without a workspace there is no progress to follow, and showing lesson 1 every time
        // would be a loop: say how to start, and how to read without a workspace.
        let total = app.course.lessons.len();
        if let Some(ws) = &app.workspace {
            let dir = ws.root.display().to_string();
            let msg = tr!(
                "{dir} is not a course workspace yet (no .course/), so progress cannot be saved. Make it one: course init {dir}",
                "{dir} 폴더는 아직 코스 작업 폴더가 아니어서 (.course/ 없음) 진행 상황을 저장할 수 없습니다. 작업 폴더로 만들려면: course init {dir}"
            );
            app.term.say(&format!("{}\n", msg.get(app.lang)))?;
            return Ok(Code::Ok);
        }
        let msg = tr!(
            "Not in a course workspace, so there is no progress to follow. To start:\n\n  mkdir my-vla-project && cd my-vla-project\n  course init && course next\n\nOr just read, without saving progress: course lesson 1 (lessons 1 to {total}).",
            "코스 작업 폴더가 아니어서 따라갈 진행 상황이 없습니다. 시작하려면:\n\n  mkdir my-vla-project && cd my-vla-project\n  course init && course next\n\n진행 상황 없이 읽기만 하려면: course lesson 1 (레슨 1부터 {total}까지)"
        );
        app.term.say(&format!("{}\n", msg.get(app.lang)))?;
        return Ok(Code::Ok);
    }
    let results = app.check_exercises(&[])?;
    let lang = app.lang;
    match next_step(&app.course, &app.state, &results) {
        Step::Lesson(i) => {
            super::lesson::fallback_note(app, i);
            super::lesson::mark_read(app, i)?;
            app.term
                .show(|term| super::lesson::lesson_page(app, term, i))?;
        }
        Step::Exercise(i) => {
            let shown = app.course.exercises[i].id.clone();
            app.mark_tried([shown.as_str()])?;
            let result = results.iter().find(|r| r.id == shown);
            app.term.show(|term| exercise_page(app, term, i, result))?;
        }
        Step::Done => {
            let msg = tr!(
                "All lessons read and every exercise passes. Well done!\nHanding your repository in? Commit everything first: `git status` should say \"nothing to commit\" (an instructor grades what is committed, not what is in your folder).\nReview any lesson with `course lesson N`, or see everything with `course list`.",
                "모든 레슨을 읽었고 모든 연습 문제를 통과했습니다. 수고했습니다!\n저장소를 제출한다면 먼저 모두 커밋하십시오: `git status`가 \"nothing to commit\"이라고 해야 합니다 (채점은 폴더가 아니라 커밋된 내용으로 합니다).\n`course lesson N`으로 레슨을 다시 보거나 `course list`로 전체를 보십시오."
            );
            app.term
                .say(&(app.term.paint(Style::Pass, msg.get(lang)) + "\n"))?;
        }
    }
    Ok(Code::Ok)
}

/// The exercise with its prompt, what is still wrong, and the commands to type, for `term`'s
/// width.
pub fn exercise_page(app: &App, term: &Term, i: usize, result: Option<&ExerciseResult>) -> String {
    let lang = app.lang;
    let e = &app.course.exercises[i];
    let id = &e.id;
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
        for f in r.findings.iter().filter(|f| f.status >= Status::Fail) {
            let text = located(f.file.as_deref(), f.line, f.names_file, f.message.get(lang));
            // Wrapped by `Term::show` under the text after the mark.
            let text = text.replace('\n', "\n    ");
            out.push_str(&format!(
                "  {} {}\n",
                term.paint(Style::Fail, "x"),
                term.code(&text)
            ));
        }
    }
    out.push('\n');
    out.push_str(
        &term.paint(
            Style::Bold,
            tr!(
                "When done: course check {id}   (stuck? course hint {id}; later: course skip)",
                "다 했으면: course check {id}   (막히면: course hint {id}, 나중에 하려면: course skip)"
            )
            .get(lang),
        ),
    );
    out.push('\n');
    out
}
