//! Check kind `mentions`: a file (e.g. `README.md`) mentions each given word, so that the
//! learner explains each folder of the project.
//!
//! A word matches case-insensitively wherever the characters right before and after it are
//! not ASCII letters, digits or `_`: `src/`, `` `configs/` ``, `src는`, `configs/에` count,
//! `resources` does not count for `src`. A trailing `/` in a word is optional in the text.

use serde::Deserialize;

use super::shared::{clean, read_file};
use super::{CheckContext, Code, Finding};
use crate::tr;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// The file, relative to the workspace root.
    pub file: String,
    /// Words the file must mention.
    #[serde(default)]
    pub words: Vec<String>,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            file: "README.md".to_string(),
            words: Vec::new(),
        }
    }
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let file = clean(&params.file);
    let text = match read_file(ctx, &file) {
        Ok(text) => text.to_ascii_lowercase(),
        Err(mut finding) => {
            if finding.code == Code::FileMissing {
                let list = params.words.join(", ");
                finding.hint = Some(tr!(
                    "create `{file}` and explain in it what each of these is for: {list}",
                    "`{file}` 을(를) 만들고 다음 각각의 역할을 설명하세요: {list}"
                ));
            }
            return vec![*finding];
        }
    };

    let mut findings = Vec::new();
    for word in &params.words {
        if mentions(&text, word) {
            continue;
        }
        let bare = word.trim_end_matches('/');
        let folder = format!("{bare}/");
        findings.push(
            Finding::fail(Code::MentionsMissingWord, tr!(
                "`{file}` does not mention `{word}`",
                "`{file}` 에 `{word}` 이야기가 없습니다"
            ))
            .file_named(&file)
            .hint(tr!(
                "add a line to `{file}` explaining the role of `{folder}`, e.g. \"`{folder}`: what goes there and why\"",
                "`{file}` 에 `{folder}` 의 역할을 설명하는 줄을 추가하세요. 예: \"`{folder}`: 무엇을 왜 두는 곳인지\""
            )),
        );
    }
    if findings.is_empty() {
        let n = params.words.len();
        findings.push(
            Finding::pass(
                Code::MentionsOk,
                tr!(
                    "`{file}` mentions all {n} expected names",
                    "`{file}` 에 필요한 이름 {n}개가 모두 나옵니다"
                ),
            )
            .file_named(&file),
        );
    }
    findings
}

fn is_word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Does `text` (already ASCII-lowercased) mention `word` as a whole word?
fn mentions(text: &str, word: &str) -> bool {
    let word = word.trim().trim_end_matches('/').to_ascii_lowercase();
    if word.is_empty() {
        return true;
    }
    let hay = text.as_bytes();
    let w = word.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find(&word) {
        let start = from + i;
        let end = start + w.len();
        let before_ok = start == 0 || !is_word_char(hay[start - 1]) || !is_word_char(w[0]);
        let after_ok = end == hay.len() || !is_word_char(hay[end]) || !is_word_char(w[w.len() - 1]);
        if before_ok && after_ok {
            return true;
        }
        // Advance by one character (the word may start with a multi-byte one).
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::mentions;

    fn m(text: &str, word: &str) -> bool {
        mentions(&text.to_ascii_lowercase(), word)
    }

    #[test]
    fn whole_words_and_korean_particles() {
        assert!(m("src는 소스 코드", "src"));
        assert!(m("configs/에는 설정", "configs"));
        assert!(m("- `Notebooks/`: 실험", "notebooks"));
        assert!(m("see src/", "src/"));
        assert!(m("src", "src/"));
        assert!(!m("resources and mysrc", "src"));
        assert!(!m("src_old", "src"));
        assert!(!m("notebook", "notebooks"));
        assert!(m("데이터는 data 폴더", "data"));
    }
}
