//! Test: Korean messages and prompts keep one register, 합쇼체 (issue 9; README "Writing
//! program messages"): statements in `-습니다`/`-입니다`, requests in `-십시오`, questions in
//! `-ㅂ니까?`. Lessons keep 해라체 and are not scanned; the nudges of an exercise's questions
//! are shown inside a finding, so they are held to the messages' register.

use std::path::{Path, PathBuf};

/// Words that end like 해요체 or 해라체 but are nouns or fixed answers, not a sentence ending.
const ALLOWED: [&str; 7] = ["필요", "중요", "주요", "개요", "아니요", "숫자", "인자"];

fn hangul(c: char) -> bool {
    ('가'..='힣').contains(&c)
}

/// The first sentence ending in `text` that is not 합쇼체, if any. A sentence ends before
/// `.`, `?`, `!`, a `\n` escape, a quote closing the literal, or the end of the text.
pub(crate) fn register_problem(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !hangul(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && hangul(chars[i]) {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let next = chars.get(i).copied();
        let ends = match next {
            None | Some('.' | '?' | '!' | '"') => true,
            Some('\\') => matches!(chars.get(i + 1), Some('n' | '\n') | None),
            _ => false,
        };
        let problem = if word.ends_with('요') && !ALLOWED.contains(&word.as_str()) {
            Some("해요체 -요")
        } else if next == Some('?') && !word.ends_with("니까") {
            Some("question not in -ㅂ니까?")
        } else if ALLOWED.contains(&word.as_str()) {
            None
        } else if ends && word.ends_with('다') && !word.ends_with("니다") {
            Some("해라체 -다")
        } else if ends && word.chars().count() > 1 && (word.ends_with('자') || word.ends_with('라'))
        {
            Some("해라체 -자/-라")
        } else {
            None
        };
        if let Some(p) = problem {
            return Some(format!("{p}: {word}"));
        }
    }
    None
}

#[test]
fn register_problems_are_found() {
    for bad in [
        "파일을 만드세요",
        "정말 요구사항 파일인가요? 아니면",
        "다시 생각해 보자.",
        "그 도구가 맞는가?",
        "설정을 고친다",
        "\"주석을 달아라\"",
    ] {
        assert!(register_problem(bad).is_some(), "{bad}");
    }
    for good in [
        "파일을 만드십시오. 그다음 `course check`를 실행하십시오",
        "정말 요구사항 파일입니까? 아닙니다.",
        "필요 없음, 중요: 예/아니요",
        "이 폴더는 작업 폴더가 아닙니다\\n",
        "{n}자 이상 (`x`: 다음)",
    ] {
        assert_eq!(register_problem(good), None, "{good}");
    }
}

/// Every `.rs` file under `dir` (the particle scan reads the same files).
pub(super) fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("src is readable").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Korean line of code in src/ (comments and test code left out: tests hold a
/// learner's words and wrong spellings on purpose; josa.rs holds readings, not sentences).
#[test]
fn issue9_korean_messages_in_src_are_hapsyo_che() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    sources(&src, &mut paths);
    assert!(paths.len() > 50, "sources found: {}", paths.len());
    let mut problems = Vec::new();
    let mut scanned = 0;
    for path in &paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.contains("tests")
            || ["particle_scan.rs", "register_scan.rs", "josa.rs"].contains(&name)
        {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("a source file is UTF-8");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            // A word list of what learners write (marked as the glossary test's exceptions
            // are) holds their words, not a message.
            let learners = line.contains(crate::i18n::glossary::LEARNER_WORD);
            if !line.chars().any(hangul) || line.trim_start().starts_with("//") || learners {
                continue;
            }
            scanned += 1;
            if let Some(p) = register_problem(line) {
                problems.push(format!("{}:{}: {p}", path.display(), n + 1));
            }
        }
    }
    assert!(scanned > 200, "Korean lines found: {scanned}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The built-in course's question nudges (shown as a finding's hint) are 합쇼체 too.
#[test]
fn issue9_question_nudges_are_hapsyo_che() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    let mut nudges = Vec::new();
    fn walk(v: &serde_yaml::Value, out: &mut Vec<String>) {
        match v {
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    if k.as_str() == Some("nudge") {
                        if let Some(ko) = v.get("ko").and_then(|k| k.as_str()) {
                            out.push(ko.to_string());
                        }
                    }
                    walk(v, out);
                }
            }
            serde_yaml::Value::Sequence(s) => s.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    for entry in std::fs::read_dir(&root).expect("exercises/ is readable") {
        let file = entry.expect("readable").path().join("exercise.yaml");
        let text = std::fs::read_to_string(&file).expect("exercise.yaml is readable");
        let doc: serde_yaml::Value = serde_yaml::from_str(&text).expect("exercise.yaml parses");
        walk(&doc, &mut nudges);
    }
    assert!(nudges.len() >= 4, "nudges found: {}", nudges.len());
    let problems: Vec<String> = nudges
        .iter()
        .filter_map(|n| register_problem(n).map(|p| format!("{p}\n  {n}")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
