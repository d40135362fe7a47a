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

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_yaml::Value;

use super::shared::read_file;
use super::{CheckContext, Code, Finding};
use crate::i18n::{Localized, Tr};
use crate::tr;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The answer file, relative to the workspace root.
    pub file: String,
    /// Minimum length of each reason in characters, after trimming.
    #[serde(default = "default_min_reason")]
    pub min_reason: usize,
    /// Canonical option name -> accepted spellings, in the order they are offered.
    pub options: Options,
    pub questions: Vec<Question>,
}

fn default_min_reason() -> usize {
    10
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The top-level key of this question in the answer file.
    pub key: String,
    /// The canonical option that is right.
    pub expected: String,
    /// What the question asks about (shown by `course answer`).
    pub prompt: Localized,
    /// Shown when the choice is wrong: a question that makes the learner think, not the answer.
    #[serde(default)]
    pub nudge: Localized,
}

/// One option: its canonical name and the spellings accepted for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub name: String,
    pub spellings: Vec<String>,
}

/// The options of a `choices` check, in the order written in the course file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options(pub Vec<Choice>);

impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Options;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map from each option to its accepted spellings, e.g. `{jupyter: [jupyter, notebook], script: [script, py]}`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Options, A::Error> {
                let mut out: Vec<Choice> = Vec::new();
                while let Some((name, spellings)) = map.next_entry::<String, Vec<String>>()? {
                    if out.iter().any(|c| c.name == name) {
                        return Err(serde::de::Error::custom(format!(
                            "option `{name}` is listed twice"
                        )));
                    }
                    out.push(Choice { name, spellings });
                }
                Ok(Options(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// How a typed or written choice is compared: trimmed, case-insensitive (Unicode lowercase).
pub fn normalise(s: &str) -> String {
    s.trim().to_lowercase()
}

impl Params {
    /// The option a choice means (its canonical name or any accepted spelling), by index.
    pub fn option_index(&self, input: &str) -> Option<usize> {
        let wanted = normalise(input);
        if wanted.is_empty() {
            return None;
        }
        self.options
            .0
            .iter()
            .position(|c| self.spellings(c).iter().any(|s| normalise(s) == wanted))
    }

    /// The canonical name followed by the other accepted spellings of `choice`, without repeats.
    pub fn spellings<'a>(&self, choice: &'a Choice) -> Vec<&'a str> {
        let mut out: Vec<&str> = vec![choice.name.as_str()];
        for s in &choice.spellings {
            if !out.iter().any(|o| normalise(o) == normalise(s)) {
                out.push(s);
            }
        }
        out
    }

    /// Every accepted spelling, for messages: `jupyter, notebook, ... | script, py, ...`.
    pub fn all_spellings(&self) -> String {
        self.options
            .0
            .iter()
            .map(|c| self.spellings(c).join(", "))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    /// Mistakes in the course file itself (for `course validate`): an `expected` that is not
    /// an option, a key or spelling used twice, no questions.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.options.0.len() < 2 {
            out.push("`options` needs at least two options".to_string());
        }
        if self.questions.is_empty() {
            out.push("`questions` is empty; add at least one question".to_string());
        }
        if self.file.trim().is_empty()
            || std::path::Path::new(&self.file).is_absolute()
            || self.file.split(['/', '\\']).any(|p| p == "..")
        {
            out.push(format!(
                "`file: {}` must be a relative path inside the workspace, e.g. answers/x.yaml",
                self.file
            ));
        }
        for (i, a) in self.options.0.iter().enumerate() {
            for s in self.spellings(a) {
                if let Some(b) = self.options.0[i + 1..].iter().find(|b| {
                    self.spellings(b)
                        .iter()
                        .any(|t| normalise(t) == normalise(s))
                }) {
                    out.push(format!(
                        "spelling `{s}` is accepted for both `{}` and `{}`; give it to one option",
                        a.name, b.name
                    ));
                }
            }
        }
        let names: Vec<&str> = self.options.0.iter().map(|c| c.name.as_str()).collect();
        for (i, q) in self.questions.iter().enumerate() {
            if q.key.trim().is_empty() {
                out.push(format!("question {}: `key` is empty", i + 1));
            }
            if self.questions[..i].iter().any(|p| p.key == q.key) {
                out.push(format!("question key `{}` is used twice", q.key));
            }
            if !names.contains(&q.expected.as_str()) {
                out.push(format!(
                    "question `{}`: `expected: {}` is not an option; use one of: {}",
                    q.key,
                    q.expected,
                    names.join(", ")
                ));
            }
            if q.prompt.is_empty() {
                out.push(format!("question `{}`: `prompt` is empty", q.key));
            }
            // The prompt is shown with a wrong choice and the nudge is its hint: neither may
            // give the answer away.
            if let Some(expected) = self.options.0.iter().find(|c| c.name == q.expected) {
                for (field, text) in [("prompt", &q.prompt), ("nudge", &q.nudge)] {
                    for lang in crate::i18n::Lang::ALL {
                        let Some(text) = text.slot(lang) else {
                            continue;
                        };
                        if let Some(s) = self
                            .spellings(expected)
                            .into_iter()
                            .find(|s| mentions(text, s))
                        {
                            out.push(format!(
                                "question `{}`: the {lang} `{field}` says `{s}`, which gives the answer away; reword it",
                                q.key
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Does `text` mention `word` (case-insensitive)? ASCII words must stand alone (`py` is not in
/// `happy`); other text matches anywhere (Korean attaches particles: `스크립트로`).
fn mentions(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), normalise(word));
    if word.is_empty() {
        return false;
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        (!alnum(word.chars().next()) || !alnum(before))
            && (!alnum(word.chars().next_back()) || !alnum(after))
    })
}

/// Does `s` hold a control character (ESC from an arrow key, a stray carriage return, DEL...)?
/// Tabs are allowed: they are harmless inside a sentence.
pub fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\t')
}

/// `s` with its control characters written as YAML-style escapes (`\e[D`), safe to print.
pub fn visible(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Whether `spelling` is shown in a `lang` interface: Hangul spellings only in Korean (they
/// are accepted in both).
pub fn shown_in(spelling: &str, lang: crate::i18n::Lang) -> bool {
    lang == crate::i18n::Lang::Ko
        || !spelling.chars().any(|c| {
            matches!(c, '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}' | '\u{a960}'..='\u{a97f}' | '\u{ac00}'..='\u{d7af}' | '\u{d7b0}'..='\u{d7ff}')
        })
}

/// The format of the answer file, shown when it is missing or has the wrong shape.
fn example(params: &Params) -> String {
    let names: Vec<&str> = params.options.0.iter().map(|c| c.name.as_str()).collect();
    let mut out = String::new();
    for q in params.questions.iter().take(2) {
        out.push_str(&format!(
            "\n    {}:\n      choice: {}\n      reason: ...",
            q.key,
            names.join(" | ")
        ));
    }
    out
}

/// The 1-based line of the top-level `key:` in `text`, found by scanning (YAML values carry
/// no positions).
pub fn key_line(text: &str, key: &str) -> Option<u32> {
    text.lines()
        .position(|l| starts_with_key(l, key))
        .map(|i| i as u32 + 1)
}

/// The line of `sub:` inside the block of top-level `key`, else the line of `key` itself.
pub fn sub_key_line(text: &str, key: &str, sub: &str) -> Option<u32> {
    let start = key_line(text, key)? as usize; // 1-based, so the next line's index
    for (i, line) in text.lines().enumerate().skip(start) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if trimmed.len() == line.len() {
            break; // the next top-level key: `sub` is not in this block
        }
        if starts_with_key(trimmed, sub) {
            return Some(i as u32 + 1);
        }
    }
    Some(start as u32)
}

fn starts_with_key(line: &str, key: &str) -> bool {
    let line = line.strip_prefix('\u{feff}').unwrap_or(line);
    for quote in ["", "\"", "'"] {
        if let Some(rest) = line
            .strip_prefix(quote)
            .and_then(|r| r.strip_prefix(key))
            .and_then(|r| r.strip_prefix(quote))
        {
            let rest = rest.trim_start_matches([' ', '\t']);
            if let Some(after) = rest.strip_prefix(':') {
                return after.is_empty() || after.starts_with([' ', '\t', '\r']);
            }
        }
    }
    false
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping",
        Value::Tagged(_) => "a tagged value",
    }
}

fn type_name_ko(v: &Value) -> &'static str {
    match v {
        Value::Null => "빈 값",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "숫자",
        Value::String(_) => "텍스트",
        Value::Sequence(_) => "목록",
        Value::Mapping(_) => "매핑",
        Value::Tagged(_) => "태그 값",
    }
}

/// What a learner's answer file says about one question (used by `course answer` to pre-fill).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// The option the written choice means, if it is an accepted spelling.
    pub choice: Option<usize>,
    pub reason: Option<String>,
}

/// Read answers from the text of an answer file, leniently: whatever can be understood.
pub fn read_answers(params: &Params, text: &str) -> Vec<Answer> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let doc: Value = crate::yaml::from_str_bounded(text).unwrap_or(Value::Null);
    params
        .questions
        .iter()
        .map(|q| {
            let entry = doc.get(q.key.as_str());
            Answer {
                choice: entry
                    .and_then(|e| e.get("choice"))
                    .and_then(Value::as_str)
                    .and_then(|c| params.option_index(c)),
                reason: entry
                    .and_then(|e| e.get("reason"))
                    .and_then(Value::as_str)
                    .map(|r| r.trim().to_string())
                    .filter(|r| !r.is_empty()),
            }
        })
        .collect()
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let problems = params.problems();
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
    // Messages that begin with the file's name say so (`fail_named`); the others get it as a prefix.
    let fail = |code: Code, message: Tr| Finding::fail(code, message).file(rel.clone());
    let fail_named = |code: Code, message: Tr| Finding::fail(code, message).file_named(rel.clone());
    let example = example(params);

    let text = match read_file(ctx, &rel) {
        Ok(text) => text,
        Err(mut finding) => {
            finding.hint = match finding.code {
                Code::FileMissing => Some(tr!(
                    "run `course answer <exercise-id>` to answer the questions, or write the file by hand in this format:{example}",
                    "`course answer <exercise-id>` 로 질문에 답하거나, 다음 형식으로 직접 작성하세요:{example}"
                )),
                Code::FileIsFolder | Code::FileNotRegular => Some(tr!(
                    "replace it with a YAML file in this format:{example}",
                    "다음 형식의 YAML 파일로 바꾸세요:{example}"
                )),
                _ => finding.hint,
            };
            return vec![*finding];
        }
    };
    let text = text.as_str();
    let doc: Value = match crate::yaml::from_str_bounded(text) {
        Ok(v) => v,
        Err(e) if e.is_too_deep() => {
            let (line, column) = e.location().unwrap_or((1, 1));
            return vec![super::shared::yaml_too_deep(line, column)
                .file(rel.clone())
                .line(line)];
        }
        Err(e) => {
            let reason = e.reason();
            let mut f = fail_named(
                Code::YamlInvalid,
                tr!(
                    "{rel} is not valid YAML: {reason}",
                    "{rel} 이(가) 올바른 YAML 이 아닙니다: {reason}"
                ),
            )
            .hint(tr!(
                "fix the line shown; the file should look like this:{example}",
                "표시된 줄을 고치세요. 파일은 다음과 같은 형식입니다:{example}"
            ));
            if let Some((line, _)) = e.location() {
                f = f.line(line);
            }
            return vec![f];
        }
    };
    let Value::Mapping(map) = &doc else {
        let (what, what_ko) = (type_name(&doc), type_name_ko(&doc));
        return vec![fail_named(
            Code::ChoicesNotAMapping,
            tr!(
                "{rel} holds {what}; expected a mapping with one entry per question",
                "{rel} 에 {what_ko} 이(가) 있습니다. 질문마다 항목이 하나씩 있는 매핑이어야 합니다"
            ),
        )
        .hint(tr!(
            "write it in this format:{example}",
            "다음 형식으로 작성하세요:{example}"
        ))];
    };

    let min = params.min_reason;
    let mut findings = Vec::new();
    for q in &params.questions {
        let key = q.key.as_str();
        let Some(entry) = map.get(key) else {
            let mut f = fail(
                Code::ChoicesQuestionMissing,
                tr!(
                    "`{key}` is missing: no answer for this question",
                    "`{key}` 항목이 없습니다: 이 질문에 답하지 않았습니다"
                ),
            )
            .hint(tr!(
                "add it at the top level:\n    {key}:\n      choice: ...\n      reason: ...",
                "맨 바깥 수준에 추가하세요:\n    {key}:\n      choice: ...\n      reason: ..."
            ));
            // A key written with the wrong indentation or spelling is still worth pointing at.
            if let Some(l) = text
                .lines()
                .position(|l| starts_with_key(l.trim_start(), key))
            {
                f = f.line(l as u32 + 1);
            }
            findings.push(f);
            continue;
        };
        let key_at = key_line(text, key);
        let at = |f: Finding, line: Option<u32>| match line {
            Some(l) => f.line(l),
            None => f,
        };
        let Value::Mapping(_) = entry else {
            let (what, what_ko) = (type_name(entry), type_name_ko(entry));
            findings.push(at(
                fail(Code::ChoicesNotAMapping, tr!(
                    "`{key}` holds {what}; expected `choice:` and `reason:` under it",
                    "`{key}` 에 {what_ko} 이(가) 있습니다. 그 아래에 `choice:` 와 `reason:` 이 있어야 합니다"
                ))
                .hint(tr!(
                    "write it as:\n    {key}:\n      choice: ...\n      reason: ...",
                    "다음처럼 작성하세요:\n    {key}:\n      choice: ...\n      reason: ..."
                )),
                key_at,
            ));
            continue;
        };
        let accepted = params.all_spellings();

        // The choice.
        let choice_at = sub_key_line(text, key, "choice");
        match entry.get("choice") {
            None | Some(Value::Null) => findings.push(at(
                fail(
                    Code::ChoicesNoChoice,
                    tr!("`{key}` has no `choice`", "`{key}` 에 `choice` 가 없습니다"),
                )
                .hint(tr!(
                    "add `choice:` with one of: {accepted}",
                    "`choice:` 를 추가하고 다음 중 하나를 쓰세요: {accepted}"
                )),
                choice_at,
            )),
            Some(Value::String(choice)) => match params.option_index(choice) {
                None => {
                    let choice = visible(choice.trim());
                    findings.push(at(
                        fail(
                            Code::ChoicesNotAnOption,
                            tr!(
                                "`{key}`: `{choice}` is not one of the options",
                                "`{key}`: `{choice}` 은(는) 선택지가 아닙니다"
                            ),
                        )
                        .hint(tr!(
                            "write one of: {accepted}",
                            "다음 중 하나를 쓰세요: {accepted}"
                        )),
                        choice_at,
                    ))
                }
                Some(i) if params.options.0[i].name != q.expected => {
                    let prompt = &q.prompt;
                    let (p_en, p_ko) = (
                        prompt.get(crate::i18n::Lang::En),
                        prompt.get(crate::i18n::Lang::Ko),
                    );
                    let chosen = params.options.0[i].name.as_str();
                    let mut f = fail(Code::ChoicesWrongChoice, Tr {
                        en: format!("`{key}` ({p_en}): `{chosen}` is not the best fit; think about it again"),
                        ko: format!("`{key}` ({p_ko}): `{chosen}` 은(는) 가장 알맞은 선택이 아닙니다. 다시 생각해 보세요"),
                    });
                    if !q.nudge.is_empty() {
                        f = f.hint(Tr {
                            en: q.nudge.get(crate::i18n::Lang::En).to_string(),
                            ko: q.nudge.get(crate::i18n::Lang::Ko).to_string(),
                        });
                    }
                    findings.push(at(f, choice_at));
                }
                Some(_) => {}
            },
            Some(other) => {
                let (what, what_ko) = (type_name(other), type_name_ko(other));
                findings.push(at(
                    fail(Code::ChoicesNotAnOption, tr!(
                        "`{key}`: `choice` holds {what}; expected one option as text",
                        "`{key}`: `choice` 에 {what_ko} 이(가) 있습니다. 선택지 하나를 텍스트로 써야 합니다"
                    ))
                    .hint(tr!(
                        "write one of: {accepted}",
                        "다음 중 하나를 쓰세요: {accepted}"
                    )),
                    choice_at,
                ))
            }
        }

        // The reason.
        let reason_at = sub_key_line(text, key, "reason");
        match entry.get("reason") {
            None | Some(Value::Null) => findings.push(at(
                fail(
                    Code::ChoicesNoReason,
                    tr!("`{key}` has no `reason`", "`{key}` 에 `reason` 이 없습니다"),
                )
                .hint(tr!(
                    "add `reason:` explaining your choice in at least {min} characters",
                    "`reason:` 을 추가하고 선택한 이유를 {min}자 이상 쓰세요"
                )),
                reason_at,
            )),
            Some(Value::String(reason)) if has_control(reason) => {
                let shown = visible(reason.trim());
                findings.push(at(
                    fail(Code::ChoicesReasonControlChars, tr!(
                        "`{key}`: the reason contains control characters: \"{shown}\" (arrow keys typed at a prompt end up as `\\e[D` and the like)",
                        "`{key}`: 이유에 제어 문자가 들어 있습니다: \"{shown}\" (입력 중에 누른 화살표 키는 `\\e[D` 같은 문자로 남습니다)"
                    ))
                    .hint(tr!(
                        "retype the reason: run `course answer <exercise-id>` and type it again, correcting with Backspace rather than the arrow keys, or rewrite that line in your editor",
                        "이유를 다시 입력하세요: `course answer <exercise-id>` 를 실행해 다시 쓰고 (고칠 때는 화살표 키 대신 Backspace), 아니면 편집기에서 그 줄을 새로 쓰세요"
                    )),
                    reason_at,
                ))
            }
            Some(Value::String(reason)) => {
                let n = reason.trim().chars().count();
                let prose = crate::prose::check(reason);
                if let (true, Err(why)) = (n >= min, prose) {
                    findings.push(at(not_prose(fail, key, reason.trim(), why), reason_at));
                } else if n < min {
                    findings.push(at(
                        fail(
                            Code::ChoicesReasonTooShort,
                            tr!(
                                "`{key}`: the reason has {n} characters; write at least {min}",
                                "`{key}`: 이유가 {n}자입니다. {min}자 이상 쓰세요"
                            ),
                        )
                        .hint(tr!(
                            "say why that tool fits this task, in a sentence",
                            "그 도구가 이 작업에 맞는 이유를 한 문장으로 설명하세요"
                        )),
                        reason_at,
                    ))
                }
            }
            Some(other) => {
                let (what, what_ko) = (type_name(other), type_name_ko(other));
                findings.push(at(
                    fail(Code::ChoicesNoReason, tr!(
                        "`{key}`: `reason` holds {what}; expected a sentence",
                        "`{key}`: `reason` 에 {what_ko} 이(가) 있습니다. 문장이어야 합니다"
                    ))
                    .hint(tr!(
                        "write the reason as text of at least {min} characters (put it in quotes if it starts with a special character)",
                        "이유를 {min}자 이상의 텍스트로 쓰세요 (특수 문자로 시작하면 따옴표로 감싸세요)"
                    )),
                    reason_at,
                ))
            }
        }
    }
    if findings.is_empty() {
        let n = params.questions.len();
        findings.push(
            Finding::pass(
                Code::ChoicesOk,
                tr!(
                    "{rel}: all {n} questions answered well, each with a reason",
                    "{rel}: {n}개 질문 모두 알맞게 답하고 이유를 썼습니다"
                ),
            )
            .file_named(rel),
        );
    }
    findings
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
        "그 도구가 이 작업에 맞는 이유를 자기 말로 쓰세요"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Status;

    const PARAMS: &str = "file: answers/a.yaml\nmin_reason: 10\noptions: {jupyter: [jupyter, notebook, ipynb, 주피터], script: [script, py, .py, 스크립트]}\nquestions:\n  - key: data_exploration\n    expected: jupyter\n    prompt: {ko: 데이터 분포 확인, en: checking the data distribution}\n    nudge: {ko: 바로 볼 수 있나요?, en: Do you see it right away?}\n  - key: training\n    expected: script\n    prompt: {ko: 모델 학습 실행, en: running training}\n    nudge: {ko: 밤새 돌린다면?, en: What if it runs all night?}\n";

    fn params() -> Params {
        serde_yaml::from_str(PARAMS).unwrap()
    }

    fn run_text(text: &str) -> Vec<Finding> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("answers")).unwrap();
        std::fs::write(dir.path().join("answers/a.yaml"), text).unwrap();
        let ctx = CheckContext::new(dir.path(), true, None);
        run(&params(), &ctx)
    }

    #[test]
    fn options_keep_their_order() {
        let p = params();
        let names: Vec<&str> = p.options.0.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["jupyter", "script"]);
        assert!(p.problems().is_empty(), "{:?}", p.problems());
    }

    #[test]
    fn spellings_match_case_insensitively_after_trimming() {
        let p = params();
        assert_eq!(p.option_index(" Notebook "), Some(0));
        assert_eq!(p.option_index("주피터"), Some(0));
        assert_eq!(p.option_index(".PY"), Some(1));
        assert_eq!(p.option_index("스크립트"), Some(1));
        assert_eq!(p.option_index("SCRIPT"), Some(1));
        assert_eq!(p.option_index("colab"), None);
        assert_eq!(p.option_index("  "), None);
    }

    #[test]
    fn broken_params_are_reported() {
        let mut p = params();
        p.questions[0].expected = "colab".into();
        p.options.0[1].spellings.push("Notebook".into());
        let problems = p.problems().join("\n");
        assert!(
            problems.contains("`expected: colab` is not an option"),
            "{problems}"
        );
        assert!(
            problems.contains("`notebook` is accepted for both"),
            "{problems}"
        );
        let ctx = CheckContext::new(std::path::Path::new("."), true, None);
        assert_eq!(run(&p, &ctx)[0].status, Status::Error);
    }

    #[test]
    fn prompts_and_nudges_must_not_give_the_answer_away() {
        let mut p = params();
        p.questions[1].nudge = Localized::new("스크립트로 돌리면?", "Happy? Try train.py");
        let problems = p.problems().join("\n");
        assert!(
            problems.contains("the ko `nudge` says `스크립트`"),
            "{problems}"
        );
        assert!(problems.contains("the en `nudge` says `py`"), "{problems}");
        p.questions[1].nudge =
            Localized::new("밤새 돌린다면?", "Happy to wait all night? Copy it?");
        assert!(p.problems().is_empty(), "{:?}", p.problems());
        assert!(mentions("Use PY here", "py") && !mentions("numpy", "py"));
    }

    #[test]
    fn duplicate_options_are_rejected() {
        let e =
            serde_yaml::from_str::<Params>("file: a\noptions: {a: [x], a: [y]}\nquestions: []\n")
                .unwrap_err();
        assert!(
            e.to_string().contains("twice") || e.to_string().contains("duplicate"),
            "{e}"
        );
    }

    #[test]
    fn key_lines_are_found_by_scanning() {
        let text = "# c\ndata_exploration:\n  choice: jupyter\n\n  reason: x\n\"training\": {choice: py}\ntraining_x:\n";
        assert_eq!(key_line(text, "data_exploration"), Some(2));
        assert_eq!(sub_key_line(text, "data_exploration", "reason"), Some(5));
        assert_eq!(key_line(text, "training"), Some(6));
        assert_eq!(sub_key_line(text, "training", "reason"), Some(6));
        assert_eq!(key_line(text, "nothing"), None);
    }

    #[test]
    fn a_good_file_passes_once() {
        let f = run_text("data_exploration:\n  choice: 주피터\n  reason: 그래프를 바로 보면서 확인할 수 있어서\ntraining:\n  choice: .PY\n  reason: runs for hours in the background\nextra: 1\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].status, Status::Pass);
    }

    #[test]
    fn korean_reasons_count_characters_not_bytes() {
        // 9 Hangul syllables = 27 bytes: too short.
        let f = run_text("data_exploration:\n  choice: jupyter\n  reason: 그래프로바로확인해\ntraining:\n  choice: script\n  reason: 오래 걸리는 학습은 스크립트로\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(3));
        assert!(
            f[0].message.en.contains("9 characters"),
            "{:?}",
            f[0].message
        );
    }

    #[test]
    fn every_problem_is_one_finding() {
        let f = run_text("data_exploration:\n  choice: colab\ntraining: yes\n");
        let msgs: Vec<&str> = f.iter().map(|f| f.message.en.as_str()).collect();
        assert_eq!(f.len(), 3, "{msgs:?}");
        assert!(msgs[0].contains("`colab` is not one of the options"));
        assert!(f[0].hint.as_ref().unwrap().en.contains("주피터"));
        assert!(msgs[1].contains("no `reason`"));
        assert!(msgs[2].contains("`training` holds text"));
        assert_eq!(f[2].line, Some(3));
    }

    #[test]
    fn wrong_choice_shows_the_nudge_not_the_answer() {
        let f = run_text("data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 확인할 수 있어서\ntraining:\n  choice: notebook\n  reason: 셀 단위로 실행하면 편해서요\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, Some(5));
        let hint = f[0].hint.as_ref().unwrap();
        assert_eq!(hint.en, "What if it runs all night?");
        for text in [&f[0].message.en, &f[0].message.ko, &hint.en, &hint.ko] {
            for s in ["script", "스크립트", ".py"] {
                assert!(!text.to_lowercase().contains(s), "{text} reveals {s}");
            }
        }
    }

    #[test]
    fn control_characters_in_a_reason_fail_at_their_line() {
        // What a learner's file held after pressing the left arrow at the reason prompt.
        let f = run_text("data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 확인할 수 있어서\ntraining:\n  choice: script\n  reason: \"사람 없이 오래 돌아가야 한다\\e[D\\e[D서버에서 \\e[4\"\n");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].status, Status::Fail);
        assert_eq!(f[0].line, Some(6));
        assert!(
            f[0].message.en.contains("control characters"),
            "{:?}",
            f[0].message
        );
        assert!(
            f[0].message.en.contains("한다\\e[D\\e[D서버에서"),
            "{:?}",
            f[0].message
        );
        assert!(!f[0].message.en.contains('\u{1b}') && !f[0].message.ko.contains('\u{1b}'));
        let hint = f[0].hint.as_ref().unwrap();
        assert!(
            hint.en.contains("retype") && hint.en.contains("Backspace"),
            "{hint:?}"
        );
        assert!(hint.ko.contains("Backspace"), "{hint:?}");
        // DEL and a carriage return in the middle count; a tab does not.
        let f = run_text("data_exploration:\n  choice: jupyter\n  reason: \"그래프를 바로\\x7f 보면서 확인\"\ntraining:\n  choice: script\n  reason: \"runs for hours\\ron a server\"\n");
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(f[0].message.en.contains("\\x7f"), "{:?}", f[0].message);
        assert!(f[1].message.en.contains("\\r"), "{:?}", f[1].message);
        let f = run_text("data_exploration:\n  choice: jupyter\n  reason: \"그래프를 바로\\t보면서 확인\"\ntraining:\n  choice: script\n  reason: runs for hours on a server\n");
        assert_eq!(f[0].status, Status::Pass, "{f:?}");
    }

    #[test]
    fn missing_file_hint_keeps_the_exercise_placeholder() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = CheckContext::new(dir.path(), true, None);
        let f = run(&params(), &ctx);
        let hint = f[0].hint.as_ref().unwrap();
        assert!(
            hint.en.contains("`course answer <exercise-id>`"),
            "{hint:?}"
        );
        assert!(
            hint.ko.contains("`course answer <exercise-id>`"),
            "{hint:?}"
        );
    }

    #[test]
    fn hangul_spellings_are_shown_only_in_korean() {
        use crate::i18n::Lang;
        assert!(shown_in("notebook", Lang::En) && shown_in(".py", Lang::En));
        assert!(!shown_in("주피터", Lang::En) && !shown_in("ㅈ", Lang::En));
        assert!(shown_in("주피터", Lang::Ko) && shown_in("notebook", Lang::Ko));
        assert_eq!(visible("a\u{1b}[Db\u{9b}"), "a\\e[Db\\x9b");
        assert!(has_control("x\u{7f}") && !has_control("tab\there"));
    }

    #[test]
    fn read_answers_is_lenient() {
        let p = params();
        let a = read_answers(
            &p,
            "\u{feff}training:\r\n  choice: PY\r\n  reason: ' because '\r\n",
        );
        assert_eq!(a[0], Answer::default());
        assert_eq!(a[1].choice, Some(1));
        assert_eq!(a[1].reason.as_deref(), Some("because"));
        assert_eq!(read_answers(&p, ": : :")[1], Answer::default());
    }
}
