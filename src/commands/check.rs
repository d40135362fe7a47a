//! `course check [EXERCISE...]`: verify exercises in the workspace, in any report format
//! `course grade` has (`--format text|json|junit|gradescope|classroom50|github|csv`).

use std::path::Path;

use anyhow::Result;

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
    let focus = crate::grading::first_to_fix(&app.course, &app.state, &results);
    deliver(app, args.format, &report, None, Some(focus))?;
    warn_outside_environment(app, &ws.root, &results);
    if args.format.is_for_people() {
        warn_not_committed(app, &ws.root, &results);
    }
    Ok(report.exit_code())
}

/// Whether an exercise with a check that `is` passed in `results`.
fn passed_with(
    app: &App,
    results: &[crate::grading::ExerciseResult],
    is: impl Fn(&crate::checks::Check) -> bool,
) -> bool {
    results.iter().any(|r| {
        r.status == crate::checks::Status::Pass
            && app
                .course
                .exercise(&r.id)
                .is_some_and(|e| e.checks.iter().any(&is))
    })
}

/// A note on stderr when an environment exercise passed with an environment outside the
/// workspace (`$VIRTUAL_ENV`, `$CONDA_PREFIX`, a named conda environment): `course check`
/// accepts it, but `course grade` looks only inside the submission and will not see it.
fn warn_outside_environment(app: &App, root: &Path, results: &[crate::grading::ExerciseResult]) {
    if !passed_with(app, results, |c| {
        matches!(c, crate::checks::Check::PythonEnv(_))
    }) {
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

/// A note on stderr, once, when the git exercise passed and files the exercises need are
/// not committed: `course check` judges the folder, `course grade` (and the clone an
/// instructor grades) only what HEAD has, so the learner at 100/100 here got 20/100 there
/// (issue 9). The command is the one `course grade` gives (`grading::commit_once`).
fn warn_not_committed(app: &App, root: &Path, results: &[crate::grading::ExerciseResult]) {
    if !passed_with(app, results, |c| {
        matches!(c, crate::checks::Check::GitHistory(_))
    }) {
        return;
    }
    // As `course grade` sees it, without running anything from the workspace.
    let ctx = crate::checks::CheckContext::new(root, false, None).committed_only();
    let graded = crate::grading::batch::grade_workspace_with(&app.course, ctx);
    let words = crate::grading::not_committed_words(&graded);
    if words.is_empty() {
        return;
    }
    let commit = crate::grading::commit_all(&words);
    let text = tr!(
        "note: `course grade` (and an instructor grading a clone) counts only committed files, and files the exercises need are not committed yet. Commit them at once:\n{commit}",
        "참고: `course grade`로 채점하면(강사가 clone으로 채점할 때도) 커밋된 파일만 셉니다. 연습 문제에 필요한 파일이 아직 커밋되지 않았습니다. 한 번에 커밋하십시오:\n{commit}";
        commit = commit
    );
    let lines = crate::terminal::hint_lines(text.get(app.lang), "", "", app.term.width);
    app.term.note(&lines.join("\n"));
}

/// Print `report` in `format` to `output` (atomically) or stdout (text through the pager on
/// a terminal), and append the GitHub job summary to `$GITHUB_STEP_SUMMARY` when it is set.
/// `learner` (`Some`): the text ends with the next command to type, about the exercise given
/// when there is one.
pub fn deliver(
    app: &App,
    format: Format,
    report: &Report,
    output: Option<&Path>,
    learner: Option<Option<&str>>,
) -> Result<()> {
    let (focus, learner) = (learner.flatten(), learner.is_some());
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
        focus,
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
                    focus,
                };
                format.printer(settings).print(report).document
            }
        })?,
        None => crate::terminal::print_out(&printed.document)?,
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
            let mut text = tr!(
                "unknown exercise `{id}`{guess}; exercises are: {known}",
                "`{id}`라는 연습 문제는 없습니다{guess}. 연습 문제: {known}"
            );
            // `course check student-repo`: a folder, where exercise ids go (issue 9).
            if std::path::Path::new(id).is_dir() {
                let cli = <crate::cli::Cli as clap::CommandFactory>::command();
                let sub = std::env::args()
                    .skip(1)
                    .find(|a| cli.find_subcommand(a).is_some())
                    .unwrap_or_else(|| "check".into());
                let run = format!("course {sub} --workspace {id}");
                text.append(
                    "\n",
                    &tr!(
                        "To use that folder as the workspace: `{run}`",
                        "그 폴더를 작업 폴더로 쓰려면: `{run}`"
                    ),
                );
            }
            return Err(usage(text.get(app.lang).to_string()));
        }
    }
    Ok(())
}

/// ` (did you mean `x`?)` (or `x`, `y` or `z`) for the candidates close to `typed`, else
/// nothing.
pub fn did_you_mean(typed: &str, candidates: &[&str]) -> Tr {
    match closest(typed, candidates).as_slice() {
        [] => Tr::same(""),
        [g] => tr!(" (did you mean `{g}`?)", " (`{g}`를 찾으셨습니까?)"),
        [rest @ .., last] => {
            let rest = rest
                .iter()
                .map(|g| format!("`{g}`"))
                .collect::<Vec<_>>()
                .join(", ");
            tr!(
                " (did you mean {rest} or `{last}`?)",
                " ({rest}, `{last}` 중 하나를 찾으셨습니까?)"
            )
        }
    }
}

/// The candidates a learner may have meant by `typed`, closest first, at most three: those
/// within two edits (a typo), and those that contain it or that it contains (`env` for
/// `environments`, `git` for `git-workflow`; at least three letters, ignoring case).
pub fn closest<'a>(typed: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let lower = typed.to_lowercase();
    let scored: Vec<(usize, bool, &str)> = candidates
        .iter()
        .map(|c| {
            let c_lower = c.to_lowercase();
            let part = lower.chars().count() >= 3
                && (c_lower.contains(&lower) || lower.contains(&c_lower));
            (edit_distance(typed, c), part, *c)
        })
        .collect();
    // Of the typos, only the closest ones: `wip` means `pip`, not also `git` two edits away.
    let best = scored.iter().map(|(d, _, _)| *d).min().unwrap_or(0);
    let mut kept: Vec<(usize, &str)> = scored
        .into_iter()
        .filter(|(d, part, _)| *part || (*d <= 2 && *d == best))
        .map(|(d, _, c)| (d, c))
        .collect();
    kept.sort();
    kept.into_iter().take(3).map(|(_, c)| c).collect()
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
        assert_eq!(closest("envirnoment", &ids), ["environment"]);
        assert_eq!(closest("requirement", &ids), ["requirements"]);
        assert_eq!(closest("git", &ids), ["git-workflow"]);
        assert_eq!(closest("ENV", &ids), ["environment"]);
        assert!(closest("pip", &ids).is_empty());
        assert!(closest("xy", &ids).is_empty());
        let lessons = ["git", "jupyter", "pip", "why", "zip"];
        assert_eq!(closest("wip", &lessons), ["pip", "zip"]);
        // Two at the same distance: both are offered.
        assert_eq!(
            did_you_mean("wip", &lessons).get(crate::i18n::Lang::En),
            " (did you mean `pip` or `zip`?)"
        );
        assert_eq!(
            did_you_mean("wip", &lessons).get(crate::i18n::Lang::Ko),
            " (`pip`, `zip` 중 하나를 찾으셨습니까?)"
        );
    }
}
