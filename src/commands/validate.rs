//! `course validate [DIR]`: author checks on a course folder (default: the built-in course).
//!
//! Exit codes: 0 the course is valid, 1 problems were found, 2 the folder is not a course.

use anyhow::Result;

use crate::cli::{GlobalArgs, ValidateArgs};
use crate::course::{embedded, CourseFiles};
use crate::exit::Code;
use crate::grading::validate::validate;
use crate::terminal::Style;

pub fn run(global: &GlobalArgs, args: &ValidateArgs) -> Result<Code> {
    if let Some(ws) = &global.workspace {
        let ws = ws.display();
        return Err(crate::exit::usage(
            crate::tr!(
                "--workspace {ws}: `course validate` checks a course, not a workspace; give the course folder: course validate DIR",
                "--workspace {ws}: `course validate`는 작업 폴더가 아니라 코스를 검사합니다. 코스 폴더를 주십시오: course validate DIR"
            )
            .get(crate::exit::run_lang())
            .to_string(),
        ));
    }
    let files = match args.dir.as_ref().or(global.course.as_ref()) {
        Some(dir) => CourseFiles::from_dir(dir)?,
        None => embedded::files(),
    };
    let term = global.term();
    let result = validate(files, !args.no_fixtures);
    // Problems quote file names and a fixture's own stderr: no raw control characters.
    let shown = crate::escape::visible;
    for p in &result.problems {
        let p = shown(&p.to_string());
        term.say(&(format!("{} {p}", term.paint(Style::Fail, "problem:")) + "\n"))?;
    }
    for run in &result.fixtures {
        let expected = if run.expected == crate::checks::Status::Pass {
            "pass"
        } else {
            "fail"
        };
        if run.ok() {
            term.say(
                &(format!(
                    "{} {} ({expected}, as it should)",
                    term.paint(Style::Pass, "ok:"),
                    shown(&run.fixture)
                ) + "\n"),
            )?;
        } else {
            term.say(
                &(format!(
                    "{} {}: should {expected} but got {:?}",
                    term.paint(Style::Fail, "problem:"),
                    shown(&run.fixture),
                    run.got
                ) + "\n"),
            )?;
            for d in &run.detail {
                let d = shown(d);
                term.say(&(format!("    {d}") + "\n"))?;
            }
        }
    }
    let bad = result.problems.len() + result.fixtures.iter().filter(|r| !r.ok()).count();
    if bad == 0 {
        term.say(
            &(format!(
                "{} ({} ran)",
                term.paint(Style::Pass, "course is valid"),
                crate::i18n::count(result.fixtures.len(), "fixture", "fixtures")
            ) + "\n"),
        )?;
        Ok(Code::Ok)
    } else {
        term.say(
            &(term
                .paint(
                    Style::Fail,
                    &format!("{} found", crate::i18n::count(bad, "problem", "problems")),
                )
                .to_string()
                + "\n"),
        )?;
        Ok(Code::Failed)
    }
}
