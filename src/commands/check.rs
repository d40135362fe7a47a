//! `course check [EXERCISE...]`: verify exercises in the workspace.

use anyhow::Result;

use crate::app::App;
use crate::cli::{CheckArgs, ListFormat};
use crate::exit::{usage, Code};
use crate::report::{json, text, Report};
use crate::tr;

pub fn run(app: &mut App, args: &CheckArgs) -> Result<Code> {
    known_exercises(app, &args.exercises)?;
    let results = app.check_exercises(&args.exercises)?;
    let ws = app.require_workspace()?;
    let report = Report::build(
        &app.course,
        &ws.root.display().to_string(),
        &results,
        app.lang,
    );
    let out = match args.format {
        ListFormat::Json => json::render(&report),
        ListFormat::Text => text::render(&report, &app.term, app.lang, true),
    };
    app.term.show(&out)?;
    Ok(report.exit_code())
}

/// Fail with the list of valid ids when any of `ids` is not an exercise of the course.
pub fn known_exercises(app: &App, ids: &[String]) -> Result<()> {
    for id in ids {
        if app.course.exercise(id).is_none() {
            let known: Vec<&str> = app.course.exercises.iter().map(|e| e.id.as_str()).collect();
            let known = known.join(", ");
            return Err(usage(
                tr!(
                    "unknown exercise `{id}`; exercises are: {known}",
                    "`{id}` 라는 연습 문제는 없습니다. 연습 문제: {known}"
                )
                .get(app.lang)
                .to_string(),
            ));
        }
    }
    Ok(())
}
