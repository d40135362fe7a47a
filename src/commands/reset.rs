//! `course reset EXERCISE` and `course reset --all`: forget progress kept in
//! `.course/state.yaml` (hints seen, the worked-on and put-aside marks; with `--all` also the
//! lessons read and the current lesson).
//!
//! The learner's files are never touched, so an exercise that passes still passes: results
//! are what the checks say now, never state. The saved language is a preference, not
//! progress, and is kept. On a terminal the command lists what it will forget and asks (the
//! default is no); without a terminal it refuses unless `--yes` is given, so a script never
//! resets by accident. `reset --all` also replaces a progress file that no longer parses.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, Result};

use crate::app::App;
use crate::cli::ResetArgs;
use crate::exit::{usage, Code};
use crate::i18n::Tr;
use crate::tr;
use crate::workspace::State;

pub fn run(app: &mut App, args: &ResetArgs) -> Result<Code> {
    let ws = app.require_workspace()?.clone();
    // Dispatch skipped reading the state so that a damaged file can be replaced here.
    let (state, damaged) = match ws.load_state() {
        Ok(state) => (state, false),
        Err(_) if args.all => (State::default(), true),
        Err(e) => return Err(e),
    };
    app.lang = crate::app::resolve_lang(app.global.lang, &state, &app.course);
    app.state = state;
    if let Some(id) = &args.exercise {
        super::check::known_exercises(app, std::slice::from_ref(id))?;
    }
    let lang = app.lang;
    let plan = match &args.exercise {
        Some(id) => forget_exercise(&app.state, id),
        None => forget_all(&app.state, damaged),
    };
    if plan.forgotten.is_empty() {
        let msg = match &args.exercise {
            Some(id) => tr!(
                "Nothing to reset for `{id}`: no hints seen, not marked as worked on or put aside.",
                "`{id}`에는 초기화할 것이 없습니다. 본 힌트도, 손댄 표시나 미뤄 둔 표시도 없습니다."
            ),
            None => tr!(
                "Nothing to reset: no progress is saved in this workspace yet.",
                "초기화할 것이 없습니다. 이 작업 폴더에는 아직 저장된 진행 상황이 없습니다."
            ),
        };
        app.term.say(&format!("{}\n", msg.get(lang)))?;
        return Ok(Code::Ok);
    }
    let list = Tr::join(
        plan.forgotten.iter().map(bullet).collect::<Vec<_>>().iter(),
        "\n",
    );
    let what = match &args.exercise {
        Some(id) => tr!("course reset {id}", "course reset {id}"),
        None => tr!("course reset --all", "course reset --all"),
    };
    if !args.yes {
        let heading = tr!("This forgets:", "다음을 잊습니다:");
        app.term
            .say(&format!("{}\n{}\n", heading.get(lang), list.get(lang)))?;
        if !confirm(app, &what)? {
            let msg = tr!("Nothing was reset.", "아무것도 초기화하지 않았습니다.");
            app.term.say(&format!("{}\n", msg.get(lang)))?;
            return Ok(Code::Ok);
        }
    }
    ws.save_state(&plan.after)?;
    let done = tr!("Reset. Forgot:", "초기화했습니다. 잊은 것:");
    let kept = match plan.after.lang {
        Some(saved) => tr!(
            "Kept: your files (checks still see them as they are) and your language choice ({saved}).",
            "그대로 둔 것: 작업 파일 (검사는 지금 파일 그대로 봅니다)과 언어 선택 ({saved})."
        ),
        None => tr!(
            "Kept: your files (checks still see them as they are).",
            "그대로 둔 것: 작업 파일 (검사는 지금 파일 그대로 봅니다)."
        ),
    };
    let next = tr!("Next: course next", "다음: course next");
    app.term.say(&format!(
        "{}\n{}\n{}\n{}\n",
        done.get(lang),
        list.get(lang),
        kept.get(lang),
        next.get(lang)
    ))?;
    Ok(Code::Ok)
}

/// What a reset forgets (one line each, empty when there is nothing) and the state after it.
struct Plan {
    forgotten: Vec<Tr>,
    after: State,
}

fn bullet(line: &Tr) -> Tr {
    line.map(|_, text| format!("  - {text}"))
}

/// One exercise: its hints seen, its worked-on mark, its put-aside mark.
fn forget_exercise(state: &State, id: &str) -> Plan {
    let mut after = state.clone();
    let mut forgotten = Vec::new();
    let n = after.hints_shown.remove(id).unwrap_or(0);
    forgotten.extend(counted(
        n,
        tr!("{n} hint seen", "본 힌트 {n}개"),
        tr!("{n} hints seen", "본 힌트 {n}개"),
    ));
    if after.tried.remove(id) {
        // What `course list` shows comes from the checks, which see the files as they are:
        // only a failing exercise goes back to "not yet"; a passing one stays "pass".
        forgotten.push(tr!(
            "the mark that you worked on it (`course list` shows \"not yet\" for it while it fails, \"pass\" when it passes)",
            "손댄 문제라는 표시 (`course list`에는 통과하지 못하는 동안 \"아직\"으로, 통과하면 \"통과\"로 나옵니다)"
        ));
    }
    if after.deferred.remove(id) {
        forgotten.push(tr!(
            "putting it aside (`course next` leads to it after its lesson again)",
            "미뤄 둔 표시 (`course next`가 다시 레슨 뒤에 이 문제로 안내합니다)"
        ));
    }
    Plan { forgotten, after }
}

/// `one` or `other` for `n` things; nothing for none.
fn counted(n: usize, one: Tr, other: Tr) -> Option<Tr> {
    (n > 0).then(|| Tr::plural(n, one, other))
}

/// Everything but the language choice. `damaged`: the progress file did not parse.
fn forget_all(state: &State, damaged: bool) -> Plan {
    let mut forgotten = Vec::new();
    if damaged {
        forgotten.push(tr!(
            "the damaged progress file .course/state.yaml (it does not parse; a fresh one replaces it)",
            "읽을 수 없는 진행 파일 .course/state.yaml (새 파일로 바꿉니다)"
        ));
    }
    let n = state.lessons_read.len();
    forgotten.extend(counted(
        n,
        tr!("{n} lesson read", "읽은 레슨 {n}개"),
        tr!("{n} lessons read", "읽은 레슨 {n}개"),
    ));
    if let Some(lesson) = &state.current_lesson {
        forgotten.push(tr!(
            "the current lesson (`{lesson}`)",
            "지금 보던 레슨 (`{lesson}`)"
        ));
    }
    let hints: usize = state.hints_shown.values().sum();
    let m = state.hints_shown.values().filter(|n| **n > 0).count();
    forgotten.extend(counted(
        m,
        tr!(
            "the hints seen in {m} exercise ({hints} in all)",
            "연습 문제 {m}개에서 본 힌트 (모두 {hints}개)"
        ),
        tr!(
            "the hints seen in {m} exercises ({hints} in all)",
            "연습 문제 {m}개에서 본 힌트 (모두 {hints}개)"
        ),
    ));
    let n = state.tried.len();
    forgotten.extend(counted(
        n,
        tr!(
            "{n} exercise marked as worked on",
            "손댄 연습 문제 표시 {n}개"
        ),
        tr!(
            "{n} exercises marked as worked on",
            "손댄 연습 문제 표시 {n}개"
        ),
    ));
    let n = state.deferred.len();
    forgotten.extend(counted(
        n,
        tr!("{n} exercise put aside", "미뤄 둔 연습 문제 {n}개"),
        tr!("{n} exercises put aside", "미뤄 둔 연습 문제 {n}개"),
    ));
    let after = State {
        lang: state.lang,
        ..State::default()
    };
    Plan { forgotten, after }
}

/// Ask on a terminal (the default is no; Ctrl-D is no). Without a terminal, refuse: a script
/// says `--yes` when it means it.
fn confirm(app: &App, what: &Tr) -> Result<bool> {
    let lang = app.lang;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        // A code span: the wrapping moves the command whole, so a copied line is all of it.
        let what = what.get(lang);
        return Err(usage(
            tr!(
                "not resetting without a confirmation, and stdin is not a terminal to ask on; nothing was reset. To reset from a script: `{what} --yes`",
                "확인 없이는 초기화하지 않는데, 물어볼 터미널이 없습니다 (표준 입력이 터미널이 아님). 아무것도 초기화하지 않았습니다. 스크립트에서 초기화하려면: `{what} --yes`"
            )
            .get(lang)
            .to_string(),
        ));
    }
    let prompt = tr!(
        "Reset? [y/N] ",
        "초기화하시겠습니까? [예/아니오, 기본: 아니오] "
    );
    let mut input = stdin.lock();
    loop {
        app.term
            .say(prompt.get(lang))
            .with_context(crate::terminal::stdout_failed)?;
        let mut line = String::new();
        if input.read_line(&mut line).with_context(|| {
            crate::exit::said(tr!("cannot read stdin", "표준 입력을 읽을 수 없습니다"))
        })? == 0
        {
            app.term.say("\n")?;
            return Ok(false);
        }
        match crate::terminal::parse_yes_no(&line, false) {
            Some(yes) => return Ok(yes),
            None => app.term.say(&format!(
                "{}\n",
                tr!(
                    "answer y (yes) or n (no)",
                    "예(y) 또는 아니오(n)로 답하십시오"
                )
                .get(lang)
            ))?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        let mut s = State {
            lang: Some(crate::i18n::Lang::En),
            current_lesson: Some("pip".into()),
            ..State::default()
        };
        s.lessons_read
            .extend(["why".to_string(), "pip".to_string()]);
        s.hints_shown.insert("requirements".into(), 2);
        s.hints_shown.insert("structure".into(), 1);
        s.tried
            .extend(["requirements".to_string(), "structure".to_string()]);
        s.deferred.insert("environment".into());
        s
    }

    #[test]
    fn one_exercise_forgets_only_its_own_marks() {
        let plan = forget_exercise(&state(), "requirements");
        assert_eq!(plan.forgotten.len(), 2);
        assert_eq!(plan.forgotten[0].get(crate::i18n::Lang::En), "2 hints seen");
        assert!(!plan.after.hints_shown.contains_key("requirements"));
        assert!(!plan.after.tried.contains("requirements"));
        assert_eq!(plan.after.hints_shown["structure"], 1);
        assert_eq!(plan.after.lessons_read.len(), 2);
        assert!(forget_exercise(&plan.after, "requirements")
            .forgotten
            .is_empty());
    }

    #[test]
    fn all_keeps_the_language_and_nothing_else() {
        let plan = forget_all(&state(), false);
        let en: Vec<&str> = plan
            .forgotten
            .iter()
            .map(|t| t.get(crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            en,
            [
                "2 lessons read",
                "the current lesson (`pip`)",
                "the hints seen in 2 exercises (3 in all)",
                "2 exercises marked as worked on",
                "1 exercise put aside"
            ]
        );
        assert_eq!(
            plan.after,
            State {
                lang: Some(crate::i18n::Lang::En),
                ..State::default()
            }
        );
        assert!(forget_all(&plan.after, false).forgotten.is_empty());
    }
}
