//! One explanation written for several folders explains none of them (issue 9 learner
//! audit: `- src/: 중요한 폴더` and the same words under five more folders passed): for
//! [`super`]'s `explain: true`, the words a line says about a folder (the line without its
//! labels, compared by its letters and digits, punctuation and case aside) that the lines of
//! two or more other folders say too. One line naming two folders (`- src/, scripts/: Python
//! 코드`) is one explanation of both, not a repeat; two folders whose lines share a word but
//! differ (`- data/: 학습 데이터`, `- notebooks/: 데이터 탐색`) are two explanations.

use std::collections::HashMap;

use crate::checks::{Code, Finding};
use crate::tr;

/// A line that explains a folder (0-based) and what it says, as compared.
#[derive(Clone, Debug)]
pub(super) struct Said {
    pub line: usize,
    pub key: String,
}

impl Said {
    /// What `said` says, compared by its words: letters and digits, lowercase (the text is
    /// lowercased already), one space between.
    pub fn new(line: usize, said: &str) -> Said {
        let key = said
            .split(|c: char| !crate::prose::is_letter_or_digit(c))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Said { line, key }
    }
}

/// Different explanations of one folder looked for at most: a folder explained in so many
/// ways is explained unless each of them is shared, which only a file made to be hostile does.
const ENOUGH: usize = 4;

/// Does `said` hold [`ENOUGH`] different explanations?
pub(super) fn enough(said: &[Said]) -> bool {
    let mut keys: Vec<&str> = Vec::with_capacity(ENOUGH);
    for s in said {
        if !keys.contains(&s.key.as_str()) {
            keys.push(&s.key);
            if keys.len() == ENOUGH {
                return true;
            }
        }
    }
    false
}

/// Keep `new` among the explanations of one folder unless two lines with its words are
/// kept already (two are all [`shared`] needs), so `said` stays short on any file.
pub(super) fn add(said: &mut Vec<Said>, new: Said) {
    if said.iter().filter(|s| s.key == new.key).count() < 2 {
        said.push(new);
    }
}

/// The keys that two different folders are explained with on two different lines. Bounded:
/// per key at most two lines of each folder are kept, which is enough to find such a pair
/// (a folder with two lines has one that is not the new line).
pub(super) fn shared(found: &[(&String, Option<usize>, Vec<Said>)]) -> Vec<String> {
    let mut seen: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut out: Vec<String> = Vec::new();
    for (w, (_, _, said)) in found.iter().enumerate() {
        for s in said {
            let kept = seen.entry(s.key.as_str()).or_default();
            if kept.iter().any(|&(ow, ol)| ow != w && ol != s.line) {
                if !out.contains(&s.key) {
                    out.push(s.key.clone());
                }
            } else if kept.iter().filter(|&&(ow, _)| ow == w).count() < 2 {
                kept.push((w, s.line));
            }
        }
    }
    out
}

/// The finding for explanation `key`, given to `words` (first on line `line`, 0-based).
pub(super) fn finding(file: &str, key: &str, words: &[&str], line: usize) -> Finding {
    let names = words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let folders = words
        .iter()
        .map(|w| format!("`{}/`", w.trim_end_matches('/')))
        .collect::<Vec<_>>()
        .join(", ");
    let n = words.len();
    Finding::fail(
        Code::MentionsSameExplanation,
        tr!(
            "`{file}` explains {names} with the same words, `{key}`: what fits every folder says what none of them is for",
            "`{file}`에서 {names}에 같은 설명 `{key}`을(를) 썼습니다. 모든 폴더에 맞는 말로는 어느 폴더가 무엇을 하는 곳인지 알 수 없습니다"
        ),
    )
    .file_named(file)
    .line(line as u32 + 1)
    .hint(tr!(
        "write for each of these {n} folders what goes there, in words of its own: {folders}",
        "다음 폴더 {n}개에 각각 무엇을 두는지 서로 다른 말로 쓰십시오: {folders}"
    ))
}
