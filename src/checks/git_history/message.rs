//! Is a commit message words, and what message would say what a commit changed.
//!
//! A message is words when it has two different letters at least: `.`, `-`, `aaa`, `ㅋㅋㅋ`,
//! `하하` and `1` are not; `ok`, `add a`, `fix`, `수정`, `README 추가` are. A number read
//! with a Korean counter is a word too (`1차` is 일차, "first round"; `3번`). (Looser than
//! [`crate::prose`]'s rule for reasons: a short commit subject is normal git practice, so a
//! vague but real word such as `수정` or `fix` passes.) Keyboard mash is not words either: a
//! message whose letters are all bare Hangul jamo (`ㅁㄴㅇㄹ`, `ㅋㅋ ㅎㅎ`: no syllable was
//! formed), or whose every word is a walk over neighbouring keys of one keyboard row (see
//! [`key_walk`]: `asdf`, `fdsa`, `jkl;`, `jkjk`, `asdfasdf`).
//!
//! A placeholder is not a message either: the example text of a fix or a tool
//! (`Describe the change`, `변경 내용 설명`, `commit message`, `<message>`) pasted as it
//! stands. So a fix never suggests a message that would pass pasted literally: it suggests one
//! made from what the commit changed ([`example`]: `Add README.md`, `hello.py 수정`), which
//! is true of that commit.

use git2::{Delta, Oid};

use super::{short, the_rest, Code, Finding, MAX_FINDINGS_PER_KIND};
use crate::i18n::Tr;
use crate::tr;

/// What a message that is not a description is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unsaid {
    /// No words: punctuation, one letter repeated, keyboard mash.
    NoWords,
    /// A placeholder pasted as it stands.
    Placeholder,
}

/// A commit whose message says nothing, with what to show and suggest.
pub(super) struct Flagged {
    pub oid: Oid,
    pub is_head: bool,
    pub is_root: bool,
    /// The message, trimmed, as shown (at most 40 characters).
    pub text: String,
    /// A message that says what the commit changed (see [`example`]).
    pub example: Tr,
}

/// Why `message` says nothing, with it trimmed as shown; `None` when it is words.
pub(super) fn unsaid(message: &[u8]) -> Option<(Unsaid, String)> {
    let text = String::from_utf8_lossy(message);
    let shown = || text.trim().chars().take(40).collect();
    if placeholder(&text) {
        return Some((Unsaid::Placeholder, shown()));
    }
    (!words(&text) || mash(&text)).then(|| (Unsaid::NoWords, shown()))
}

/// Has `text` two different letters, a digit before a Hangul syllable counting as one?
fn words(text: &str) -> bool {
    let mut letters = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let counted = crate::prose::is_letter(c)
            || c.is_ascii_digit() && chars.peek().is_some_and(|n| matches!(n, '가'..='힣'));
        if counted {
            letters.extend(c.to_lowercase());
        }
    }
    letters.iter().any(|&c| c != letters[0])
}

/// Placeholders of fixes and tools, compared lowercase with spaces collapsed and a final
/// `.` dropped. Not `설명` or `update` alone: a vague word is still a word.
const PLACEHOLDERS: [&str; 24] = [
    "describe the change",
    "describe the changes",
    "describe your change",
    "describe your changes",
    "describe what you changed",
    "describe the commit",
    "what you changed",
    "commit message",
    "your commit message",
    "message",
    "your message",
    "message here",
    "your message here",
    "commit message here",
    "변경 내용 설명",
    "변경 사항 설명",
    "변경사항 설명",
    "변경 내용",
    "바꾼 내용",
    "커밋 메시지",
    "메시지",
    "커밋 메시지 입력",
    "메시지 입력",
    "여기에 메시지",
];

/// Is `text` a placeholder: one of [`PLACEHOLDERS`], or text in angle brackets (`<message>`,
/// `<무엇을 바꿨는지>`, as fixes write what is to be replaced)?
fn placeholder(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 2 && text.starts_with('<') && text.ends_with('>') {
        return true;
    }
    let normal = text
        .trim_end_matches('.')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    PLACEHOLDERS.contains(&normal.as_str())
}

/// Is `text` keyboard mash (see the module docs)?
fn mash(text: &str) -> bool {
    let letters = || text.chars().filter(|&c| crate::prose::is_letter(c));
    // Hangul compatibility jamo: consonants and vowels typed without forming a syllable.
    let jamo_only = letters().all(|c| matches!(c, '\u{3131}'..='\u{318E}'));
    if letters().next().is_some() && jamo_only {
        return true;
    }
    let mut words = text
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .peekable();
    words.peek().is_some() && words.all(key_walk)
}

/// Is `word` a walk over neighbouring keys of one keyboard row? It splits where two keys in a
/// row are not neighbours; each piece is a run of three keys or more one way (`asdf`, `fdsa`,
/// `asdf|asdf`), or four or more back and forth (`jkjk`, `hjklkj`). Words typed on one row
/// with a gap or a doubled key (`sad`, `flask`, `tree`, `add`) are not walks; three keys back
/// and forth (`pop`) are not either.
fn key_walk(word: &str) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"];
    let word = word.to_ascii_lowercase();
    ROWS.iter().any(|row| {
        let Some(keys) = word
            .chars()
            .map(|c| row.find(c).map(|i| i as i64))
            .collect::<Option<Vec<i64>>>()
        else {
            return false;
        };
        keys.len() >= 3
            && keys
                .chunk_by(|a, b| a.abs_diff(*b) == 1)
                .all(|piece| match piece {
                    [a, b, c] => c - b == b - a,
                    _ => piece.len() >= 4,
                })
    })
}

/// A message that says what a commit with these changes (status, repo-relative path) did,
/// for a fix to suggest: `Add README.md` / `README.md 추가`, `Update hello.py and train.py`,
/// `Remove notes.txt`; with more than two files, the first two and how many more. File
/// names come first, dotfiles after them. No change (an empty commit): a placeholder in angle
/// brackets, which the learner replaces (and which fails as a placeholder if pasted).
pub(super) fn example(changes: &[(Delta, String)]) -> Tr {
    let mut names: Vec<&str> = Vec::new();
    for (_, path) in changes {
        let name = path.rsplit('/').next().unwrap_or(path);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.sort_by_key(|name| name.starts_with('.'));
    let (en, ko) = if changes.iter().all(|(s, _)| *s == Delta::Added) {
        ("Add", "추가")
    } else if changes.iter().all(|(s, _)| *s == Delta::Deleted) {
        ("Remove", "삭제")
    } else {
        ("Update", "수정")
    };
    match names.as_slice() {
        [] => tr!("<what the commit changed>", "<커밋에서 바꾼 내용>"),
        [a] => tr!("{en} {a}", "{a} {ko}"),
        [a, b] => tr!("{en} {a} and {b}", "{a}, {b} {ko}"),
        [a, b, rest @ ..] => {
            let more = rest.len();
            let others = crate::i18n::count(more, "other file", "other files");
            tr!(
                "{en} {a}, {b} and {others}",
                "{a}, {b} 외 {more}개 파일 {ko}"
            )
        }
    }
}

/// How to reword commit `oid` (amend HEAD, else an interactive rebase from its parent or the
/// root), with `example`, a message that says what it changed.
pub(super) fn reword_hint(oid: Oid, is_head: bool, is_root: bool, example: &Tr) -> Tr {
    let id = short(oid);
    if is_head {
        return tr!(
            "reword the last commit with a message that says what it changed, e.g.:\n  git commit --amend -m {m}",
            "마지막 커밋의 메시지를 커밋이 바꾼 내용으로 고치십시오. 예:\n  git commit --amend -m {m}";
            m = super::commit_message(example.clone())
        );
    }
    let from = if is_root {
        "--root".to_string()
    } else {
        format!("{id}^")
    };
    tr!(
        "run this, change `pick {id}` to `reword {id}` in the editor, save, then write a message that says what the commit changed (e.g. `{e}`):\n  git rebase -i {from}",
        "다음 명령을 실행하고, 편집기에서 커밋 {id} 줄의 `pick`을 `reword`로 바꿔 저장한 뒤 커밋이 바꾼 내용을 메시지로 쓰십시오(예: `{e}`):\n  git rebase -i {from}";
        e = example
    )
}

/// One finding per commit of `commits` (all of one `kind`), at most
/// [`MAX_FINDINGS_PER_KIND`] and a count of the rest.
pub(super) fn findings(kind: Unsaid, commits: &[Flagged]) -> Vec<Finding> {
    let code = match kind {
        Unsaid::NoWords => Code::HistoryMessageNotText,
        Unsaid::Placeholder => Code::HistoryMessagePlaceholder,
    };
    let mut findings: Vec<Finding> = commits
        .iter()
        .take(MAX_FINDINGS_PER_KIND)
        .map(|c| {
            let (id, text) = (short(c.oid), &c.text);
            let message = match kind {
                Unsaid::NoWords => tr!(
                    "commit {id}'s message `{text}` has no words: it does not say what the commit changed",
                    "커밋 {id}의 메시지 `{text}`에는 뜻이 있는 말이 없습니다: 커밋이 무엇을 바꿨는지 말하지 않습니다"
                ),
                Unsaid::Placeholder => tr!(
                    "commit {id}'s message `{text}` is example text, pasted as it stands: it does not say what the commit changed",
                    "커밋 {id}의 메시지가 예시 문구 `{text}` 그대로입니다: 커밋이 무엇을 바꿨는지 말하지 않습니다"
                ),
            };
            Finding::fail(code, message).hint(reword_hint(c.oid, c.is_head, c.is_root, &c.example))
        })
        .collect();
    findings.extend(the_rest(commits.len(), code, |more| {
        let n = crate::i18n::count(more, "commit", "commits");
        match kind {
            Unsaid::NoWords => tr!(
                "and {n} more whose message has no words",
                "그 밖에 메시지에 뜻이 있는 말이 없는 커밋이 {more}개 더 있습니다"
            ),
            Unsaid::Placeholder => tr!(
                "and {n} more whose message is example text",
                "그 밖에 메시지가 예시 문구 그대로인 커밋이 {more}개 더 있습니다"
            ),
        }
    }));
    findings
}

#[cfg(test)]
mod tests;
