//! What several check kinds share, so that no kind imports another: reading a workspace
//! file (one set of findings for every way that fails), the findings for a repository or
//! HEAD that cannot be read, notes added to git messages, running the
//! workspace's interpreter (and the parameters of the two kinds that import with it), and
//! workspace-relative paths as an exercise writes them.
//!
//! This is not a kind: it has no `run`.

use super::driver::{Part, Planned};
use super::{CheckContext, Code, Finding};
use crate::fs::ReadError;
use crate::git::{Head, HeadError, IgnoreError, OpenError, Unsafe, WorkspaceRepo};
use crate::i18n::Tr;
use crate::tr;

mod committed;
mod near;
pub(crate) use committed::{not_committed, not_committed_as};
pub(crate) use near::{near_miss, tracked};

/// The parameters of a kind that imports modules with the workspace's interpreter
/// (python-env, python-import): the modules, and how long the interpreter may take, in
/// seconds (`DEFAULT_SECS` when the exercise does not say).
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportParams<const DEFAULT_SECS: u64> {
    /// Modules to import, e.g. `[torch, numpy]` or `[src.training, src.utils]`.
    pub modules: Vec<String>,
    #[serde(default = "default_secs::<DEFAULT_SECS>")]
    pub timeout_secs: u64,
}

fn default_secs<const N: u64>() -> u64 {
    N
}

impl<const DEFAULT_SECS: u64> ImportParams<DEFAULT_SECS> {
    /// The time limit; at least a second (`timeout_secs: 0` would stop every run at once).
    pub fn timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout_secs.max(1))
    }

    /// This check's part of the shared interpreter launch: `part` of the modules (as
    /// `Part::Probe` or `Part::Import`), within the time limit.
    pub(crate) fn planned(&self, part: fn(Vec<String>) -> Part) -> Planned {
        Planned {
            part: part(self.modules.clone()),
            timeout: self.timeout(),
        }
    }
}

/// The text of the workspace file `rel` (see [`crate::fs::read_workspace_text`]), or the
/// finding that says why it was not read. Every kind reads its files this way.
/// When grading the learner's own folder ([`CheckContext::committed_only`]), a file HEAD
/// does not have is `file/not-committed`.
pub(crate) fn read_file(ctx: &CheckContext, rel: &str) -> Result<String, Box<Finding>> {
    let text = ctx
        .files()
        .read_text(rel)
        .map_err(|e| Box::new(file_finding(rel, &e)))?;
    match not_committed(ctx, rel) {
        Some(finding) => Err(Box::new(finding)),
        None => Ok(text),
    }
}

/// The finding for a workspace file that was not read: the same code, wording and hint
/// whichever kind wanted it. A kind may replace the hint (what to write in a missing file).
pub(crate) fn file_finding(rel: &str, error: &ReadError) -> Finding {
    match error {
        ReadError::Missing => Finding::fail(
            Code::FileMissing,
            tr!("`{rel}` does not exist", "`{rel}` 파일이 없습니다"),
        )
        .file_named(rel)
        .hint(create_file_hint(rel)),
        ReadError::BrokenLink => Finding::fail(
            Code::FileBrokenLink,
            tr!(
                "`{rel}` is a symbolic link that leads nowhere (to nothing, or round in a loop of links)",
                "`{rel}`은(는) 아무 데도 닿지 않는 심볼릭 링크입니다 (없는 파일이나, 서로를 가리키는 링크의 고리)"
            ),
        )
        .file_named(rel)
        .hint(tr!(
            "remove the link, then create `{rel}` itself:\n  rm {q}",
            "링크를 지운 뒤 `{rel}` 파일 자체를 만드십시오:\n  rm {q}";
            q = Tr::same(crate::escape::shell_word(rel))
        )),
        ReadError::Folder => Finding::fail(
            Code::FileIsFolder,
            tr!(
                "`{rel}` is a folder, but a file is expected",
                "`{rel}`은(는) 폴더입니다. 파일이어야 합니다"
            ),
        )
        .file_named(rel)
        .hint(tr!(
            "remove the folder `{rel}/` and create the file `{rel}`",
            "`{rel}/` 폴더를 지우고 `{rel}` 파일을 만드십시오"
        )),
        ReadError::NotRegular => Finding::fail(
            Code::FileNotRegular,
            tr!(
                "`{rel}` is not a regular file (a pipe, a device or a socket), so it is not read",
                "`{rel}`은(는) 일반 파일이 아닙니다 (파이프, 장치, 소켓). 그래서 읽지 않습니다"
            ),
        )
        .file_named(rel)
        .hint(tr!(
            "replace it with a plain text file",
            "평범한 텍스트 파일로 바꾸십시오"
        )),
        ReadError::OutsideWorkspace => Finding::fail(
            Code::FileOutsideWorkspace,
            tr!(
                "`{rel}` is a link to a file outside the workspace; checks read only the workspace's own files",
                "`{rel}`은(는) 작업 폴더 밖의 파일을 가리키는 링크입니다. 확인은 작업 폴더 안의 파일만 읽습니다"
            ),
        )
        .file_named(rel)
        .hint(tr!(
            "replace the link with the file itself (copy it into the workspace)",
            "링크 대신 파일 자체를 작업 폴더에 두십시오 (복사하십시오)"
        )),
        ReadError::TooLarge { bytes, max } => {
            let (kib, max) = (bytes / 1024, max / 1024);
            Finding::fail(
                Code::FileTooLarge,
                tr!(
                    "`{rel}` is {kib} KiB, more than the {max} KiB a hand-written file needs, so it is not read",
                    "`{rel}`의 크기가 {kib} KiB로, 손으로 쓰는 파일에 필요한 {max} KiB를 넘어서 읽지 않습니다"
                ),
            )
            .file_named(rel)
            .hint(tr!(
                "keep only what you wrote yourself in it (generated output, data and logs belong elsewhere)",
                "직접 쓴 내용만 남기십시오 (생성된 출력, 데이터, 로그는 다른 곳에 두십시오)"
            ))
        }
        ReadError::NotUtf8 { line } => Finding::fail(
            Code::FileNotUtf8,
            tr!(
                "`{rel}` is not UTF-8 text (line {line})",
                "`{rel}`이(가) UTF-8 텍스트가 아닙니다 ({line}번째 줄)"
            ),
        )
        .file(rel)
        .line(*line)
        .hint(tr!(
            "save the file as UTF-8 in your editor (most editors show the encoding in the status bar)",
            "편집기에서 UTF-8로 다시 저장하십시오 (대부분의 편집기는 상태 표시줄에 인코딩을 보여 줍니다)"
        )),
        ReadError::Io(e) => Finding::error(
            Code::FileUnreadable,
            tr!(
                "cannot read `{rel}`: {e}",
                "`{rel}`을(를) 읽을 수 없습니다: {e}"
            ),
        )
        .file_named(rel)
        .hint(tr!(
            "check that the file can be read (`ls -l {q}`)",
            "파일을 읽을 수 있는지 확인하십시오 (`ls -l {q}`)";
            q = Tr::same(crate::escape::shell_word(rel))
        )),
    }
}

/// How to create a missing file, from the workspace root.
pub(crate) fn create_file_hint(rel: &str) -> Tr {
    let q = crate::escape::shell_word(rel);
    match rel.rsplit_once('/') {
        Some((parent, _)) => {
            let parent = crate::escape::shell_word(parent);
            tr!(
                "create it, then write its content:\n  mkdir -p {parent}\n  touch {q}",
                "만든 뒤 내용을 쓰십시오:\n  mkdir -p {parent}\n  touch {q}"
            )
        }
        None => tr!(
            "create it at the workspace root, then write its content:\n  touch {q}",
            "작업 폴더 맨 위에 만든 뒤 내용을 쓰십시오:\n  touch {q}"
        ),
    }
}

/// At most this many findings of one sort; the rest are summarised in one more finding.
pub(crate) const MAX_FINDINGS_PER_KIND: usize = 10;

/// The finding that counts the rest when `total` findings of `code` were found and only the
/// first [`MAX_FINDINGS_PER_KIND`] are shown, or `None` when all were; `text(n)` says "and
/// `n` more ...".
pub(crate) fn the_rest(
    total: usize,
    code: Code,
    text: impl FnOnce(usize) -> Tr,
) -> Option<Finding> {
    let rest = total
        .checked_sub(MAX_FINDINGS_PER_KIND)
        .filter(|&n| n > 0)?;
    Some(Finding::fail(code, text(rest)))
}

/// The workspace's repository (opened once per workspace, see [`CheckContext::repository`]),
/// or the finding that says why there is none.
pub(crate) fn workspace_repo(ctx: &CheckContext) -> Result<&WorkspaceRepo, Box<Finding>> {
    ctx.repository()
        .map_err(|e| Box::new(open_error_finding(e)))
}

/// The finding for a path git could not classify as ignored or not.
pub(crate) fn ignore_error_finding(ctx: &CheckContext, rel: &str, error: &IgnoreError) -> Finding {
    match error {
        IgnoreError::Unsafe(Unsafe::NotRegular { path })
        | IgnoreError::Unsafe(Unsafe::Outside { git_dir: path }) => {
            let path = crate::python::show_path(&ctx.root, path);
            open_error_finding(&OpenError::NotRegular { path })
        }
        IgnoreError::Git(msg) => Finding::error(
            Code::GitignoreUndecided,
            tr!(
                "git could not tell whether `{rel}` is ignored: {msg}",
                "git이 `{rel}` 경로의 무시 여부를 판단하지 못했습니다: {msg}"
            ),
        ),
    }
}

fn open_error_finding(error: &OpenError) -> Finding {
    match error {
        OpenError::Owner(msg) => Finding::error(Code::GitUnsafeOwner, tr!(
            "git refuses to open this repository because another user owns it: {msg}",
            "다른 사용자가 소유한 저장소라서 git이 열지 않습니다: {msg}"
        ))
        .hint(tr!(
            "if you trust it (e.g. grading submissions), allow it:\n  git config --global --add safe.directory '*'",
            "믿을 수 있는 저장소라면(예: 채점) 허용하십시오:\n  git config --global --add safe.directory '*'"
        )),
        OpenError::NotARepository => Finding::fail(Code::GitNotARepo, tr!(
            "the workspace is not a git repository",
            "작업 폴더가 git 저장소가 아닙니다"
        ))
        .hint(not_a_repository_hint()),
        // A repository git cannot read is not a verdict on the learner's work: the check
        // could not run ("could not grade", exit 3), never a silent 0.
        OpenError::Unreadable(msg) => Finding::error(Code::GitUnreadable, tr!(
            "git cannot open the repository of the workspace: {msg}",
            "작업 폴더의 git 저장소를 열 수 없습니다: {msg}"
        ))
        .hint(tr!(
            "in the workspace, see what git says:\n  git status",
            "작업 폴더에서 git의 설명을 확인하십시오:\n  git status"
        )),
        OpenError::NotRegular { path } => Finding::fail(Code::GitNotRegularFile, tr!(
            "`{path}` is not a regular file (a pipe, a device or a folder): git would wait on it forever, so the git checks do not open this repository",
            "`{path}` 파일이 일반 파일이 아닙니다 (파이프, 장치 또는 폴더). git이 이 파일을 끝없이 기다리게 되므로 git 확인은 이 저장소를 열지 않습니다"
        ))
        .file(path.as_str())
        .hint(not_regular_hint(path)),
        OpenError::WorktreeElsewhere { workdir } => Finding::fail(Code::GitOutsideWorkspace, tr!(
            "git's `core.worktree` setting puts the work tree at {workdir}, not in the workspace: the git checks would judge another folder's files",
            "git의 `core.worktree` 설정이 작업 트리를 작업 폴더가 아닌 {workdir}에 둡니다. git 확인이 다른 폴더의 파일을 보게 됩니다"
        ))
        .file(".git/config")
        .hint(tr!(
            "remove the setting (git then uses the folder that holds `.git`):\n  git config --unset core.worktree",
            "설정을 지우십시오 (그러면 git은 `.git`이 있는 폴더를 씁니다):\n  git config --unset core.worktree"
        )),
        OpenError::Outside { git_dir } => Finding::fail(Code::GitOutsideWorkspace, tr!(
            "the workspace's `.git` leads to a repository outside it ({git_dir}): grading checks only the submission's own history",
            "작업 폴더의 `.git`이 작업 폴더 밖의 저장소({git_dir})를 가리킵니다. 채점은 제출물 자체의 기록만 확인합니다"
        ))
        .file(".git")
        .hint(tr!(
            "submit the repository itself: a real `.git` folder inside the workspace (`git clone` it, not a link or a worktree)",
            "저장소 자체를 제출하십시오: 링크나 worktree가 아닌, 작업 폴더 안의 실제 `.git` 폴더 (`git clone`으로 만든 복제본)"
        )),
        OpenError::InsideOtherRepo { top } => inside_other_repo_finding(top),
        OpenError::Bare { path } => Finding::fail(Code::GitBare, tr!(
            "the repository at {path} is bare: it has no working tree with files to check",
            "{path}의 저장소는 bare 저장소입니다: 확인할 작업 트리(파일)가 없습니다"
        ))
        .hint(tr!(
            "clone it and work in the clone:\n  git clone {q} my-project",
            "복제한 뒤 복제본에서 작업하십시오:\n  git clone {q} my-project";
            q = Tr::same(crate::escape::shell_word(&path.to_string()))
        )),
    }
}

/// How to get rid of a pipe or device git would read. One outside the workspace (`/dev/zero`
/// named by `[include] path` or `core.excludesFile`) is not the learner's to remove: the
/// setting that names it is what goes.
fn not_regular_hint(path: &str) -> Tr {
    let q = crate::escape::shell_word(path);
    if std::path::Path::new(path).is_absolute() || path.starts_with('~') {
        return tr!(
            "remove the git setting that names it (an `[include]` or `[includeIf]` path, `core.excludesFile`, `core.attributesFile`); this shows it with the file it is in:\n  git config --show-origin --list | grep {q}",
            "이 파일을 가리키는 git 설정(`[include]`나 `[includeIf]`의 path, `core.excludesFile`, `core.attributesFile`)을 지우십시오. 다음 명령이 그 설정과 설정이 있는 파일을 보여 줍니다:\n  git config --show-origin --list | grep {q}"
        );
    }
    tr!(
        "remove it, then create it again as an ordinary text file with your editor (or remove the setting that names it):\n  rm {q}",
        "지운 뒤 편집기로 일반 텍스트 파일을 다시 만드십시오 (또는 이 파일을 가리키는 설정을 지우십시오):\n  rm {q}"
    )
}

/// HEAD's commit, or the finding that says why there is none.
pub(crate) fn head_or_finding(ws: &WorkspaceRepo) -> Result<Head<'_>, Box<Finding>> {
    ws.head().map_err(|e| Box::new(head_error_finding(&e)))
}

fn head_error_finding(error: &HeadError) -> Finding {
    match error {
        HeadError::NoCommits => Finding::fail(Code::GitNoCommits, tr!(
            "the repository has no commits yet",
            "저장소에 아직 커밋이 없습니다"
        ))
        .hint(tr!(
            "this lists what can be added:\n  git status\nit should show only files you wrote, no `.venv/` or `data/` (if it does, write `.gitignore` first); then:\n  git add .\n  git commit -m \"First commit\"",
            "추가할 수 있는 파일을 보십시오:\n  git status\n직접 만든 파일만 보여야 하고 `.venv/`, `data/`가 보이면 먼저 `.gitignore` 파일을 만드십시오. 그다음:\n  git add .\n  git commit -m \"첫 커밋\""
        )),
        HeadError::Unreadable(msg) => Finding::error(Code::GitHeadUnreadable, tr!(
            "git cannot read HEAD: {msg}",
            "git이 HEAD를 읽을 수 없습니다: {msg}"
        ))
        .hint(tr!(
            "see what git says:\n  git status",
            "git의 설명을 확인하십시오:\n  git status"
        )),
        HeadError::NotACommit(msg) => Finding::error(Code::GitHeadNotCommit, tr!(
            "HEAD does not point to a commit: {msg}",
            "HEAD가 커밋을 가리키지 않습니다: {msg}"
        ))
        .hint(tr!(
            "see what git says:\n  git status\n  git log",
            "git의 설명을 확인하십시오:\n  git status\n  git log"
        )),
    }
}

/// Added to messages when HEAD is detached, for a learner checking their own workspace.
/// Not when grading: a roster's clone is checked out detached at its ref by the grader, and
/// "`git switch main` goes back" would blame the student for the grader's checkout.
pub(crate) fn detached_note(head: &Head<'_>, ctx: &CheckContext) -> Option<Tr> {
    if ctx.workspace_only {
        return None;
    }
    let branch = head.detached_from.as_deref()?;
    let id = crate::git::short(head.commit.id());
    Some(tr!(
        "(HEAD is detached at {id}, not on a branch: `git switch {branch}` goes back)",
        "(HEAD가 브랜치가 아닌 커밋 {id}에 분리(detached)되어 있습니다: `git switch {branch}` 명령으로 돌아가십시오)"
    ))
}

/// The workspace is a folder of another repository's work tree: its history (the course's
/// own, a home folder's) is not judged, and the learner's commits would land there. The fix
/// is the workspace's own `git init`, with `.gitignore` first as for a workspace without one.
fn inside_other_repo_finding(top: &str) -> Finding {
    Finding::fail(
        Code::GitInsideOtherRepo,
        tr!(
            "the workspace is not a git repository of its own: it is a folder inside the repository at {top}, whose history is not your work on this course, so it is not checked",
            "작업 폴더가 자체 git 저장소가 아닙니다. {top}에 있는 다른 저장소 안의 폴더일 뿐이고, 그 저장소의 이력은 이 과정에서 한 작업이 아니므로 검사하지 않습니다"
        ),
    )
    .hint({
        let mut hint = tr!(
            "make the workspace a repository of its own (your commits then stay in it, and git no longer reads {top}); ",
            "작업 폴더를 자체 저장소로 만드십시오 (그러면 커밋이 작업 폴더에 남고, git은 더 이상 {top}을(를) 읽지 않습니다). "
        );
        hint.append("", &not_a_repository_hint());
        hint
    })
}

/// How to make the workspace a repository without committing the environment: `.gitignore`
/// comes before the first `git add`.
fn not_a_repository_hint() -> Tr {
    tr!(
        "in the workspace folder:\n  git init\nthen write `.gitignore` FIRST, one pattern per line, as in the lesson (without it the first `git add` sweeps in the virtual environment):\n  .venv/\n  /data/\n  *.pt\n  *.pth\n  __pycache__/\n  .ipynb_checkpoints/\n  .env\nnow this should list only files you wrote:\n  git status\nadd them and commit:\n  git add .\n  git commit -m \"First commit\"",
        "작업 폴더에서:\n  git init\n그다음 먼저 `.gitignore` 파일을 만들고 레슨의 예시처럼 한 줄에 패턴 하나씩 적으십시오 (이 파일 없이 `git add`부터 하면 가상환경까지 커밋됩니다):\n  .venv/\n  /data/\n  *.pt\n  *.pth\n  __pycache__/\n  .ipynb_checkpoints/\n  .env\n이제 이 명령에는 직접 만든 파일만 보여야 합니다:\n  git status\n추가하고 커밋하십시오:\n  git add .\n  git commit -m \"첫 커밋\""
    )
}

/// The pip package that provides a module (where the names differ).
pub(crate) fn pip_name(module: &str) -> &str {
    let top = module.split('.').next().unwrap_or(module);
    match top {
        "cv2" => "opencv-python",
        "PIL" => "pillow",
        "sklearn" => "scikit-learn",
        "skimage" => "scikit-image",
        "yaml" => "pyyaml",
        "dotenv" => "python-dotenv",
        "bs4" => "beautifulsoup4",
        other => other,
    }
}

/// Append `extra` after a space.
pub(crate) fn append(message: &mut Tr, extra: &Tr) {
    message.append(" ", extra);
}

/// A workspace-relative path as written in the exercise, with `/` separators and no
/// leading `./` or trailing `/`.
pub(crate) fn clean(rel: &str) -> String {
    let rel = rel.replace('\\', "/");
    let rel = rel.trim_start_matches("./").trim_end_matches('/');
    if rel.is_empty() {
        ".".to_string()
    } else {
        rel.to_string()
    }
}

/// The last non-empty line of an interpreter's stderr, as `: line` (empty when there is none).
pub(crate) fn last_line(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    text.lines()
        .map(str::trim)
        .rfind(|l| !l.is_empty())
        .map(|l| format!(": {l}"))
        .unwrap_or_default()
}

/// The finding for YAML nested too deeply to be parsed (at `line`, `column`).
pub(crate) fn yaml_too_deep(line: u32, column: u32) -> Finding {
    let max = crate::yaml::MAX_OPEN_BRACKETS;
    Finding::fail(
        Code::YamlTooDeep,
        tr!(
            "nested too deep: more than {max} `[` and `{{` are open at once (line {line}, column {column}), so the file is not read",
            "너무 깊이 중첩되었습니다: `[`와 `{{`가 한꺼번에 {max}개 넘게 열려 있어서 ({line}번째 줄 {column}번째 칸) 파일을 읽지 않습니다"
        ),
    )
    .hint(tr!(
        "write nested settings as indented `key: value` lines, and close every `[` and `{{` you open",
        "안쪽 설정은 들여 쓴 `키: 값` 줄로 쓰고, 연 `[`와 `{{`는 모두 닫으십시오"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn import_params_wait_at_least_a_second_and_refuse_unknown_keys() {
        type P = ImportParams<7>;
        let p: P = serde_json::from_str(r#"{"modules": ["a"]}"#).unwrap();
        assert_eq!((p.timeout_secs, p.timeout().as_secs()), (7, 7));
        let p: P = serde_json::from_str(r#"{"modules": [], "timeout_secs": 0}"#).unwrap();
        assert_eq!(p.timeout().as_secs(), 1);
        assert!(serde_json::from_str::<P>(r#"{"modules": [], "timeout": 5}"#).is_err());
    }

    #[test]
    fn the_rest_counts_only_what_is_past_the_cap() {
        let text = |n: usize| tr!("and {n} more", "{n}개 더");
        assert!(the_rest(0, Code::HistoryEmptyMessage, text).is_none());
        assert!(the_rest(MAX_FINDINGS_PER_KIND, Code::HistoryEmptyMessage, text).is_none());
        let f = the_rest(MAX_FINDINGS_PER_KIND + 3, Code::HistoryEmptyMessage, text).unwrap();
        assert_eq!(f.code, Code::HistoryEmptyMessage);
        assert_eq!(f.message.get(Lang::En), "and 3 more");
        assert_eq!(f.status, super::super::Status::Fail);
    }
}
