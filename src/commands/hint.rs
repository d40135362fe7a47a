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
    let Some(hint) = take_hint(app, &id)? else {
        app.term.say(
            &(tr!("`{id}` has no hints.", "`{id}`에는 힌트가 없습니다.")
                .get(app.lang)
                .to_string()
                + "\n"),
        )?;
        return Ok(Code::Ok);
    };
    let page = |term: &crate::terminal::Term| {
        let mut out = term.paint(Style::Heading, &hint.heading);
        out.push_str("\n\n");
        out.push_str(&render(&hint.markdown, &term.render_options()));
        out.push('\n');
        out.push_str(&term.paint(Style::Dim, &hint.more));
        out.push('\n');
        out
    };
    app.term.show(page)?;
    Ok(Code::Ok)
}

/// One hint as shown: `Hint 2/3 · title`, its Markdown, and what to type next.
pub struct Hint {
    pub heading: String,
    pub markdown: String,
    pub more: String,
}

/// The next hint of exercise `id` (the last one again once all were shown), counted as seen
/// and saved; `None` when the exercise has no hints. `course hint` and `h` on the home screen.
pub fn take_hint(app: &mut App, id: &str) -> Result<Option<Hint>> {
    let exercise = app.course.exercise(id).expect("a known exercise").clone();
    app.state.tried.insert(id.to_string());
    let total = exercise.hints.len();
    if total == 0 {
        app.save_state()?;
        return Ok(None);
    }
    let shown = app.state.hints_shown.get(id).copied().unwrap_or(0);
    let index = shown.min(total - 1);
    let n = index + 1;
    let title = exercise.title.get(app.lang);
    let heading = tr!("Hint {n}/{total} · {title}", "힌트 {n}/{total} · {title}");
    // A footer names its command bare, after a label, as the page footers do (`Next: course
    // next`): no backticks when plain, nothing to tell apart from prose on a line of its own.
    let more = if n < total {
        tr!(
            "Another hint: course hint {id}",
            "힌트 더 보기: course hint {id}"
        )
    } else {
        tr!(
            "That was the last hint.\nCheck your work: course check {id}",
            "마지막 힌트였습니다.\n확인하기: course check {id}"
        )
    };
    app.state
        .hints_shown
        .insert(id.to_string(), shown.saturating_add(1).min(total));
    app.save_state()?;
    Ok(Some(Hint {
        heading: heading.get(app.lang).to_string(),
        markdown: exercise.hints[index].get(app.lang).to_string(),
        more: more.get(app.lang).to_string(),
    }))
}
