//! Is a commit message words, and what message would say what a commit changed.
//!
//! A message is words when it has two different letters at least: `.`, `-`, `aaa`, `ㅋㅋㅋ`,
//! `하하` and `1` are not; `ok`, `add a`, `fix`, `수정`, `README 추가` are. A number read
//! with a Korean counter is a word too (`1차` is 일차, "first round"; `3번`). (Looser than
//! [`crate::prose`]'s rule for reasons: a short commit subject is normal git practice, so a
//! vague but real word such as `수정` or `fix` passes.) Keyboard mash is not words either: a
//! message whose letters are all bare Hangul jamo (`ㅁㄴㅇㄹ`, `ㅋㅋ ㅎㅎ`: no syllable was
//! formed), or whose every word is a walk over neighbouring keys of one keyboard row
//! (`asdf`, `fdsa`, `jkl;`, `jkjk`, `asdfasdf`): [`crate::prose::mash`], the same rule a
//! requirement's comment is held to.
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
    /// Its place in the history walked oldest first (0 is the oldest).
    pub at: usize,
    pub is_head: bool,
    pub is_root: bool,
    /// The message, trimmed, as shown (at most 40 characters).
    pub text: String,
    /// A message that says what the commit changed (see [`example`]); made only for the
    /// commits a finding shows.
    pub example: Option<Tr>,
}

/// Why `message` says nothing, with it trimmed as shown; `None` when it is words.
pub(super) fn unsaid(message: &[u8]) -> Option<(Unsaid, String)> {
    let text = String::from_utf8_lossy(message);
    let shown = || text.trim().chars().take(40).collect();
    if placeholder(&text) {
        return Some((Unsaid::Placeholder, shown()));
    }
    (!words(&text) || crate::prose::mash(&text)).then(|| (Unsaid::NoWords, shown()))
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

/// A message that says what a commit with these changes (status, repo-relative path) did,
/// for a fix to suggest: `Add README.md` / `README.md 추가`, `Update hello.py and train.py`,
/// `Remove notes.txt`; with more files, the first and how many more (`Add a.py and 2 more`),
/// at most [`EXAMPLE_COLUMNS`] wide (a long name cut, `…` marking the cut). File
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
    let [first, rest @ ..] = names.as_slice() else {
        return tr!("<what the commit changed>", "<커밋에서 바꾼 내용>");
    };
    // Short enough that `git commit --amend -m "..."` never wraps inside its quotes at 60
    // columns (a newline pasted into a message): one name, and how many more; the name cut
    // when the message is still wider than EXAMPLE_COLUMNS in some language.
    let make = |a: &str| match rest.len() {
        0 => tr!("{en} {a}", "{a} {ko}"),
        more => tr!("{en} {a} and {more} more", "{a} 외 {more}개 {ko}"),
    };
    let full = make(first);
    let mut over = 0;
    full.map(|_, text| {
        over = over.max(width(text).saturating_sub(EXAMPLE_COLUMNS));
        String::new()
    });
    if over == 0 {
        return full;
    }
    make(&cut(first, width(first).saturating_sub(over).max(4)))
}

/// The widest an [`example`] is, in display columns.
pub(super) const EXAMPLE_COLUMNS: usize = 30;

fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `name` cut to `columns` display columns, `…` marking the cut.
fn cut(name: &str, columns: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if width(name) <= columns {
        return name.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in name.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > columns - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
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

/// The one fix for several commits to reword, oldest first: one `git rebase -i` from the
/// oldest one's parent, with every line to change. Two fixes would not do: after the first
/// rebase every later commit's id changes, so a second `git rebase -i <id>^` names a commit
/// that is gone and, run as written, brings the old messages back. `None` for fewer than two.
pub(super) fn reword_together(commits: &[&Flagged]) -> Option<Tr> {
    let oldest = commits.first().filter(|_| commits.len() > 1)?;
    let from = if oldest.is_root {
        "--root".to_string()
    } else {
        format!("{}^", short(oldest.oid))
    };
    let mut lines = String::new();
    let listed = &commits[..commits.len().min(MAX_TOGETHER)];
    for c in listed {
        let subject = c.text.lines().next().unwrap_or_default();
        lines.push_str(format!("\n  pick {} {subject}", short(c.oid)).trim_end());
    }
    let more = commits.len() - listed.len();
    let mut examples: Vec<Tr> = commits
        .iter()
        .filter_map(|c| c.example.as_ref())
        .map(|e| e.map(|_, e| format!("`{e}`")))
        .take(3)
        .collect();
    examples.dedup();
    let examples = Tr::join(&examples, ", ");
    let mut hint = tr!(
        "reword these commits in one rebase (a rebase gives every later commit a new id, so one fix covers them all):\n  git rebase -i {from}\nin the editor change `pick` to `reword` on these lines, then save and close:{lines}",
        "이 커밋들의 메시지를 한 번의 rebase로 고치십시오(rebase를 하면 그 뒤 커밋의 ID가 모두 바뀌므로 한 번에 고칩니다):\n  git rebase -i {from}\n편집기에서 다음 줄의 `pick`을 `reword`로 바꿔 저장하고 닫으십시오:{lines}"
    );
    if let (true, Some(last)) = (more > 0, listed.last()) {
        // The rest are not named by the findings either (those stop at
        // MAX_FINDINGS_PER_KIND): the command that lists them, in the editor's order.
        let (last, total) = (short(last.oid), commits.len());
        let rest = Tr::plural(
            more,
            tr!(
                "1 more commit to reword comes after {last}, further down the editor's list",
                "메시지를 고칠 커밋 1개가 {last} 뒤, 편집기 목록의 아래쪽에 더 있습니다"
            ),
            tr!(
                "{more} more commits to reword come after {last}, further down the editor's list",
                "메시지를 고칠 커밋 {more}개가 {last} 뒤, 편집기 목록의 아래쪽에 더 있습니다"
            ),
        );
        hint.append(
            "\n",
            &tr!(
                "these are the first {MAX_TOGETHER} of {total}: {rest}. This shows the commits after {last} in the editor's order; change `pick` to `reword` also on the lines of those whose message says nothing, like the ones above:\n  git log --oneline --reverse {last}..HEAD",
                "위는 {total}개 중 처음 {MAX_TOGETHER}개입니다. {rest}. 다음 명령이 {last} 뒤의 커밋을 편집기와 같은 순서로 보여 줍니다. 그중 위의 커밋처럼 메시지가 아무것도 말하지 않는 커밋의 줄도 `pick`을 `reword`로 바꾸십시오:\n  git log --oneline --reverse {last}..HEAD";
                rest = rest
            ),
        );
    }
    hint.append("\n", &tr!(
        "git then opens each commit's message in turn: write what that commit changed (e.g. {e})",
        "그러면 git이 커밋마다 메시지를 차례로 엽니다. 그 커밋이 바꾼 내용을 쓰십시오(예: {e})";
        e = examples
    ));
    Some(hint)
}

/// How many commit lines [`reword_together`] lists: every one a learner is likely to have
/// (15 mash commits fit); past it, the count and the command that lists the rest.
const MAX_TOGETHER: usize = 30;

/// What the combined fix asks, in [`Finding::asks`]: the findings after the first refer to it.
const REWORD_TOGETHER: &str = "git: rebase -i reword";

/// `f` with the fix for commit `c`: its own, or the one fix for several (`together`), which
/// the findings after the first refer to.
pub(super) fn with_fix(f: Finding, c: &Flagged, together: Option<&Tr>) -> Finding {
    match together {
        None => {
            let example = c.example.clone().unwrap_or_else(|| example(&[]));
            f.hint(reword_hint(c.oid, c.is_head, c.is_root, &example))
        }
        Some(fix) => f
            .hint(fix.clone())
            .asks(REWORD_TOGETHER.to_string())
            .hint_after(tr!(
                "the rebase in the fix above rewords this commit too",
                "위의 rebase 방법으로 이 커밋의 메시지도 함께 고칩니다"
            )),
    }
}

/// One finding per commit of `commits` (all of one `kind`), at most
/// [`MAX_FINDINGS_PER_KIND`] and a count of the rest; `together` as in [`with_fix`].
pub(super) fn findings(kind: Unsaid, commits: &[Flagged], together: Option<&Tr>) -> Vec<Finding> {
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
            with_fix(Finding::fail(code, message), c, together)
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
