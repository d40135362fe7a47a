//! `course validate` proves that what a learner is told to copy passes the exercise: the
//! example blocks of lessons, prompts and hints ([`crate::course::examples`]) are built into
//! one workspace per exercise, example set and language, which must pass.
//!
//! An example set `NAME` of exercise `ID` in one language is: the files of
//! `exercises/ID/fixtures/examples/NAME/` (if that folder exists), then the `file=` blocks,
//! then that folder's `setup.sh`, then the `run` blocks, in reading order (lessons in course
//! order, then the exercise's prompt, then its hints).

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::validate::{build_workspace, check_workspace, sort_runs, FixtureRun, Problem};
use crate::checks::Status;
use crate::course::examples::{examples, Action, Example};
use crate::course::Course;
use crate::i18n::Lang;

/// Where example sets keep the rest of their workspace.
const EXAMPLES_DIR: &str = "fixtures/examples";

/// One block placed in a set, with where it was written (for messages).
struct Placed {
    at: String,
    example: Example,
}

/// (exercise id, set name, language) -> its blocks in reading order.
type Sets = BTreeMap<(String, String, &'static str), Vec<Placed>>;

/// Check every example set of the course; problems for malformed declarations, sets missing
/// in a language, and example folders no block uses. Each set that could be built is a run
/// expected to pass.
pub fn run_all(course: &Course, run: bool, problems: &mut Vec<Problem>) -> Vec<FixtureRun> {
    let sets = collect(course, problems);
    check_coverage(course, &sets, problems);
    if !run {
        return Vec::new();
    }
    let runs = sets
        .par_iter()
        .map(|((id, name, lang), blocks)| run_set(course, id, name, lang, blocks))
        .collect();
    sort_runs(runs, problems)
}

/// Every text a learner reads, in reading order: (where, its own exercise, default set, text).
fn sources(course: &Course, lang: Lang) -> Vec<(String, Option<&str>, &'static str, &str)> {
    let mut out = Vec::new();
    for lesson in &course.lessons {
        if let Some(body) = lesson.body.slot(lang) {
            out.push((
                course.files.display(&lesson.path(lang)),
                None,
                "lesson",
                body.as_str(),
            ));
        }
    }
    for ex in &course.exercises {
        let file = course.files.display(&ex.path());
        let own = Some(ex.id.as_str());
        let texts = std::iter::once(("prompt".to_string(), &ex.prompt, "prompt")).chain(
            ex.hints
                .iter()
                .enumerate()
                .map(|(i, hint)| (format!("hints[{i}]"), hint, "hint")),
        );
        for (what, text, set) in texts {
            if let Some(text) = text.slot(lang) {
                out.push((format!("{file} ({what}, {lang})"), own, set, text.as_str()));
            }
        }
    }
    out
}

fn collect(course: &Course, problems: &mut Vec<Problem>) -> Sets {
    let mut sets = Sets::new();
    for lang in Lang::ALL {
        for (at, own, default_set, text) in sources(course, lang) {
            for found in examples(text) {
                let example = match found {
                    Ok(example) => example,
                    Err(bad) => {
                        problems.push(Problem {
                            file: at.clone(),
                            line: Some(bad.line),
                            message: bad.message,
                        });
                        continue;
                    }
                };
                let ids: Vec<String> = match (&example.exercises[..], own) {
                    ([], Some(own)) => vec![own.to_string()],
                    ([], None) => {
                        problems.push(Problem {
                            file: at.clone(),
                            line: Some(example.line),
                            message: "an example block in a lesson must say which exercise it belongs to: exercise=ID".into(),
                        });
                        continue;
                    }
                    (ids, _) => ids.to_vec(),
                };
                let set = example.fixture.clone().unwrap_or(default_set.to_string());
                for id in ids {
                    if course.exercise(&id).is_none() {
                        problems.push(Problem {
                            file: at.clone(),
                            line: Some(example.line),
                            message: format!(
                                "`exercise={id}`: there is no exercise `{id}` in course.yaml"
                            ),
                        });
                        continue;
                    }
                    let blocks = sets.entry((id, set.clone(), lang.code())).or_default();
                    if let Action::File(path) = &example.action {
                        let twice = blocks.iter().find(|b| b.example.action == example.action);
                        if let Some(first) = twice {
                            problems.push(Problem {
                                file: at.clone(),
                                line: Some(example.line),
                                message: format!(
                                    "`file={path}` is already given by {}:{} in example set `{set}`; give this block another fixture=NAME",
                                    first.at, first.example.line
                                ),
                            });
                            continue;
                        }
                    }
                    blocks.push(Placed {
                        at: at.clone(),
                        example: example.clone(),
                    });
                }
            }
        }
    }
    sets
}

/// Every set exists in every language the course claims, and every examples folder is used.
fn check_coverage(course: &Course, sets: &Sets, problems: &mut Vec<Problem>) {
    let names: std::collections::BTreeSet<(&str, &str)> = sets
        .keys()
        .map(|(id, name, _)| (id.as_str(), name.as_str()))
        .collect();
    for &(id, name) in &names {
        for &lang in &course.languages {
            if !sets.contains_key(&(id.to_string(), name.to_string(), lang.code())) {
                problems.push(Problem {
                    file: course.files.display(&format!("lessons/{}", lang.code())),
                    line: None,
                    message: format!(
                        "example set `{name}` of exercise `{id}` has blocks in another language but none in `{}`; the same examples belong in every language",
                        lang.code()
                    ),
                });
            }
        }
    }
    for ex in &course.exercises {
        let prefix = format!("exercises/{}/{EXAMPLES_DIR}", ex.id);
        let mut folders: Vec<&str> = course
            .files
            .under(&prefix)
            .filter_map(|(path, _)| path[prefix.len() + 1..].split('/').next())
            .collect();
        folders.dedup();
        for name in folders {
            if !names.contains(&(ex.id.as_str(), name)) {
                problems.push(Problem {
                    file: course.files.display(&format!("{prefix}/{name}")),
                    line: None,
                    message: format!(
                        "no example block belongs to set `{name}`; declare one with fixture={name} exercise={}, or remove the folder",
                        ex.id
                    ),
                });
            }
        }
    }
}

fn run_set(
    course: &Course,
    id: &str,
    name: &str,
    lang: &str,
    blocks: &[Placed],
) -> Result<FixtureRun, Problem> {
    let dir = format!("exercises/{id}/{EXAMPLES_DIR}/{name}");
    let folder = course
        .files
        .under(&dir)
        .next()
        .is_some()
        .then_some(dir.as_str());
    let mut files = Vec::new();
    let mut scripts = Vec::new();
    for b in blocks {
        match &b.example.action {
            Action::File(path) => files.push((path.clone(), b.example.text.clone())),
            Action::Run(shell) => scripts.push((*shell, b.example.text.clone())),
        }
    }
    let label = format!("{dir} ({lang})");
    let from: Vec<String> = blocks
        .iter()
        .map(|b| format!("from {}:{}", b.at, b.example.line))
        .collect();
    let tmp = build_workspace(course, folder, &files, &scripts).map_err(|e| Problem {
        file: String::new(),
        line: None,
        message: format!(
            "{label}: the examples could not be built: {e}\n    {}",
            from.join("\n    ")
        ),
    })?;
    let (got, mut detail) = check_workspace(course, id, &tmp.path().join("workspace"));
    if got != Status::Pass {
        // Say which blocks a learner copied, so the author knows what to fix.
        detail.extend(from);
    }
    Ok(FixtureRun {
        fixture: label,
        expected: Status::Pass,
        got,
        detail,
    })
}
