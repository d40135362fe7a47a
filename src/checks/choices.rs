//! Check kind `choices`: a YAML answer file of multiple-choice questions, each answered with
//! a `choice` and a `reason`.
//!
//! ```yaml
//! - kind: choices
//!   file: answers/jupyter_vs_script.yaml
//!   min_reason: 10        # characters (not bytes) after trimming
//!   options: {jupyter: [jupyter, notebook, ipynb, 주피터], script: [script, py, .py, 스크립트]}
//!   questions:
//!     - key: data_exploration
//!       expected: jupyter
//!       prompt: {ko: 데이터 분포 확인, en: checking the data distribution}
//!       nudge: {ko: ..., en: ...}   # the hint for a wrong choice; never the answer itself
//! ```
//!
//! The answer file (written by `course answer`, or by hand):
//!
//! ```yaml
//! data_exploration:
//!   choice: jupyter
//!   reason: 그래프를 바로 보면서 분포를 확인할 수 있어서
//! ```
//!
//! A wrong choice fails with the question's nudge; no message names the expected option.
//!
//! The answer file is read (and, for `course answer`, written) in `choices/answer_file.rs`;
//! the parameters and their validation are in `choices/params.rs`.

mod answer_file;
mod copied;
mod fillers;
mod params;
mod restates;

pub use answer_file::{
    has_control, read_answers, render_answers, save, target, visible, yaml_scalar, Answer,
};
pub use params::{normalise, shown_in, Choice, Options, Params, Question};
pub use restates::Empty;

use serde_yaml::{Mapping, Value};

use super::{CheckContext, Code, Finding};
use crate::i18n::Tr;
use crate::tr;
use answer_file::{key_line, starts_with_key, sub_key_line, type_name};

/// Parameters for tests of the answer file and `course answer`: three options (one without
/// other spellings) and a question keyed `yes`, a word YAML would read as a boolean.
#[cfg(test)]
pub fn test_params() -> Params {
    serde_yaml::from_str(
        "file: answers/a.yaml\noptions: {jupyter: [notebook, 주피터], script: [py, .py, 스크립트], colab: []}\nquestions:\n  - key: data_exploration\n    expected: jupyter\n    prompt: {ko: 데이터 분포 확인, en: 'checking: the data'}\n  - key: 'yes'\n    expected: script\n    prompt: x\n",
    )
    .unwrap()
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let problems = params.problems_once();
    if !problems.is_empty() {
        let list = problems.join("; ");
        return vec![Finding::error(
            Code::CourseCheckBroken,
            tr!(
                "the course's `choices` check is broken: {list}",
                "코스의 `choices` 확인 설정이 잘못되었습니다: {list}"
            ),
        )];
    }
    let rel = params.file.replace('\\', "/");
    let (text, map) = match answer_file::load(params, ctx, &rel) {
        Ok(loaded) => loaded,
        Err(finding) => return vec![*finding],
    };
    let mut findings: Vec<Finding> = params
        .questions
        .iter()
        .flat_map(|q| answer_findings(params, q, &text, &map, &rel))
        .collect();
    let place = Place {
        text: &text,
        rel: &rel,
    };
    findings.extend(copied::same_reason(&params.questions, &map, &place));
    findings.extend(copied::reused(params, &map, &place));
    if findings.is_empty() {
        let n = params.questions.len();
        let all = if n == 1 {
            "the 1 question".to_string()
        } else {
            format!("all {n} questions")
        };
        findings.push(
            Finding::pass(
                Code::ChoicesOk,
                tr!(
                    "{rel}: {all} answered well, each with a reason",
                    "{rel}: {n}개 질문 모두 알맞게 답하고 이유를 썼습니다"
                ),
            )
            .file_named(rel),
        );
    }
    findings
}

/// Does `reason` say nothing of its own for question `q`: only words that fit any question
/// (`choices/reason-generic`) or the question again (`choices/reason-repeats-question`)?
/// For `course answer`, which refuses such a reason as it is typed rather than write a file
/// that fails.
pub fn says_nothing(params: &Params, q: &Question, reason: &str) -> Option<Empty> {
    restates::empty(reason, q.words(&params.options))
}

/// `text` holds the answer file whose findings are pinned to the line of `key:`.
struct Place<'a> {
    text: &'a str,
    rel: &'a str,
}

impl Place<'_> {
    fn fail(&self, code: Code, message: Tr) -> Finding {
        Finding::fail(code, message).file(self.rel)
    }
}

fn at(f: Finding, line: Option<u32>) -> Finding {
    match line {
        Some(l) => f.line(l),
        None => f,
    }
}

/// What is wrong with the answer to question `q`, if anything.
fn answer_findings(
    params: &Params,
    q: &Question,
    text: &str,
    map: &Mapping,
    rel: &str,
) -> Vec<Finding> {
    let place = Place { text, rel };
    let fail = |code: Code, message: Tr| place.fail(code, message);
    let key = q.key.as_str();
    let Some(entry) = map.get(key) else {
        if let Some(found) = near_key(params, map, key) {
            return vec![misspelled_key(&place, key, found)];
        }
        let f = fail(
            Code::ChoicesQuestionMissing,
            tr!(
                "`{key}` is missing: no answer for this question",
                "`{key}` 항목이 없습니다: 이 질문에 답하지 않았습니다"
            ),
        )
        .hint(tr!(
            "add it at the top level:\n    {key}:\n      choice: ...\n      reason: ...",
            "맨 바깥 수준에 추가하십시오:\n    {key}:\n      choice: ...\n      reason: ..."
        ));
        // A key written with the wrong indentation or spelling is still worth pointing at.
        let line = text
            .lines()
            .position(|l| starts_with_key(l.trim_start(), key))
            .map(|l| l as u32 + 1);
        return vec![at(f, line)];
    };
    let Value::Mapping(_) = entry else {
        return vec![at(
            fail(Code::ChoicesNotAMapping, tr!(
                "`{key}` holds {what}; expected `choice:` and `reason:` under it",
                "`{key}`에 {what}이(가) 있습니다. 그 아래에 `choice:`와 `reason:`이 있어야 합니다";
                what = type_name(entry)

            ))
            .hint(tr!(
                "write it as:\n    {key}:\n      choice: ...\n      reason: ...",
                "다음처럼 작성하십시오:\n    {key}:\n      choice: ...\n      reason: ..."
            )),
            key_line(text, key),
        )];
    };
    [
        choice_finding(params, q, entry, &place),
        reason_finding(params, q, entry, &place),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A top-level key of the answer file that is no question's but a near miss of `key`
/// (`visualisation` for `visualization`, `Training`, `data-exploration`): compared as file
/// names are ([`crate::fs::near`]: case, `-`/`_`, a small typo).
fn near_key<'a>(params: &Params, map: &'a Mapping, key: &str) -> Option<&'a str> {
    map.keys()
        .filter_map(Value::as_str)
        .filter(|k| !params.questions.iter().any(|q| q.key == *k))
        .find(|k| crate::fs::near(key, k))
}

/// `key` is missing but `found` is there: the answer is written under a name that is not
/// read, so say so and how to rename it (the answer under it stays).
fn misspelled_key(place: &Place, key: &str, found: &str) -> Finding {
    let line = key_line(place.text, found);
    let (message, hint) = match line {
        Some(l) => (
            tr!(
                "`{key}` is missing: line {l} has `{found}`, which is not read (only `{key}` is)",
                "`{key}` 항목이 없습니다: {l}번째 줄에 `{found}`이(가) 있지만 이 이름은 읽지 않습니다(`{key}`만 읽습니다)"
            ),
            tr!(
                "rename `{found}` on line {l} to `{key}`; the answer under it stays as it is",
                "{l}번째 줄의 `{found}`을(를) `{key}`(으)로 고치십시오. 그 아래 답은 그대로 둡니다"
            ),
        ),
        None => (
            tr!(
                "`{key}` is missing: the file has `{found}`, which is not read (only `{key}` is)",
                "`{key}` 항목이 없습니다: 파일에 `{found}`이(가) 있지만 이 이름은 읽지 않습니다(`{key}`만 읽습니다)"
            ),
            tr!(
                "rename `{found}` to `{key}`; the answer under it stays as it is",
                "`{found}`을(를) `{key}`(으)로 고치십시오. 그 아래 답은 그대로 둡니다"
            ),
        ),
    };
    at(
        place.fail(Code::ChoicesQuestionMissing, message).hint(hint),
        line,
    )
}

/// The problem with the answer's `choice`: missing, not an option, or not the best fit.
fn choice_finding(params: &Params, q: &Question, entry: &Value, place: &Place) -> Option<Finding> {
    let fail = |code: Code, message: Tr| place.fail(code, message);
    let key = q.key.as_str();
    // Where the choice is, and the accepted spellings, only for an answer with a problem:
    // an honest answer file has none, and both cost more than the check itself.
    let choice_at = || sub_key_line(place.text, key, "choice");
    let accepted = || params.all_spellings();
    let write_one_of = || {
        let accepted = accepted();
        tr!(
            "write one of: {accepted}",
            "다음 중 하나를 쓰십시오: {accepted}"
        )
    };
    match entry.get("choice") {
        None | Some(Value::Null) => Some(at(
            fail(
                Code::ChoicesNoChoice,
                tr!("`{key}` has no `choice`", "`{key}`에 `choice`가 없습니다"),
            )
            .hint({
                let accepted = accepted();
                tr!(
                    "add `choice:` with one of: {accepted}",
                    "`choice:`를 추가하고 다음 중 하나를 쓰십시오: {accepted}"
                )
            }),
            choice_at(),
        )),
        Some(Value::String(choice)) => match params.option_index(choice) {
            None => {
                let choice = visible(choice.trim());
                Some(at(
                    fail(
                        Code::ChoicesNotAnOption,
                        tr!(
                            "`{key}`: `{choice}` is not one of the options",
                            "`{key}`: `{choice}`은(는) 선택지가 아닙니다"
                        ),
                    )
                    .hint(write_one_of()),
                    choice_at(),
                ))
            }
            Some(i) if params.options.0[i].name != q.expected => {
                let chosen = params.options.0[i].name.as_str();
                let mut f = fail(
                    Code::ChoicesWrongChoice,
                    tr!(
                        "`{key}` ({prompt}): `{chosen}` is not the best fit; think about it again",
                        "`{key}` ({prompt}): `{chosen}`은(는) 가장 알맞은 선택이 아닙니다. 다시 생각해 보십시오";
                        prompt = Tr::from_localized(&q.prompt)
                    ),
                );
                if !q.nudge.is_empty() {
                    f = f.hint(Tr::from_localized(&q.nudge));
                }
                Some(at(f, choice_at()))
            }
            Some(_) => None,
        },
        Some(other) => Some(at(
            fail(
                Code::ChoicesNotAnOption,
                tr!(
                    "`{key}`: `choice` holds {what}; expected one option as text",
                    "`{key}`: `choice`에 {what}이(가) 있습니다. 선택지 하나를 텍스트로 써야 합니다";
                    what = type_name(other)

                ),
            )
            .hint(write_one_of()),
            choice_at(),
        )),
    }
}

/// The problem with the answer's `reason`: missing, too short, or holding control characters.
fn reason_finding(params: &Params, q: &Question, entry: &Value, place: &Place) -> Option<Finding> {
    let fail = |code: Code, message: Tr| place.fail(code, message);
    let key = q.key.as_str();
    let min = params.min_reason;
    let chars = crate::i18n::count(min, "character", "characters");
    let reason_at = || sub_key_line(place.text, key, "reason");
    match entry.get("reason") {
        None | Some(Value::Null) => Some(at(
            fail(
                Code::ChoicesNoReason,
                tr!("`{key}` has no `reason`", "`{key}`에 `reason`이 없습니다"),
            )
            .hint(tr!(
                "add `reason:` explaining your choice in at least {chars}",
                "`reason:`을 추가하고 선택한 이유를 {min}자 이상 쓰십시오"
            )),
            reason_at(),
        )),
        Some(Value::String(reason)) if has_control(reason) => {
            let shown = visible(reason.trim());
            Some(at(
                fail(Code::ChoicesReasonControlChars, tr!(
                    "`{key}`: the reason contains control characters: \"{shown}\" (arrow keys typed at a prompt end up as `\\e[D` and the like)",
                    "`{key}`: 이유에 제어 문자가 들어 있습니다: \"{shown}\" (입력 중에 누른 화살표 키는 `\\e[D` 같은 문자로 남습니다)"
                ))
                .hint(tr!(
                    "retype the reason: run `course answer <exercise-id>` and type it again, correcting with Backspace rather than the arrow keys, or rewrite that line in your editor",
                    "이유를 다시 입력하십시오: `course answer <exercise-id>`를 실행해 다시 쓰고 (고칠 때는 화살표 키 대신 Backspace), 아니면 편집기에서 그 줄을 새로 쓰십시오"
                )),
                reason_at(),
            ))
        }
        Some(Value::String(reason)) => {
            let n = reason.trim().chars().count();
            let prose = crate::prose::check(reason);
            if let (true, Err(why)) = (n >= min, prose) {
                Some(at(not_prose(fail, key, reason.trim(), why), reason_at()))
            } else if n >= min && crate::prose::mash(reason) {
                Some(at(mash(fail, key, reason.trim()), reason_at()))
            } else if n < min {
                let chars = crate::i18n::count(n, "character", "characters");
                Some(at(
                    fail(
                        Code::ChoicesReasonTooShort,
                        tr!(
                            "`{key}`: the reason has {chars}; write at least {min}",
                            "`{key}`: 이유가 {n}자입니다. {min}자 이상 쓰십시오"
                        ),
                    )
                    .hint(tr!(
                        "say why that tool fits this task, in a sentence",
                        "그 도구가 이 작업에 맞는 이유를 한 문장으로 설명하십시오"
                    )),
                    reason_at(),
                ))
            } else {
                copied::says_nothing(q, q.words(&params.options), reason, place)
            }
        }
        Some(other) => {
            Some(at(
                fail(Code::ChoicesNoReason, tr!(
                    "`{key}`: `reason` holds {what}; expected a sentence",
                    "`{key}`: `reason`에 {what}이(가) 있습니다. 문장이어야 합니다";
                    what = type_name(other)

                ))
                .hint(tr!(
                    "write the reason as text of at least {chars} (put it in quotes if it starts with a special character)",
                    "이유를 {min}자 이상의 텍스트로 쓰십시오 (특수 문자로 시작하면 따옴표로 감싸십시오)"
                )),
                reason_at(),
            ))
        }
    }
}

/// A reason that is not a sentence: one character repeated (`aaaaaaaaaa`) or no letters.
fn not_prose(
    fail: impl Fn(Code, Tr) -> Finding,
    key: &str,
    reason: &str,
    why: crate::prose::NotProse,
) -> Finding {
    let shown = visible(reason);
    let message = match why {
        crate::prose::NotProse::NoLetters => tr!(
            "`{key}`: the reason \"{shown}\" has no words",
            "`{key}`: 이유 \"{shown}\"에 글자가 없습니다"
        ),
        crate::prose::NotProse::Repeated => tr!(
            "`{key}`: the reason \"{shown}\" repeats one character; it is not a sentence",
            "`{key}`: 이유 \"{shown}\"은(는) 같은 글자의 반복이라 문장이 아닙니다"
        ),
    };
    fail(Code::ChoicesReasonNotProse, message).hint(tr!(
        "say in your own words why that tool fits this task",
        "그 도구가 이 작업에 맞는 이유를 자기 말로 쓰십시오"
    ))
}

/// A reason of keyboard mash (`asdfasdfasdf`, `ㅁㄴㅇㄹㅁㄴㅇㄹ`): [`crate::prose::mash`], the rule
/// a commit message and a requirement's comment are held to (issue 9: it passed here).
fn mash(fail: impl Fn(Code, Tr) -> Finding, key: &str, reason: &str) -> Finding {
    let shown = visible(reason);
    fail(
        Code::ChoicesReasonNotProse,
        tr!(
            "`{key}`: the reason \"{shown}\" is keyboard mash (keys side by side, or Korean letters never made into syllables); it is not a sentence",
            "`{key}`: 이유 \"{shown}\"은(는) 자판을 이어서 누른 글자(또는 음절을 이루지 않은 자모)일 뿐이라 문장이 아닙니다"
        ),
    )
    .hint(tr!(
        "say in your own words why that tool fits this task",
        "그 도구가 이 작업에 맞는 이유를 자기 말로 쓰십시오"
    ))
}

#[cfg(test)]
mod mash_tests;
#[cfg(test)]
mod tests;
