//! Check kind `git-history`: the shape of the history reachable from HEAD.
//!
//! Verifies that HEAD has at least `min_commits` commits, that no commit message is empty,
//! and (with `added_then_modified: .py`) that some file with that suffix was added in one
//! commit and modified in a later one. A shallow clone fails: its history is cut off, so the
//! check does not guess. What counts as work is in `substance`: a modification changes what
//! the file says (not only blank lines or spaces at line ends); and in `message`: a message
//! is words, not example text pasted as it stands.

mod learners_files;
mod message;
mod substance;

use std::collections::{HashMap, HashSet};

use git2::{Commit, Delta, Oid, Repository, Sort};
use serde::Deserialize;

use super::shared::{
    append, detached_note, head_or_finding, the_rest, workspace_repo, MAX_FINDINGS_PER_KIND,
};
use super::{CheckContext, Code, Finding};
use crate::escape::shell_word;
use crate::git::{short, tree_changes, Head, WorkspaceRepo};
use crate::i18n::Tr;
use crate::tr;
use learners_files::{suggest_file_to_edit, venv_root_of};
use message::{Flagged, Unsaid};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Commits HEAD must reach, HEAD included.
    #[serde(default = "default_min_commits")]
    pub min_commits: usize,
    /// A file suffix such as `.py`: some such file must be added in one commit and modified
    /// in a later one.
    #[serde(default)]
    pub added_then_modified: Option<String>,
}

fn default_min_commits() -> usize {
    2
}

impl Default for Params {
    fn default() -> Self {
        Params {
            min_commits: default_min_commits(),
            added_then_modified: None,
        }
    }
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let ws = match workspace_repo(ctx) {
        Ok(ws) => ws,
        Err(f) => return vec![*f],
    };
    let repo = &ws.repo;
    if repo.is_shallow() {
        return vec![shallow_finding()];
    }
    let head = match head_or_finding(ws) {
        Ok(h) => h,
        Err(f) => return vec![*f],
    };
    let mut findings = check_history(params, ws, &head);
    if let Some(note) = &detached_note(&head, ctx) {
        for f in &mut findings {
            append(&mut f.message, note);
        }
    }
    findings
}

fn shallow_finding() -> Finding {
    Finding::fail(Code::GitShallow, tr!(
        "this repository is a shallow clone: its history is cut off, so the commits before the cut cannot be checked",
        "이 저장소는 얕은 복제(shallow clone)입니다: 이력이 중간에서 잘려 있어 그 이전 커밋은 확인할 수 없습니다"
    ))
    .hint(tr!(
        "in CI fetch the whole history (GitHub Actions: `actions/checkout` with `fetch-depth: 0`; GitLab CI: `variables: GIT_DEPTH: 0`); locally run:\n  git fetch --unshallow",
        "CI에서는 전체 이력을 받으십시오 (GitHub Actions는 `actions/checkout`에 `fetch-depth: 0`, GitLab CI는 `variables: GIT_DEPTH: 0`). 로컬에서는 다음을 실행하십시오:\n  git fetch --unshallow"
    ))
}

fn check_history(params: &Params, ws: &WorkspaceRepo, head: &Head<'_>) -> Vec<Finding> {
    let suffix = params
        .added_then_modified
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let history = match walk(ws, head, suffix) {
        Ok(history) => history,
        Err(e) => return vec![walk_error(e)],
    };
    let mut findings = Vec::new();
    let (count, min) = (history.count, params.min_commits);
    let modified = suffix.map(|suffix| added_then_modified(ws, suffix, &history));
    if count < min {
        let has = crate::i18n::count(count, "commit", "commits");
        // One commit short, and the added-then-modified problem below asks for an edit and a
        // commit with the file and the commands: that commit is the missing one, so saying
        // "change a file, then commit it again" here as well would tell the learner twice.
        let below = matches!(modified, Some(Err(_))) && min - count == 1;
        let hint = if below {
            tr!(
                "the edit and commit asked for below add the commit missing here",
                "아래에서 요구하는 수정과 커밋으로 모자란 커밋도 채워집니다"
            )
        } else {
            tr!(
                "change a file you committed, then commit the change with a message that says what you changed (`git add -u` stages every tracked file you changed):\n  git add -u\n  git commit -m \"<what you changed>\"\nthis lists the commits:\n  git log --oneline",
                "커밋한 파일을 수정한 뒤 바꾼 내용을 메시지로 써서 그 변경을 커밋하십시오 (`git add -u`는 수정한 추적 파일을 모두 올립니다):\n  git add -u\n  git commit -m \"<바꾼 내용>\"\n커밋 목록은 이 명령으로 볼 수 있습니다:\n  git log --oneline"
            )
        };
        findings.push(
            Finding::fail(
                Code::HistoryTooFewCommits,
                tr!(
                    "HEAD has {has}; this exercise needs at least {min}",
                    "HEAD에 커밋이 {count}개 있습니다. 이 실습은 {min}개 이상이 필요합니다"
                ),
            )
            .hint(hint),
        );
    }

    // Every commit to reword, oldest first: two or more take one rebase (see
    // `message::reword_together`).
    let mut to_reword: Vec<&Flagged> = [
        &history.empty_messages,
        &history.wordless_messages,
        &history.placeholder_messages,
    ]
    .into_iter()
    .flatten()
    .collect();
    to_reword.sort_by_key(|c| c.at);
    let together = message::reword_together(&to_reword);
    let together = together.as_ref();
    empty_message_findings(&mut findings, &history.empty_messages, together);
    findings.extend(message::findings(
        Unsaid::NoWords,
        &history.wordless_messages,
        together,
    ));
    findings.extend(message::findings(
        Unsaid::Placeholder,
        &history.placeholder_messages,
        together,
    ));
    let mut summary_extra = None;
    match modified {
        Some(Ok(extra)) => summary_extra = Some(extra),
        Some(Err(f)) => findings.push(*f),
        None => {}
    }
    if findings.is_empty() {
        let n = crate::i18n::count(count, "commit", "commits");
        let mut message = tr!(
            "{n} reachable from HEAD (at least {min}), every one with a message",
            "HEAD에서 닿는 커밋 {count}개 (최소 {min}개), 모두 메시지가 있습니다"
        );
        if let Some(extra) = &summary_extra {
            append_raw(&mut message, extra);
        }
        findings.push(Finding::pass(Code::HistoryOk, message));
    }
    findings
}

fn walk_error(e: git2::Error) -> Finding {
    Finding::error(
        Code::HistoryUnreadable,
        tr!(
            "could not read the history from HEAD: {e}",
            "HEAD부터 이력을 읽을 수 없습니다: {e}"
        ),
    )
    .hint(tr!(
        "see what git says about the repository:\n  git log --oneline\n  git fsck",
        "저장소 상태를 확인하십시오:\n  git log --oneline\n  git fsck"
    ))
}

/// What the history reachable from HEAD holds, oldest commit first.
#[derive(Default)]
struct History {
    count: usize,
    /// Commits with an empty message.
    empty_messages: Vec<Flagged>,
    /// Commits whose message is not words (`.`, `aaa`, `asdf`).
    wordless_messages: Vec<Flagged>,
    /// Commits whose message is example text (`Describe the change`).
    placeholder_messages: Vec<Flagged>,
    added: HashMap<String, Oid>,
    /// Files with the suffix, in the order they were first added.
    added_order: Vec<String>,
    /// Folders seen holding a committed `pyvenv.cfg` or `conda-meta/`: virtual environments.
    venv_roots: HashSet<String>,
    /// A file with the suffix added in one commit and modified in a later one.
    found: Option<(String, Oid, Oid)>,
    /// A file whose only later change was its mode (`chmod +x`), to say why it does not count.
    mode_only: Option<String>,
    /// A file whose only later changes were blank lines or spaces at line ends.
    blank_only: Option<String>,
}

/// Walk the history from HEAD, oldest first, diffing commits while looking for a `suffix`
/// file added then modified.
fn walk(ws: &WorkspaceRepo, head: &Head<'_>, suffix: Option<&str>) -> Result<History, git2::Error> {
    let repo = &ws.repo;
    let commits: Box<dyn Iterator<Item = Result<Commit<'_>, git2::Error>>> =
        match crate::git::linear_history(&head.commit) {
            Some(newest_first) => Box::new(newest_first.into_iter().rev().map(Ok)),
            None => {
                let mut walk = repo.revwalk()?;
                walk.set_sorting(Sort::TOPOLOGICAL | Sort::REVERSE)?;
                walk.push(head.commit.id())?;
                Box::new(walk.map(|oid| oid.and_then(|oid| repo.find_commit(oid))))
            }
        };
    let mut h = History::default();
    for commit in commits {
        let commit = commit?;
        let oid = commit.id();
        h.count += 1;
        let message = commit.message_bytes();
        let unsaid = if message.iter().all(|b| b.is_ascii_whitespace()) {
            Some((&mut h.empty_messages, String::new()))
        } else {
            message::unsaid(message).map(|(kind, text)| match kind {
                Unsaid::NoWords => (&mut h.wordless_messages, text),
                Unsaid::Placeholder => (&mut h.placeholder_messages, text),
            })
        };
        if let Some((list, text)) = unsaid {
            // The fix's example message comes from the commit's changes: a diff, made only
            // for the commits a finding shows.
            let example = if list.len() < MAX_FINDINGS_PER_KIND {
                Some(message::example(&changes(repo, &commit, &ws.prefix)?))
            } else {
                None
            };
            list.push(Flagged {
                oid,
                at: h.count - 1,
                is_head: oid == head.commit.id(),
                is_root: commit.parent_count() == 0,
                text,
                example,
            });
        }
        // Diffing is the costly part: a bounded number of commits, oldest first (a learner's
        // file is added and changed early; a huge imported history must not stall grading).
        if let (Some(suffix), None, true) = (suffix, &h.found, h.count <= MAX_DIFFED_COMMITS) {
            for (status, path) in changes(repo, &commit, &ws.prefix)? {
                if let Some(root) = venv_root_of(&path) {
                    h.venv_roots.insert(root);
                }
                if !path.ends_with(suffix) {
                    continue;
                }
                match status {
                    Delta::Added => {
                        if !h.added.contains_key(&path) {
                            h.added_order.push(path.clone());
                        }
                        h.added.insert(path, oid);
                    }
                    Delta::Modified => {
                        if let Some(&first) = h.added.get(&path) {
                            if substance::only_blank_changes(repo, &commit, &path)? {
                                h.blank_only.get_or_insert(path);
                                continue;
                            }
                            h.found = Some((path, first, oid));
                            break;
                        }
                    }
                    Delta::Unmodified if h.added.contains_key(&path) => {
                        h.mode_only.get_or_insert(path);
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(h)
}

/// A commit message as the argument of `git commit -m`: in double quotes as the lessons
/// write it, unless it holds a character those quotes do not keep literal (a file named
/// `$x.py`); then quoted by [`shell_word`].
fn commit_message(message: Tr) -> Tr {
    message.map(|_, m| {
        if m.contains(['"', '$', '`', '\\', '!']) {
            shell_word(m)
        } else {
            format!("\"{m}\"")
        }
    })
}

/// One finding per commit with an empty message, at most [`MAX_FINDINGS_PER_KIND`] and a
/// count of the rest.
fn empty_message_findings(
    findings: &mut Vec<Finding>,
    empty_messages: &[Flagged],
    together: Option<&Tr>,
) {
    let total_empty = empty_messages.len();
    for c in empty_messages.iter().take(MAX_FINDINGS_PER_KIND) {
        let id = short(c.oid);
        let f = Finding::fail(
            Code::HistoryEmptyMessage,
            tr!(
                "commit {id} has an empty message",
                "커밋 {id}의 메시지가 비어 있습니다"
            ),
        );
        findings.push(message::with_fix(f, c, together));
    }
    findings.extend(the_rest(total_empty, Code::HistoryEmptyMessage, |more| {
        let n = crate::i18n::count(more, "commit", "commits");
        tr!(
            "and {n} more with an empty message",
            "그 밖에 메시지가 빈 커밋이 {more}개 더 있습니다"
        )
    }));
}

/// The summary to add when a `suffix` file was added then modified, else the finding that
/// says none was (with the file to edit when there is one).
fn added_then_modified(
    ws: &WorkspaceRepo,
    suffix: &str,
    history: &History,
) -> Result<Tr, Box<Finding>> {
    let History {
        added_order,
        venv_roots,
        found,
        mode_only,
        blank_only,
        ..
    } = history;
    match found {
        Some((path, a, m)) => {
            let file = ws.display(path);
            let (a, m) = (short(*a), short(*m));
            Ok(tr!(
                "; `{file}` was added in {a} and modified in {m}",
                ". `{file}` 파일이 커밋 {a}에서 추가되고 커밋 {m}에서 수정되었습니다"
            ))
        }
        None => {
            let hint = match suggest_file_to_edit(ws, added_order, venv_roots) {
                Some(path) => {
                    let file = ws.display(path);
                    let q = shell_word(&file);
                    tr!(
                        "edit `{file}` (committed already), then:\n  git add {q}\n  git commit -m {m}",
                        "이미 커밋한 `{file}` 파일을 수정한 뒤 다시 커밋하십시오:\n  git add {q}\n  git commit -m {m}";
                        m = commit_message(tr!("Update {file}", "{file} 수정"))
                    )
                }
                None => {
                    let name = format!("hello{suffix}");
                    let mut hint = tr!(
                            "create a file of your own such as `{name}` and commit it:\n  git add {name}\n  git commit -m \"Add {name}\"\nthen edit it and commit again:\n  git add {name}\n  git commit -m \"Update {name}\"",
                            "`{name}` 같은 파일을 직접 만들어 커밋하십시오:\n  git add {name}\n  git commit -m \"{name} 추가\"\n그다음 내용을 고쳐 다시 커밋하십시오:\n  git add {name}\n  git commit -m \"{name} 수정\""
                        );
                    if !added_order.is_empty() {
                        append(
                                &mut hint,
                                &tr!(
                                    "(not a file of a virtual environment or a library: those are rebuilt from requirements.txt and should not be committed at all)",
                                    "(가상환경이나 라이브러리 안의 파일은 고치지 마십시오: 그런 파일은 requirements.txt로 다시 설치하는 것이고 애초에 커밋하지 않습니다)"
                                ),
                            );
                    }
                    hint
                }
            };
            let mut message = tr!(
                "no `{suffix}` file was added in one commit and modified in a later one",
                "한 커밋에서 추가하고 이후 커밋에서 수정한 `{suffix}` 파일이 없습니다"
            );
            if let Some(path) = blank_only {
                let file = ws.display(path);
                append_raw(
                    &mut message,
                    &tr!(
                        " (`{file}` changed only blank lines or spaces at line ends; a modification changes what the file says)",
                        " (`{file}` 파일은 빈 줄이나 줄 끝 공백만 바뀌었습니다. 수정은 파일 내용을 바꾸는 것입니다)"
                    ),
                );
            } else if let Some(path) = mode_only {
                let file = ws.display(path);
                append_raw(
                        &mut message,
                        &tr!(
                            " (`{file}` changed only its mode, e.g. `chmod +x`; a modification changes what the file says)",
                            " (`{file}`은(는) 권한(mode)만 바뀌었습니다. 예: `chmod +x`. 수정은 파일 내용을 바꾸는 것입니다)"
                        ),
                    );
            }
            Err(Box::new(
                Finding::fail(Code::HistoryNoAddedThenModified, message).hint(hint),
            ))
        }
    }
}

/// Paths (repo-relative, `/`-separated) changed by `commit` against its first parent, or
/// against the empty tree for a root commit; limited to `prefix`.
fn changes(
    repo: &Repository,
    commit: &Commit<'_>,
    prefix: &str,
) -> Result<Vec<(Delta, String)>, git2::Error> {
    let tree = commit.tree()?;
    let parent_tree = if commit.parent_count() > 0 {
        Some(commit.parent(0)?.tree()?)
    } else {
        None
    };
    let changes = tree_changes(
        repo,
        parent_tree.as_ref(),
        &tree,
        prefix.trim_end_matches('/'),
    )?;
    Ok(changes
        .into_iter()
        .map(|c| {
            // "Modified" means the content changed: a change of mode alone (`chmod +x`)
            // leaves the same blob, and is reported as unmodified.
            let status = match c.status {
                Delta::Modified if c.mode_only => Delta::Unmodified,
                other => other,
            };
            (status, c.path)
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Shared by git-history, gitignore and tracked-files.

/// How many commits (oldest first) are diffed looking for a file added then modified.
const MAX_DIFFED_COMMITS: usize = 5_000;

fn append_raw(message: &mut Tr, extra: &Tr) {
    message.append("", extra);
}
