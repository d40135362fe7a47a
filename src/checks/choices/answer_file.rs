//! The answer file of the `choices` kind, read and written in one place: the check reads it
//! strictly ([`load`], every problem a finding at its line), `course answer` reads it leniently
//! to pre-fill ([`read_answers`]) and writes it ([`render_answers`], [`save`]), so what one
//! side writes the other reads.
//!
//! ```yaml
//! # header comment
//! data_exploration:
//!   choice: jupyter
//!   reason: 그래프를 바로 보면서 분포를 확인할 수 있어서
//! ```

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use super::Params;
use crate::checks::shared::{read_file, yaml_too_deep};
use crate::checks::{CheckContext, Code, Finding};
use crate::i18n::{Lang, Tr};
use crate::tr;

/// The answer file's text and its top-level mapping, or the one finding that says why it
/// cannot be read as answers. `rel` is the file relative to the workspace root. The file is
/// read as every kind reads files (`checks/shared.rs`), with hints of its own.
pub fn load(
    params: &Params,
    ctx: &CheckContext,
    rel: &str,
) -> Result<(String, Mapping), Box<Finding>> {
    let example = example(params);
    let text = read_file(ctx, rel).map_err(|mut finding| {
        finding.hint = match finding.code {
            Code::FileMissing => Some(tr!(
                "run `course answer <exercise-id>` to answer the questions, or write the file by hand in this format:{example}",
                "`course answer <exercise-id>`로 질문에 답하거나, 다음 형식으로 직접 작성하십시오:{example}"
            )),
            Code::FileIsFolder | Code::FileNotRegular => Some(tr!(
                "replace it with a YAML file in this format:{example}",
                "다음 형식의 YAML 파일로 바꾸십시오:{example}"
            )),
            _ => finding.hint.take(),
        };
        finding
    })?;
    let map = parse(&text, rel, &example)?;
    Ok((text, map))
}

/// The text as a YAML mapping with one entry per question.
fn parse(text: &str, rel: &str, example: &str) -> Result<Mapping, Box<Finding>> {
    let fail_named = |code: Code, message: Tr| Finding::fail(code, message).file_named(rel);
    let doc: Value = crate::yaml::from_str_bounded(text).map_err(|e| {
        if e.is_too_deep() {
            let (line, column) = e.location().unwrap_or((1, 1));
            return Box::new(yaml_too_deep(line, column).file(rel).line(line));
        }
        let explained = crate::yaml::explain::explain(text, &e);
        // The report puts `{rel}:{line}:` in front: the message does not name the file again.
        let f = Finding::fail(
            Code::YamlInvalid,
            tr!(
                "not valid YAML: {what}",
                "올바른 YAML이 아닙니다: {what}";
                what = explained.what
            ),
        )
        .file(rel)
        .hint(tr!(
            "fix the line shown; the file should look like this:{example}",
            "표시된 줄을 고치십시오. 파일은 다음과 같은 형식입니다:{example}"
        ));
        Box::new(f.line(explained.line))
    })?;
    match doc {
        Value::Mapping(map) => Ok(map),
        other => Err(Box::new(
            fail_named(
                Code::ChoicesNotAMapping,
                tr!(
                    "{rel} holds {what}; expected a mapping with one entry per question",
                    "{rel}에 {what}이(가) 있습니다. 질문마다 항목이 하나씩 있는 매핑이어야 합니다";
                    what = type_name(&other)

                ),
            )
            .hint(tr!(
                "write it in this format:{example}",
                "다음 형식으로 작성하십시오:{example}"
            )),
        )),
    }
}

/// The format of the answer file, shown when it is missing or has the wrong shape.
pub fn example(params: &Params) -> String {
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

pub fn starts_with_key(line: &str, key: &str) -> bool {
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

pub fn type_name(v: &Value) -> Tr {
    match v {
        Value::Null => tr!("nothing", "빈 값"),
        Value::Bool(_) => Tr::same("true/false"),
        Value::Number(_) => tr!("a number", "숫자"),
        Value::String(_) => tr!("text", "텍스트"),
        Value::Sequence(_) => tr!("a list", "목록"),
        Value::Mapping(_) => tr!("a mapping", "매핑"),
        Value::Tagged(_) => tr!("a tagged value", "태그 값"),
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

/// A string as a YAML scalar that reads back as exactly that string, on one line.
pub fn yaml_scalar(s: &str) -> String {
    if let Ok(y) = serde_yaml::to_string(s) {
        let y = y.strip_suffix('\n').unwrap_or(&y);
        if !y.contains('\n') && !y.starts_with(['|', '>']) {
            return y.to_string();
        }
    }
    // A JSON string is a valid YAML double-quoted scalar; it escapes line breaks.
    serde_json::to_string(s).expect("a string serialises")
}

/// The answer file: a comment header, then one entry per question in question order.
pub fn render_answers(
    exercise_id: &str,
    title: &str,
    params: &Params,
    answers: &[(usize, String)],
    lang: Lang,
) -> String {
    let names: Vec<&str> = params.options.0.iter().map(|c| c.name.as_str()).collect();
    let names = names.join(", ");
    let min = params.min_reason;
    let chars = crate::i18n::count(min, "character", "characters");
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    let title = one_line(title);
    let header = tr!(
        "# Answers to `{exercise_id}` ({title}), written by `course answer {exercise_id}`.\n# choice: one of {names}; reason: why, in at least {chars}.\n# Check them: course check {exercise_id}\n",
        "# `{exercise_id}` ({title})의 답안. `course answer {exercise_id}`가 작성했습니다.\n# choice: {names} 중 하나, reason: 이유 ({min}자 이상).\n# 확인하기: course check {exercise_id}\n"
    );
    let mut out = header.get(lang).to_string();
    for (q, (choice, reason)) in params.questions.iter().zip(answers) {
        out.push('\n');
        out.push_str(&format!("# {}\n", one_line(q.prompt.get(lang))));
        out.push_str(&format!("{}:\n", yaml_scalar(&q.key)));
        out.push_str(&format!(
            "  choice: {}\n",
            yaml_scalar(&params.options.0[*choice].name)
        ));
        out.push_str(&format!("  reason: {}\n", yaml_scalar(reason)));
    }
    out
}

/// Where the answer file `rel` is written: a path inside `root`, or (as `Err`) a message
/// saying which part of the way is a symbolic link (a write through it could leave the
/// workspace).
pub fn target(root: &Path, rel: &str) -> Result<PathBuf, Tr> {
    let mut path = root.to_path_buf();
    for part in rel.split('/').filter(|p| !p.is_empty() && *p != ".") {
        path.push(part);
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            let shown = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            return Err(tr!(
                "{shown} is a symbolic link; `course answer` writes only a real file inside the workspace. Replace the link with a folder or file",
                "{shown}은(는) 심볼릭 링크입니다. `course answer`는 작업 폴더 안의 실제 파일에만 씁니다. 링크를 폴더나 파일로 바꾸십시오"
            ));
        }
    }
    Ok(path)
}

/// Write the answer file atomically (the only file `course answer` writes).
pub fn save(path: &Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    crate::fs::write_atomic(path, text.as_bytes()).with_context(|| {
        let p = path.display();
        crate::exit::said(crate::tr!(
            "cannot save {p}",
            "{p}을(를) 저장할 수 없습니다"
        ))
    })
}

/// Does `s` hold a control character (ESC from an arrow key, a stray carriage return, DEL...)?
/// Tabs and line feeds are allowed: a tab is harmless inside a sentence, and a reason written
/// as a YAML block scalar (`reason: |` or `>`) holds line feeds by design (issue 9: an honest
/// multi-line reason was refused as "arrow keys"). A prompt's line never holds a line feed.
pub fn has_control(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\t' && c != '\n')
}

/// `s` on one line with its control characters written out (`\e[D`, `\n`), safe to print.
pub fn visible(s: &str) -> String {
    crate::escape::visible(&s.replace('\n', "\\n").replace('\t', "\\t"))
}

#[cfg(test)]
mod tests {
    use super::super::test_params as params;
    use super::*;

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
    fn read_answers_is_lenient() {
        let p = super::super::tests::params();
        let a = read_answers(
            &p,
            "\u{feff}training:\r\n  choice: PY\r\n  reason: ' because '\r\n",
        );
        assert_eq!(a[0], Answer::default());
        assert_eq!(a[1].choice, Some(1));
        assert_eq!(a[1].reason.as_deref(), Some("because"));
        assert_eq!(read_answers(&p, ": : :")[1], Answer::default());
    }

    #[test]
    fn scalars_round_trip() {
        for s in [
            "plain words",
            "그래프를 바로 보면서: 확인 # 가능",
            "- dash",
            "yes",
            "null",
            "~",
            "123",
            "it's \"quoted\"",
            "tab\there",
            "two\nlines",
            "",
            "  padded  ",
            "{flow}",
            "&anchor *alias !tag",
            "%percent @at `tick`",
            "🙂 emoji",
        ] {
            let y = yaml_scalar(s);
            assert!(!y.contains('\n'), "{y}");
            let back: String = serde_yaml::from_str(&format!("k: {y}\n"))
                .map(|m: std::collections::BTreeMap<String, String>| m["k"].clone())
                .unwrap_or_else(|e| panic!("{s:?} -> {y}: {e}"));
            assert_eq!(back, s);
        }
    }

    #[test]
    fn rendered_file_reads_back() {
        let p = params();
        let answers = vec![
            (0, "분포를: 그래프로 # 바로 확인".to_string()),
            (1, "'오래' 걸리는 작업".to_string()),
        ];
        let text = render_answers("ex", "T\nitle", &p, &answers, Lang::Ko);
        assert!(text.starts_with("# `ex` (T itle)"), "{text}");
        let back = read_answers(&p, &text);
        assert_eq!(back[0].choice, Some(0));
        assert_eq!(
            back[0].reason.as_deref(),
            Some("분포를: 그래프로 # 바로 확인")
        );
        assert_eq!(back[1].choice, Some(1));
        assert_eq!(back[1].reason.as_deref(), Some("'오래' 걸리는 작업"));
        assert!(
            text.find("data_exploration:").unwrap() < text.find("yes").unwrap(),
            "{text}"
        );
    }

    #[test]
    fn a_link_on_the_way_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("answers")).unwrap();
        let why = target(dir.path(), "answers/a.yaml").unwrap_err();
        assert!(
            why.get(Lang::En).starts_with("answers is a symbolic link"),
            "{why:?}"
        );
        assert_eq!(
            target(dir.path(), "./other/a.yaml").unwrap(),
            dir.path().join("other/a.yaml")
        );
    }
}
