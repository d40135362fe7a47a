//! Reasons that were copied rather than thought: one sentence pasted under most questions
//! (`choices/same-reason`), the same reason under two questions answered with different
//! tools (`choices/reason-reused`), a reason that only says the question back
//! (`choices/reason-repeats-question`: `reason: Running model training` under the question
//! "Running model training", or `결과 시각화를 하기 때문이다` under "결과 시각화"), and one that
//! would fit any question (`choices/reason-generic`: `노트북이 더 좋아서`). Two answers with
//! the same tool that share a reason are fine (the two Jupyter answers may well have the
//! same one); three or more, over half the questions, are not.

use serde_yaml::Mapping;

use super::answer_file::sub_key_line;
use super::params::{Params, Question};
use super::restates::{self, Empty, QuestionWords};
use super::{at, Code, Finding, Place};
use crate::i18n::Tr;
use crate::tr;

/// Lowercased letters-and-digits words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The reason (as compared) given under 3 or more of the questions of `reasons` (question,
/// reason), over half of them, if one is.
fn copied_reason(reasons: &[(&str, String)]) -> Option<String> {
    let copied = reasons
        .iter()
        .map(|(_, r)| r)
        .max_by_key(|r| reasons.iter().filter(|(_, o)| o == *r).count())?;
    let n = reasons.iter().filter(|(_, r)| r == copied).count();
    (n >= 3 && n * 2 > reasons.len()).then(|| copied.clone())
}

/// The answers whose reason is the same as under 3 or more questions, over half of those
/// answered with a reason.
pub(super) fn same_reason(questions: &[Question], map: &Mapping, place: &Place) -> Vec<Finding> {
    let reasons: Vec<(&str, String)> = questions
        .iter()
        .filter_map(|q| {
            let reason = map.get(q.key.as_str())?.get("reason")?.as_str()?;
            Some((q.key.as_str(), words(reason).join(" ")))
        })
        .filter(|(_, r)| !r.is_empty())
        .collect();
    let Some(copied) = copied_reason(&reasons) else {
        return Vec::new();
    };
    let n = reasons.iter().filter(|(_, r)| *r == copied).count();
    let total = reasons.len();
    reasons
        .iter()
        .filter(|(_, r)| *r == copied)
        .map(|(key, _)| {
            let f = place
                .fail(
                    Code::ChoicesSameReason,
                    tr!(
                        "`{key}`: the same reason is given for {n} of the {total} questions; a reason copied under every question explains none of them",
                        "`{key}`: 질문 {total}개 중 {n}개에 같은 이유를 썼습니다. 모든 질문에 복사한 이유는 어느 선택도 설명하지 않습니다"
                    ),
                )
                .hint(tr!(
                    "say for this task in particular why that tool fits it",
                    "이 작업에 그 도구가 맞는 이유를 이 작업에 맞춰 쓰십시오"
                ));
            at(f, sub_key_line(place.text, key, "reason"))
        })
        .collect()
}

/// The reason says nothing of its own: each of its words is an option's name or a word that
/// fits any reason (`노트북이 더 좋아서`, `because jupyter is better for this`, `this is what
/// the lesson said`: `choices/reason-generic`), or among those the question's own words (its
/// prompt in either language, its key: `결과 시각화를 하기 때문이다`, `visualization of the
/// results`: `choices/reason-repeats-question`; see [`super::restates`]). `words`: the
/// question's side, worked out once per question.
pub(super) fn says_nothing(
    q: &Question,
    words: &QuestionWords,
    reason: &str,
    place: &Place,
) -> Option<Finding> {
    let empty = restates::empty(reason, words)?;
    let key = q.key.as_str();
    // As code: the learner's own words, which may be English in a Korean message.
    let shown = reason.trim();
    let prompt = Tr::from_localized(&q.prompt);
    let f = match empty {
        Empty::Restates => place.fail(
            Code::ChoicesReasonRepeatsQuestion,
            tr!(
                "`{key}`: the reason `{shown}` only says the task again; it does not say why the tool fits it",
                "`{key}`: 이유 `{shown}`은(는) 작업을 다시 말할 뿐, 그 도구가 왜 맞는지 말하지 않습니다"
            ),
        ),
        Empty::Generic => place.fail(
            Code::ChoicesReasonGeneric,
            tr!(
                "`{key}`: the reason `{shown}` would fit any task; it does not say what about this one ({prompt}) makes the tool fit",
                "`{key}`: 이유 `{shown}`은(는) 어느 작업에나 붙일 수 있는 말이라, 이 작업({prompt})의 어떤 점 때문에 그 도구가 맞는지 말하지 않습니다";
                prompt = prompt
            ),
        ),
    };
    Some(at(
        f.hint(reason_hint()),
        sub_key_line(place.text, key, "reason"),
    ))
}

/// What a reason says, with an example for each tool.
fn reason_hint() -> Tr {
    tr!(
        "say what about this task makes a notebook or a script the better fit: how you work on it, who runs it, how long and how often; e.g. for a notebook \"I see each plot at once and tweak it cell by cell\", for a script \"it runs unattended on a server, the same way every time\"",
        "이 작업의 어떤 점 때문에 노트북이나 스크립트가 더 맞는지 쓰십시오: 어떻게 작업하는지, 누가 실행하는지, 얼마나 오래 얼마나 자주 도는지. 예를 들어 노트북이라면 \"셀 단위로 바로 그래프를 보며 고칠 수 있다\", 스크립트라면 \"서버에서 사람 없이 매번 똑같이 돌아간다\""
    )
}

/// The same reason under two questions answered with different tools explains neither: the
/// same words cannot say why a notebook fits one task and a script the other (issue 9
/// learner audit). Two answers with the same tool may share a reason (the two Jupyter tasks
/// may well have one); a reason copied under most questions is [`same_reason`]'s, not
/// reported again here.
pub(super) fn reused(params: &Params, map: &Mapping, place: &Place) -> Vec<Finding> {
    // (question, reason as compared, the option chosen) of each answer with both.
    let answers: Vec<(&Question, String, usize)> = params
        .questions
        .iter()
        .filter_map(|q| {
            let entry = map.get(q.key.as_str())?;
            let reason = words(entry.get("reason")?.as_str()?).join(" ");
            let choice = params.option_index(entry.get("choice")?.as_str()?)?;
            Some((q, reason, choice))
        })
        .filter(|(_, r, _)| !r.is_empty())
        .collect();
    let reasons: Vec<(&str, String)> = answers
        .iter()
        .map(|(q, r, _)| (q.key.as_str(), r.clone()))
        .collect();
    let copied = copied_reason(&reasons);
    answers
        .iter()
        .filter(|(_, r, _)| Some(r) != copied.as_ref())
        .filter_map(|(q, reason, choice)| {
            let (other, _, other_choice) = answers
                .iter()
                .find(|(o, r, c)| o.key != q.key && r == reason && c != choice)?;
            let (key, other) = (q.key.as_str(), other.key.as_str());
            let tool = params.options.0[*choice].name.as_str();
            let other_tool = params.options.0[*other_choice].name.as_str();
            let prompt = Tr::from_localized(&q.prompt);
            let f = place
                .fail(
                    Code::ChoicesReasonReused,
                    tr!(
                        "`{key}`: the reason is the same as for `{other}`, where you chose `{other_tool}`; the same words cannot say why `{tool}` fits one task and `{other_tool}` the other",
                        "`{key}`: 이유가 `{other_tool}`을(를) 고른 `{other}`의 이유와 같습니다. 같은 말로는 한 작업에 `{tool}`이(가), 다른 작업에 `{other_tool}`이(가) 맞는 까닭을 설명할 수 없습니다"
                    ),
                )
                .hint(tr!(
                    "say what about `{key}` ({prompt}) in particular makes `{tool}` fit",
                    "`{key}`({prompt})의 어떤 점 때문에 `{tool}`이(가) 맞는지 이 작업에 맞춰 쓰십시오";
                    prompt = prompt
                ));
            Some(at(f, sub_key_line(place.text, key, "reason")))
        })
        .collect()
}
