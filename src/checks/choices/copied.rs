//! Reasons that were copied rather than thought: one sentence pasted under most questions
//! (`choices/same-reason`), and a reason that only says the question back
//! (`choices/reason-repeats-question`: `reason: Running model training` under the question
//! "Running model training", or `결과 시각화를 하기 때문이다` under "결과 시각화"). Two answers that share a reason are fine (the two Jupyter
//! answers may well have the same one); three or more, over half the questions, are not.

use serde_yaml::Mapping;

use super::answer_file::sub_key_line;
use super::params::Question;
use super::restates::{self, QuestionWords};
use super::{at, Code, Finding, Place};
use crate::tr;

/// Lowercased letters-and-digits words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !crate::prose::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
    let Some(copied) = reasons
        .iter()
        .map(|(_, r)| r)
        .max_by_key(|r| reasons.iter().filter(|(_, o)| o == *r).count())
    else {
        return Vec::new();
    };
    let n = reasons.iter().filter(|(_, r)| r == copied).count();
    let total = reasons.len();
    if n < 3 || n * 2 <= total {
        return Vec::new();
    }
    reasons
        .iter()
        .filter(|(_, r)| r == copied)
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

/// The reason only says the question back: each of its words is the question's own (its
/// prompt in either language, its key), an option's name, or a word that fits any reason
/// (`결과 시각화를 하기 때문이다`, `visualization of the results`; see [`super::restates`]).
/// `words`: the question's side, worked out once per question.
pub(super) fn repeats_question(
    q: &Question,
    words: &QuestionWords,
    reason: &str,
    place: &Place,
) -> Option<Finding> {
    if !restates::adds_nothing(reason, words) {
        return None;
    }
    let key = q.key.as_str();
    // As code: the learner's own words, which may be English in a Korean message.
    let shown = reason.trim();
    let f = place
        .fail(
            Code::ChoicesReasonRepeatsQuestion,
            tr!(
                "`{key}`: the reason `{shown}` only says the task again; it does not say why the tool fits it",
                "`{key}`: 이유 `{shown}`은(는) 작업을 다시 말할 뿐, 그 도구가 왜 맞는지 말하지 않습니다"
            ),
        )
        .hint(tr!(
            "say what about this task makes a notebook or a script the better fit: how you work on it, who runs it, how long and how often; e.g. for a notebook \"I see each plot at once and tweak it cell by cell\", for a script \"it runs unattended on a server, the same way every time\"",
            "이 작업의 어떤 점 때문에 노트북이나 스크립트가 더 맞는지 쓰십시오: 어떻게 작업하는지, 누가 실행하는지, 얼마나 오래 얼마나 자주 도는지. 예를 들어 노트북이라면 \"셀 단위로 바로 그래프를 보며 고칠 수 있다\", 스크립트라면 \"서버에서 사람 없이 매번 똑같이 돌아간다\""
        ));
    Some(at(f, sub_key_line(place.text, key, "reason")))
}
