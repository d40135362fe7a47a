//! `course hint [EXERCISE]`: one more hint each time it is asked.

use anyhow::Result;

use super::check::open_target;
use crate::app::App;
use crate::cli::HintArgs;
use crate::exit::Code;
use crate::render::render;
use crate::terminal::Style;
use crate::tr;

pub fn run(app: &mut App, args: &HintArgs) -> Result<Code> {
    let Some(id) = open_target(app, args.exercise.as_ref())? else {
        app.term.say(
            &(tr!(
                "Every exercise passes; no hint needed.",
                "모든 연습 문제를 통과했습니다. 힌트가 필요 없습니다."
            )
            .get(app.lang)
            .to_string()
                + "\n"),
        )?;
        return Ok(Code::Ok);
    };
    let exercise = app.course.exercise(&id).expect("checked above").clone();
    app.state.tried.insert(id.clone());
    let total = exercise.hints.len();
    if total == 0 {
        app.term.say(
            &(tr!("`{id}` has no hints.", "`{id}`에는 힌트가 없습니다.")
                .get(app.lang)
                .to_string()
                + "\n"),
        )?;
        return Ok(Code::Ok);
    }
    let shown = app.state.hints_shown.get(&id).copied().unwrap_or(0);
    let index = shown.min(total - 1);
    let n = index + 1;
    let title = exercise.title.get(app.lang);
    let more = if n < total {
        tr!(
            "Another hint: course hint {id}",
            "힌트 더 보기: course hint {id}"
        )
    } else {
        tr!(
            "That was the last hint. Check your work: course check {id}",
            "마지막 힌트였습니다. 확인하기: course check {id}"
        )
    };
    let page = |term: &crate::terminal::Term| {
        let mut out = term.paint(
            Style::Heading,
            tr!("Hint {n}/{total} · {title}", "힌트 {n}/{total} · {title}").get(app.lang),
        );
        out.push_str("\n\n");
        out.push_str(&render(
            exercise.hints[index].get(app.lang),
            &term.render_options(),
        ));
        out.push('\n');
        out.push_str(&term.paint(Style::Dim, more.get(app.lang)));
        out.push('\n');
        out
    };
    app.state
        .hints_shown
        .insert(id.clone(), shown.saturating_add(1).min(total));
    app.save_state()?;
    app.term.show(page)?;
    Ok(Code::Ok)
}
