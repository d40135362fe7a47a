//! `course check [EXERCISE...]`: verify exercises in the workspace.

use anyhow::Result;

use crate::app::App;
use crate::cli::{CheckArgs, ListFormat};
use crate::exit::{usage, Code};
use crate::i18n::Tr;
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
            let ids: Vec<&str> = app.course.exercises.iter().map(|e| e.id.as_str()).collect();
            let known = ids.join(", ");
            let guess = match closest(id, &ids) {
                Some(g) => tr!(" (did you mean `{g}`?)", " (`{g}` 를 찾으셨나요?)"),
                None => Tr::same(""),
            };
            let guess = guess.get(app.lang);
            return Err(usage(
                tr!(
                    "unknown exercise `{id}`{guess}; exercises are: {known}",
                    "`{id}` 라는 연습 문제는 없습니다{guess}. 연습 문제: {known}"
                )
                .get(app.lang)
                .to_string(),
            ));
        }
    }
    Ok(())
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
