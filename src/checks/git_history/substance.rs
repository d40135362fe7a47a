//! What counts as work in a history (issue 8's rule that "modified" means the content changed,
//! carried on): a modification must change what the file says, and a commit message must be
//! words.
//!
//! A change of blank lines only, or of spaces at line ends (`echo >> hello.py`, an editor that
//! strips trailing spaces), leaves every line of the file saying what it said: it does not
//! count. Indentation does count: in Python it is meaning (moving `print(i)` into the loop).
//! A message is words when it has two different letters at least: `.`, `-`, `aaa`, `ㅋㅋㅋ`,
//! `하하` and `1` are not; `ok`, `add a`, `fix`, `수정`, `README 추가` are. (Looser than
//! [`crate::prose`]'s rule for reasons: a short commit subject is normal git practice, so a
//! vague but real word such as `수정` or `fix` passes.) Keyboard mash is not words either: a
//! message whose letters are all bare Hangul jamo (`ㅁㄴㅇㄹ`, `ㅋㅋ ㅎㅎ`: no syllable was
//! formed), or whose every word is a run of three or more neighbouring keys of one keyboard
//! row, either way (`asdf`, `qwer`, `zxcv`, `asdfgh`, `jkl;`, `fdsa`).

use std::path::Path;

use git2::{Blob, Commit, Oid, Repository, Tree};

use super::{reword_hint, short, the_rest, Code, Finding, MAX_FINDINGS_PER_KIND};
use crate::tr;

/// The lines of a file as compared: spaces at line ends dropped, blank lines left out,
/// indentation kept.
fn saying(bytes: &[u8]) -> Vec<&[u8]> {
    bytes
        .split(|&b| b == b'\n')
        .map(|line| {
            let end = line
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(0, |i| i + 1);
            &line[..end]
        })
        .filter(|line| !line.is_empty())
        .collect()
}

fn blob_at<'r>(repo: &'r Repository, tree: &Tree<'_>, path: &str) -> Option<Blob<'r>> {
    let entry = tree.get_path(Path::new(path)).ok()?;
    entry.to_object(repo).ok()?.into_blob().ok()
}

/// Did `commit` change `path` (repo-relative) against its first parent only in blank lines
/// or spaces at line ends?
pub(super) fn only_blank_changes(
    repo: &Repository,
    commit: &Commit<'_>,
    path: &str,
) -> Result<bool, git2::Error> {
    if commit.parent_count() == 0 {
        return Ok(false);
    }
    let new = blob_at(repo, &commit.tree()?, path);
    let old = blob_at(repo, &commit.parent(0)?.tree()?, path);
    Ok(match (old, new) {
        (Some(old), Some(new)) => saying(old.content()) == saying(new.content()),
        _ => false,
    })
}

/// The message (trimmed, as shown) when it has no words; `None` when it is.
pub(super) fn wordless(message: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(message);
    let mut letters = text
        .chars()
        .filter(|&c| crate::prose::is_letter(c))
        .flat_map(char::to_lowercase);
    let first = letters.next();
    let words = first.is_some_and(|first| letters.any(|c| c != first));
    (!words || mash(&text)).then(|| text.trim().chars().take(40).collect())
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
    words.peek().is_some() && words.all(key_run)
}

/// Is `word` a run of three or more neighbouring keys of one keyboard row, either way?
fn key_run(word: &str) -> bool {
    const ROWS: [&str; 3] = ["qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"];
    let word = word.to_ascii_lowercase();
    let reversed: String = word.chars().rev().collect();
    word.len() >= 3
        && ROWS
            .iter()
            .any(|row| row.contains(word.as_str()) || row.contains(reversed.as_str()))
}

/// One finding per commit whose message has no words, at most [`MAX_FINDINGS_PER_KIND`] and
/// a count of the rest.
pub(super) fn wordless_findings(commits: &[(Oid, bool, bool, String)]) -> Vec<Finding> {
    let mut findings: Vec<Finding> = commits
        .iter()
        .take(MAX_FINDINGS_PER_KIND)
        .map(|(oid, is_head, is_root, text)| {
            let id = short(*oid);
            Finding::fail(
                Code::HistoryMessageNotText,
                tr!(
                    "commit {id}'s message `{text}` has no words: it does not say what the commit changed",
                    "커밋 {id}의 메시지 `{text}`에는 뜻이 있는 말이 없습니다: 커밋이 무엇을 바꿨는지 말하지 않습니다"
                ),
            )
            .hint(reword_hint(*oid, *is_head, *is_root))
        })
        .collect();
    findings.extend(the_rest(
        commits.len(),
        Code::HistoryMessageNotText,
        |more| {
            let n = crate::i18n::count(more, "commit", "commits");
            tr!(
                "and {n} more whose message has no words",
                "그 밖에 메시지에 뜻이 있는 말이 없는 커밋이 {more}개 더 있습니다"
            )
        },
    ));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_and_trailing_spaces_say_nothing_new() {
        assert_eq!(saying(b"x = 1\n"), saying(b"x = 1\n\n"));
        assert_eq!(saying(b"x = 1\n"), saying(b"x = 1   \r\n"));
        assert_eq!(saying(b"x = 1"), saying(b"\nx = 1\n"));
    }

    #[test]
    fn indentation_and_words_are_changes() {
        assert_ne!(
            saying(b"for i in r:\n    pass\nprint(i)\n"),
            saying(b"for i in r:\n    pass\n    print(i)\n")
        );
        assert_ne!(saying(b"x = 1\n"), saying(b"x = 2\n"));
        assert_ne!(saying(b""), saying(b"# TODO\n"));
    }

    #[test]
    fn messages_that_are_words() {
        for m in [
            "ok",
            "add a",
            "fix",
            "wip",
            "수정",
            "README 추가",
            "Add hello.py",
            "학습률 추가\n\n본문",
            "Add README",
            "fix typo",
            "초기 커밋",
            "수정 ㅋㅋ",
            "asdf 함수 이름 수정",
            "Fix asdf typo",
        ] {
            assert_eq!(wordless(m.as_bytes()), None, "{m}");
        }
        for m in [".", "-", "aaa", "AaA", "ㅋㅋㅋ", "하하", "1", "...\n"] {
            assert!(wordless(m.as_bytes()).is_some(), "{m}");
        }
    }

    /// Issue 9: keyboard mash passed as words; only `ㅋㅋㅋ` (one letter) was caught.
    #[test]
    fn issue9_keyboard_mash_is_not_words() {
        for m in [
            "asdf",
            "ASDF",
            "qwer",
            "zxcv",
            "asdfgh",
            "jkl;",
            "fdsa",
            "asdf qwer",
            "asdf\n",
            "ㅁㄴㅇㄹ",
            "ㅋㅋ ㅎㅎ",
            "ㅏㅓㅗㅜ",
        ] {
            assert!(wordless(m.as_bytes()).is_some(), "{m}");
        }
    }
}
