//! `course answer EXERCISE`: ask an exercise's multiple-choice questions and save the answer
//! file its `choices` check reads.
//!
//! On a terminal, each choice is picked with the arrow keys (or by typing a spelling or a
//! number) and the reason is typed with the arrow keys, Home, End and Backspace to edit it
//! (`terminal::line_input`; Esc cancels).
//! Without a terminal, stdin gives one line per choice, one per reason, then one for the
//! confirmation. Nothing is written before the learner has seen the file and said yes; the
//! answer file is the only file written, atomically.

use anyhow::Result;
mod asker;

use std::io::{BufRead, IsTerminal};

use crate::app::App;
use crate::checks::choices::{self, Answer, Params};
use crate::checks::Check;
use crate::cli::AnswerArgs;
use crate::course::Exercise;
use crate::exit::{usage, Code};
use crate::i18n::Tr;
use crate::terminal::Style;
use crate::tr;
use asker::{Asker, Stop};

pub fn run(app: &mut App, args: &AnswerArgs) -> Result<Code> {
    super::check::known_exercises(app, std::slice::from_ref(&args.exercise))?;
    let exercise = app
        .course
        .exercise(&args.exercise)
        .expect("checked above")
        .clone();
    let id = exercise.id.as_str();
    let Some(params) = choices_of(&exercise) else {
        return Err(no_questions(app, id));
    };
    let problems = params.problems();
    if !problems.is_empty() {
        let (file, problems) = (
            app.course.files.display(&exercise.path()),
            problems.join("; "),
        );
        return Err(usage(
            tr!(
                "{file}: the `choices` check is broken: {problems}",
                "{file}: `choices` 검사가 잘못 적혀 있습니다: {problems}"
            )
            .get(app.lang),
        ));
    }
    let root = app.require_workspace()?.root.clone();
    app.mark_tried([id])?;
    let rel = params.file.replace('\\', "/");
    let path = choices::target(&root, &rel).map_err(|why| usage(why.get(app.lang)))?;
    let existing = std::fs::read(&path).ok();
    let defaults = defaults(params, existing.as_deref());

    let stdin = std::io::stdin();
    let interactive = stdin.is_terminal();
    // Arrow-key menus only where interactive screens are allowed (not in accessible mode,
    // which `TERM=dumb` implies): otherwise the questions are asked line by line.
    let arrows = interactive && app.term.interactive();
    let mut asker = Asker {
        input: stdin.lock(),
        interactive,
        arrows,
        lang: app.lang,
        term: &app.term,
    };
    match interview(
        &mut asker,
        &exercise,
        params,
        &defaults,
        &rel,
        existing.is_some(),
    ) {
        Ok(Some(text)) => {
            choices::save(&path, &text)?;
            let l = app.lang;
            // The command on a line of its own, as in the footers: after the sentence it
            // wrapped inside the command at 80 columns.
            let saved = tr!(
                "Saved {rel}.\nCheck it: course check {id}",
                "{rel}에 저장했습니다.\n확인하기: course check {id}"
            );
            app.term
                .say(&(app.term.paint(Style::Pass, saved.get(l)) + "\n"))?;
            Ok(Code::Ok)
        }
        Ok(None) => {
            app.term.say(&format!(
                "{}\n",
                tr!(
                    "Not saved; nothing was written.",
                    "저장하지 않았습니다. 아무것도 쓰지 않았습니다."
                )
                .get(app.lang)
            ))?;
            Ok(Code::Ok)
        }
        Err(Stop::Cancelled) => {
            app.term.say(&format!(
                "{}\n",
                tr!(
                    "Cancelled; nothing was written.",
                    "취소했습니다. 아무것도 쓰지 않았습니다."
                )
                .get(app.lang)
            ))?;
            // A deliberate cancel is no error: exit code 2 is for bad input.
            Ok(Code::Ok)
        }
        Err(Stop::Error(e)) => Err(e),
    }
}

/// The usage error for an exercise without questions, naming those that have some.
fn no_questions(app: &App, id: &str) -> anyhow::Error {
    let with: Vec<&str> = app
        .course
        .exercises
        .iter()
        .filter(|e| choices_of(e).is_some())
        .map(|e| e.id.as_str())
        .collect();
    let with = if with.is_empty() {
        "-".to_string()
    } else {
        with.join(", ")
    };
    usage(
        tr!(
            "`{id}` has no questions to answer (no `choices` check); exercises with questions: {with}",
            "`{id}`에는 답할 질문이 없습니다 (`choices` 확인 없음). 질문이 있는 연습 문제: {with}"
        )
        .get(app.lang)
        .to_string(),
    )
}

/// What the answer file already says, offered as each question's default.
fn defaults(params: &Params, existing: Option<&[u8]>) -> Vec<Answer> {
    existing
        .map(|b| choices::read_answers(params, &String::from_utf8_lossy(b)))
        .unwrap_or_else(|| vec![Answer::default(); params.questions.len()])
        .into_iter()
        .map(|mut a| {
            // A reason saved with control characters (by an older version) is not offered
            // again: Enter would save it once more.
            if a.reason.as_deref().is_some_and(choices::has_control) {
                a.reason = None;
            }
            a
        })
        .collect()
}

/// The `choices` check of an exercise, if it has one.
pub fn choices_of(exercise: &Exercise) -> Option<&Params> {
    exercise.checks.iter().find_map(|c| match c {
        Check::Choices(p) => Some(p),
        _ => None,
    })
}

/// Ask every question, show the file and ask for confirmation. `Some(text)` to write.
fn interview<R: BufRead>(
    asker: &mut Asker<'_, R>,
    exercise: &Exercise,
    params: &Params,
    defaults: &[Answer],
    rel: &str,
    exists: bool,
) -> Result<Option<String>, Stop> {
    let lang = asker.lang;
    let total = params.questions.len();
    let title = exercise.title.get(lang);
    let term = asker.term;
    let say = |text: &str| term.say(&format!("{text}\n"));
    // The title and what will happen, not the exercise prompt: the prompt explains the file
    // format and tells the learner to run this very command.
    say(&term.paint(Style::Heading, title))?;
    let min = params.min_reason;
    term.say(&crate::render::render(
        intro(total, min, rel, asker.arrows).get(lang),
        &term.render_options(),
    ))?;

    let mut answers = Vec::with_capacity(total);
    for (i, q) in params.questions.iter().enumerate() {
        let n = i + 1;
        let situation = q.prompt.get(lang);
        say("")?;
        say(&term.paint(
            Style::Bold,
            tr!("{n}/{total}. {situation}", "{n}/{total}. {situation}").get(lang),
        ))?;
        let default = defaults.get(i).cloned().unwrap_or_default();
        let choice = asker.choice(params, default.choice, n)?;
        let reason = asker.reason(params, q, default.reason.as_deref(), n)?;
        answers.push((choice, reason));
    }

    let text = choices::render_answers(&exercise.id, title, params, &answers, lang);
    say("")?;
    let intro = if exists {
        tr!(
            "This will replace {rel}:",
            "{rel} 파일을 다음 내용으로 바꿉니다:"
        )
    } else {
        tr!(
            "This will be written to {rel}:",
            "{rel} 파일에 다음 내용을 씁니다:"
        )
    };
    say(&term.paint(Style::Bold, intro.get(lang)))?;
    say("")?;
    for line in text.lines() {
        if line.is_empty() {
            say("")?;
            continue;
        }
        for row in preview_rows(line, term.width) {
            say(&format!("    {}", term.paint(Style::Code, &row)))?;
        }
    }
    say("")?;
    Ok(asker.confirm()?.then_some(text))
}

/// One line of the answer file as the preview shows it, 4 columns in, wrapped to `width`.
/// A line too long goes on under its own value (under the text after `key: ` or `- `), never
/// back at its key's column, where it would read as a new key of the file; a comment goes on
/// as comment lines (`# ...`: without the `#` a continuation would be YAML, and the preview
/// would not be a file a learner can paste, issue 9). A Korean word and a code span stay
/// whole. The rows joined with spaces are the line as written (a comment's `#` once more
/// on each row).
fn preview_rows(line: &str, width: usize) -> Vec<String> {
    let text = line.trim_start();
    let indent = line.len() - text.len();
    let marker = if text.starts_with("# ") || text.starts_with("- ") {
        2
    } else {
        // `key: value`: the key is a plain or quoted scalar without `: ` in it.
        text.find(": ").map_or(0, |i| i + 2)
    };
    let (head, value) = text.split_at(marker);
    let first = format!("{}{head}", &line[..indent]);
    let hang = if head == "# " {
        first.clone()
    } else {
        " ".repeat(crate::render::text::width(&first))
    };
    let room = width.saturating_sub(4);
    if value.is_empty() || crate::render::text::width(line) <= room {
        return vec![line.to_string()];
    }
    crate::terminal::indented(value, &first, &hang, room)
}

/// What `course answer` is about to do, as one Markdown paragraph.
fn intro(total: usize, min: usize, rel: &str, arrows: bool) -> Tr {
    let questions = crate::i18n::count(total, "question", "questions");
    let chars = crate::i18n::count(min, "character", "characters");
    let what = tr!(
        "{questions}, one at a time: for each situation pick the better tool and say why in at least {chars}. You will see the answers before they are saved to `{rel}`.",
        "질문 {total}개를 하나씩 묻습니다. 상황마다 더 알맞은 도구를 고르고 이유를 {min}자 이상 쓰십시오. `{rel}`에 저장하기 전에 내용을 보여 드립니다."
    );
    let how = if arrows {
        tr!(
            "Choose with the arrow keys and Enter (or type a name or number); Esc cancels.",
            "화살표와 Enter로 고르십시오 (이름이나 번호를 입력해도 됩니다). Esc로 취소합니다."
        )
    } else {
        tr!(
            "Type an option's name or number.",
            "선택지의 이름이나 번호를 입력하십시오."
        )
    };
    let mut text = what;
    text.append(" ", &how);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue9_a_long_value_goes_on_under_itself_not_under_its_key() {
        let reason = "  reason: 탐색하면서 그래프를 바로 보고 고칠 수 있어서 주피터가 알맞고 긴 설명을 써 봅니다";
        for width in [40, 60, 80] {
            let rows = preview_rows(reason, width);
            assert!(rows.len() > 1, "{width}: {rows:?}");
            assert!(rows[0].starts_with("  reason: 탐색하면서"), "{rows:?}");
            for row in &rows[1..] {
                assert!(row.starts_with(&" ".repeat(10)), "{width}: {rows:?}");
            }
            for row in &rows {
                assert!(
                    crate::render::text::width(row) + 4 <= width,
                    "{width}: {rows:?}"
                );
            }
            let joined: Vec<&str> = rows.iter().flat_map(|r| r.split_whitespace()).collect();
            assert_eq!(joined, reason.split_whitespace().collect::<Vec<_>>());
        }
        let comment = "# `jupyter-vs-script` (Jupyter vs 스크립트 판단)의 답안. `course answer jupyter-vs-script`가 작성했습니다.";
        let rows = preview_rows(comment, 60);
        assert!(rows.len() > 1, "{rows:?}");
        assert!(rows.iter().all(|r| r.starts_with("# ")), "{rows:?}");
        assert!(
            rows.iter()
                .any(|r| r.contains("`course answer jupyter-vs-script`가")),
            "{rows:?}"
        );
        assert_eq!(preview_rows("training:", 60), ["training:"]);
        assert_eq!(preview_rows("  choice: script", 60), ["  choice: script"]);
    }

    #[test]
    fn the_intro_does_not_repeat_the_exercise_prompt() {
        let t = intro(4, 10, "answers/a.yaml", true);
        assert!(
            t.get(crate::i18n::Lang::En).contains("4 questions")
                && t.get(crate::i18n::Lang::En).contains("`answers/a.yaml`")
        );
        assert!(
            t.get(crate::i18n::Lang::Ko).contains("질문 4개")
                && t.get(crate::i18n::Lang::Ko).contains("Esc")
        );
        assert!(!intro(4, 10, "a", false)
            .get(crate::i18n::Lang::En)
            .contains("Esc"));
    }
}
