//! `course skip [EXERCISE]`: put an exercise aside so `course next` moves on (a multi-gigabyte
//! torch download need not stop the reading), and `--undo` to take it back up. A skipped
//! exercise is not given up: once every lesson is read and every other exercise passes,
//! `course next` leads back to it. Recorded in `.course/state.yaml` (`deferred`).

use anyhow::Result;

use super::check::{target, Target};
use crate::app::App;
use crate::checks::Status;
use crate::cli::SkipArgs;
use crate::exit::{usage, Code};
use crate::tr;

pub fn run(app: &mut App, args: &SkipArgs) -> Result<Code> {
    app.require_workspace()?;
    let id = match target(app, args.exercise.as_ref())? {
        Target::Named(id) | Target::Current(id) => id,
        Target::NoneCurrent(_) => {
            return Err(usage(
                        tr!(
                            "`course next` is not on an exercise, so there is nothing to skip; name one: course skip ID (see `course list`)",
                            "`course next`가 지금 연습 문제를 가리키고 있지 않아 미룰 것이 없습니다. 미룰 연습 문제를 적으십시오: course skip ID (`course list` 참고)"
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
        let passes = app
            .check_exercises(std::slice::from_ref(&id))?
            .first()
            .is_some_and(|r| r.status == Status::Pass);
        if passes {
            tr!(
                "`{id}` already passes; there is nothing to put aside.",
                "`{id}`은(는) 이미 통과했습니다. 미룰 필요가 없습니다."
            )
        } else if app.state.deferred.contains(&id) {
            // Skipping again changes nothing: when `course next` shows an exercise put aside,
            // everything before it is done, so saying "next moves on" would send the learner in
            // a circle.
            tr!(
                "`{id}` is already put aside. `course next` shows it because everything else is done or put aside too: do it now (course check {id}), or take one back sooner with course skip --undo ID.",
                "`{id}`은(는) 이미 미뤄 둔 문제입니다. 나머지를 다 했거나 모두 미뤄 두어서 `course next`가 이 문제를 보여 줍니다. 지금 하거나(course check {id}), 다른 문제를 course skip --undo ID로 먼저 되살리십시오."
            )
        } else {
            app.state.deferred.insert(id.clone());
            tr!(
                "Put `{id}` aside. `course next` moves on and comes back to it once everything else is done\n(or sooner: course check {id}, course skip --undo {id}).",
                "`{id}`을(를) 미뤄 두었습니다. `course next`는 다음으로 넘어가고, 나머지를 다 하면 이 문제로 돌아옵니다\n(그 전에 하려면: course check {id}, course skip --undo {id})."
            )
        }
    };
    app.save_state()?;
    let next = tr!("Next: course next", "다음: course next");
    app.term
        .say(&format!("{}\n{}\n", msg.get(lang), next.get(lang)))?;
    Ok(Code::Ok)
}
