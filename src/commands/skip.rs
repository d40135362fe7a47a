//! `course skip [EXERCISE]`: put an exercise aside so `course next` moves on (a multi-gigabyte
//! torch download need not stop the reading), and `--undo` to take it back up. A skipped
//! exercise is not given up: once every lesson is read and every other exercise passes,
//! `course next` leads back to it. Recorded in `.course/state.yaml` (`deferred`).

use anyhow::Result;

use super::check::known_exercises;
use crate::app::App;
use crate::checks::Status;
use crate::cli::SkipArgs;
use crate::exit::{usage, Code};
use crate::grading::{next_step, skip_moves_on, ExerciseResult, Step};
use crate::tr;

pub fn run(app: &mut App, args: &SkipArgs) -> Result<Code> {
    app.require_workspace()?;
    if let Some(id) = &args.exercise {
        known_exercises(app, std::slice::from_ref(id))?;
    }
    // Every exercise's result, checked once: which exercise `course next` is on, whether
    // skipping it moves on, and where `course next` leads after.
    let results = app.check_exercises(&[])?;
    let id = match (&args.exercise, next_step(&app.course, &app.state, &results)) {
        (Some(id), _) => id.clone(),
        (None, Step::Exercise(i)) => app.course.exercises[i].id.clone(),
        // At the end of the course there is nothing to put aside, and no exercise to name
        // (issue 9, fifth audit: it asked for one when every exercise passed).
        (None, Step::Done) => {
            return Err(usage(
                tr!(
                    "Every exercise passes and every lesson is read: there is nothing to put aside.",
                    "모든 연습 문제를 통과했고 레슨도 모두 읽었으므로 미룰 것이 없습니다."
                )
                .get(app.lang)
                .to_string(),
            ))
        }
        // The command as a code span, so wrapping moves it whole.
        (None, Step::Lesson(_)) => {
            return Err(usage(
                tr!(
                    "`course next` is on a lesson, not an exercise, so there is nothing to skip; to put an exercise aside name it: `course skip ID` (see `course list`)",
                    "`course next`가 지금 연습 문제가 아니라 레슨을 가리키고 있어 미룰 것이 없습니다. 연습 문제를 미루려면 이름을 적으십시오: `course skip ID` (`course list` 참고)"
                )
                .get(app.lang)
                .to_string(),
            ))
        }
    };
    let lang = app.lang;
    let msg = if args.undo {
        if app.state.deferred.remove(&id) {
            tr!(
                "`{id}` is back in its place: `course next` leads to it after its lesson.",
                "`{id}`을(를) 다시 제자리에 두었습니다. `course next`가 레슨 뒤에 이 문제로 안내합니다."
            )
        } else {
            tr!(
                "`{id}` was not put aside; nothing changed.",
                "`{id}`은(는) 미뤄 둔 문제가 아닙니다. 바뀐 것은 없습니다."
            )
        }
    } else {
        let passes = results
            .iter()
            .any(|r| r.id == id && r.status == Status::Pass);
        let index = app.course.exercises.iter().position(|e| e.id == id);
        if passes {
            tr!(
                "`{id}` already passes; there is nothing to put aside.",
                "`{id}`은(는) 이미 통과했습니다. 미룰 필요가 없습니다."
            )
        } else if app.state.deferred.contains(&id) {
            already_aside(app, &id, &results)?;
            return Ok(Code::Ok);
        } else if index.is_some_and(|i| !skip_moves_on(&app.course, &app.state, &results, i)) {
            // Putting it aside would change nothing either: `course next` has nothing else to
            // show, and would lead straight back to it.
            let msg = tr!(
                "`{id}` is all that is left: put aside, `course next` would come straight back to it, so it stays where it is.",
                "`{id}`만 남았습니다. 미뤄 두어도 `course next`가 곧바로 이 문제로 돌아오므로 그대로 둡니다."
            );
            let now = do_it_now(&id);
            app.term
                .say(&format!("{}\n{}\n", msg.get(lang), now.get(lang)))?;
            return Ok(Code::Ok);
        } else {
            app.state.deferred.insert(id.clone());
            // One command a line, so that none is wrapped in two at 60 columns.
            tr!(
                "Put `{id}` aside; it comes back once everything else is done.\nTake it back up sooner: course skip --undo {id}",
                "`{id}`을(를) 미뤄 두었습니다. 나머지를 다 하면 이 문제로 돌아옵니다.\n먼저 되살리려면: course skip --undo {id}"
            )
        }
    };
    app.save_state()?;
    let next = super::next::pointer(app, next_step(&app.course, &app.state, &results));
    app.term
        .say(&format!("{}\n{}\n", msg.get(lang), next.get(lang)))?;
    Ok(Code::Ok)
}

/// `course skip` on an exercise put aside already: skipping again changes nothing.
fn already_aside(app: &App, id: &str, results: &[ExerciseResult]) -> Result<()> {
    let lang = app.lang;
    // Skipping again changes nothing. When `course next` shows an exercise put aside,
    // everything else is done or put aside too, so "next moves on" (or "Next: course next")
    // would send the learner in a circle: say what does move them on.
    let shown = match next_step(&app.course, &app.state, results) {
        Step::Exercise(i) => app.course.exercises[i].id == id,
        _ => false,
    };
    let others: Vec<&str> = results
        .iter()
        .filter(|r| r.id != id && r.status != Status::Pass)
        .filter(|r| app.state.deferred.contains(&r.id))
        .map(|r| r.id.as_str())
        .collect();
    // Shown by `course next` now, it is back already: "once everything else is done" would
    // send the learner looking for something left to do (issue 9 flow audit).
    let aside = if shown {
        tr!(
            "`{id}` is already put aside, and `course next` is back on it: everything else is done or put aside too.",
            "`{id}`은(는) 이미 미뤄 둔 문제이고, 나머지를 모두 마치거나 미뤄 두어서 `course next`가 다시 이 문제를 보여 줍니다."
        )
    } else {
        tr!(
            "`{id}` is already put aside; `course next` comes back to it once everything else is done.",
            "`{id}`은(는) 이미 미뤄 둔 문제입니다. 나머지를 다 하면 `course next`가 이 문제로 돌아옵니다."
        )
    };
    let mut msg = aside.get(lang).to_string();
    msg.push('\n');
    msg.push_str(do_it_now(id).get(lang));
    if let Some(other) = others.first().filter(|_| shown) {
        msg.push('\n');
        msg.push_str(
            tr!(
                "To do `{other}` first: course skip --undo {other}",
                "`{other}`부터 하려면: course skip --undo {other}"
            )
            .get(lang),
        );
    }
    app.term.say(&format!("{msg}\n"))?;
    Ok(())
}

/// The two commands that move a learner on when skipping cannot: one a line, so that none
/// is wrapped in two.
fn do_it_now(id: &str) -> crate::i18n::Tr {
    tr!(
        "Do it now: course check {id}\nStuck? course hint {id}",
        "지금 하려면: course check {id}\n막히면: course hint {id}"
    )
}
