//! `course check [EXERCISE...]`: verify exercises in the workspace, in any report format
//! `course grade` has (`--format text|json|junit|gradescope|classroom50|github|csv`).

use std::path::Path;

use anyhow::{Context, Result};

use crate::app::App;
use crate::cli::CheckArgs;
use crate::exit::{usage, Code};
use crate::fs::write_atomic;
use crate::i18n::Tr;
use crate::report::format::{Format, Settings};
use crate::report::{step_summary, Report};
use crate::terminal::Term;
use crate::tr;

pub fn run(app: &mut App, args: &CheckArgs) -> Result<Code> {
    known_exercises(app, &args.exercises)?;
    let results = app.check_exercises(&args.exercises)?;
    app.mark_tried(args.exercises.iter().map(String::as_str))?;
    let ws = app.require_workspace()?;
    let report = Report::build(
        &app.course,
        &ws.root.display().to_string(),
        &results,
        app.lang,
    );
    deliver(app, args.format, &report, None, true)?;
    warn_outside_environment(app, &ws.root, &results);
    Ok(report.exit_code())
}

/// A note on stderr when an environment exercise passed with an environment outside the
/// workspace (`$VIRTUAL_ENV`, `$CONDA_PREFIX`, a named conda environment): `course check`
/// accepts it, but `course grade` looks only inside the submission and will not see it.
fn warn_outside_environment(app: &App, root: &Path, results: &[crate::grading::ExerciseResult]) {
    let passed_env = results.iter().any(|r| {
        r.status == crate::checks::Status::Pass
            && app.course.exercise(&r.id).is_some_and(|e| {
                e.checks
                    .iter()
                    .any(|c| matches!(c, crate::checks::Check::PythonEnv(_)))
            })
    });
    if !passed_env {
        return;
    }
    let crate::python::EnvLookup::Found(env) = crate::python::find_environment(root) else {
        return;
    };
    if crate::fs::stays_inside(root, &env.dir) {
        return;
    }
    let label = env.label(root);
    app.term.note(
        tr!(
            "note: the environment that passed is {label}, outside the workspace; `course grade` looks only inside the submission and will not see it. Make one in the workspace (`python3 -m venv .venv`) and install from requirements.txt if this is graded",
            "참고: 통과한 환경은 작업 폴더 밖의 {label}입니다. `course grade`는 제출물 안만 보므로 이 환경을 보지 못합니다. 채점을 받는다면 작업 폴더 안에 환경을 만들고(`python3 -m venv .venv`) requirements.txt로 설치하십시오"
        )
        .get(app.lang),
    );
}

/// Print `report` in `format` to `output` (atomically) or stdout (text through the pager on
/// a terminal), and append the GitHub job summary to `$GITHUB_STEP_SUMMARY` when it is set.
/// `learner`: the text ends with the next command to type.
pub fn deliver(
    app: &App,
    format: Format,
    report: &Report,
    output: Option<&Path>,
    learner: bool,
) -> Result<()> {
    // A file gets no colour codes, whatever the terminal can show.
    let plain = Term {
        color: false,
        ..Term::plain(app.term.width)
    };
    let term = if output.is_some() { &plain } else { &app.term };
    let settings = Settings {
        lang: app.lang,
        term,
        learner,
    };
    let printed = format.printer(settings).print(report);
    if let Some(summary) = &printed.step_summary {
        step_summary::append_to_env(summary, app.lang)?;
    }
    match output {
        Some(path) => write_atomic(path, printed.document.as_bytes())?,
        None if format.is_for_people() => app.term.show(|term| {
            if term.width == app.term.width {
                printed.document.clone()
            } else {
                let settings = Settings {
                    lang: app.lang,
                    term,
                    learner,
                };
                format.printer(settings).print(report).document
            }
        })?,
        None => crate::terminal::print(&printed.document).context("cannot write to stdout")?,
    }
    Ok(())
}

/// The exercise a command is about: the one named, else the one `course next` is on.
pub enum Target {
    Named(String),
    Current(String),
    /// `course next` is on a lesson or done; the results of every exercise, checked now.
    NoneCurrent(Vec<crate::grading::ExerciseResult>),
}

pub fn target(app: &App, named: Option<&String>) -> Result<Target> {
    if let Some(id) = named {
        known_exercises(app, std::slice::from_ref(id))?;
        return Ok(Target::Named(id.clone()));
    }
    let results = app.check_exercises(&[])?;
    Ok(
        match crate::grading::next_step(&app.course, &app.state, &results) {
            crate::grading::Step::Exercise(i) => {
                Target::Current(app.course.exercises[i].id.clone())
            }
            _ => Target::NoneCurrent(results),
        },
    )
}

/// The exercise a learner means without naming one more precisely: the one named, else the
/// one `course next` is on, else the first in the course that does not pass (`None` when all
/// do). `course hint` and `course edit` use it.
pub fn open_target(app: &App, named: Option<&String>) -> Result<Option<String>> {
    Ok(match target(app, named)? {
        Target::Named(id) | Target::Current(id) => Some(id),
        Target::NoneCurrent(results) => app
            .course
            .exercises
            .iter()
            .find(|e| {
                results
                    .iter()
                    .any(|r| r.id == e.id && r.status != crate::checks::Status::Pass)
            })
            .map(|e| e.id.clone()),
    })
}

/// Fail with the list of valid ids when any of `ids` is not an exercise of the course.
pub fn known_exercises(app: &App, ids: &[String]) -> Result<()> {
    for id in ids {
        if app.course.exercise(id).is_none() {
            let ids: Vec<&str> = app.course.exercises.iter().map(|e| e.id.as_str()).collect();
            let known = ids.join(", ");
            let guess = did_you_mean(id, &ids);
            let guess = guess.get(app.lang);
            return Err(usage(
                tr!(
                    "unknown exercise `{id}`{guess}; exercises are: {known}",
                    "`{id}`라는 연습 문제는 없습니다{guess}. 연습 문제: {known}"
                )
                .get(app.lang)
                .to_string(),
            ));
        }
    }
    Ok(())
}

/// ` (did you mean `x`?)` for the one candidate close to `typed`, else nothing.
pub fn did_you_mean(typed: &str, candidates: &[&str]) -> Tr {
    match closest(typed, candidates) {
        Some(g) => tr!(" (did you mean `{g}`?)", " (`{g}`를 찾으셨습니까?)"),
        None => Tr::same(""),
    }
}

/// The candidate within two edits of `typed` (a typo), if exactly one is closest.
pub fn closest<'a>(typed: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .map(|c| (edit_distance(typed, c), *c))
        .filter(|(d, _)| *d <= 2)
        .collect();
    scored.sort();
    match scored.as_slice() {
        [(d, best), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => Some(best),
        _ => None,
    }
}

/// Levenshtein distance by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_exercise() {
        let ids = ["environment", "requirements", "structure", "git-workflow"];
        assert_eq!(closest("envirnoment", &ids), Some("environment"));
        assert_eq!(closest("requirement", &ids), Some("requirements"));
        assert_eq!(closest("pip", &ids), None);
    }
}
