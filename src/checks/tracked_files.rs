//! Check kind `tracked-files`: files that must not be tracked in HEAD.
//!
//! Walks HEAD's tree (what was committed; not the index, not the work tree) under the
//! workspace folder and fails on checkpoints and secrets (by suffix or name), anything inside
//! a forbidden folder (`data/`, `__pycache__/`, ...), anything inside a virtual environment
//! (a folder whose `pyvenv.cfg` or `conda-meta/` is tracked), and blobs over `max_size_mb`.
//! Findings are grouped by folder and capped per sort, so a committed venv is a few lines.

use git2::{ObjectType, TreeWalkMode, TreeWalkResult};
use serde::Deserialize;

mod classify;
mod size;
use classify::classify;
use size::Sizes;

use super::shared::{append, detached_note, head_or_finding, workspace_repo};
use super::{CheckContext, Code, Finding};
use crate::tr;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// File name endings that must not be tracked, e.g. `.pt`, `.pth`, `.ckpt`.
    #[serde(default)]
    pub forbidden_suffixes: Vec<String>,
    /// Exact file names that must not be tracked, e.g. `.env`.
    #[serde(default)]
    pub forbidden_names: Vec<String>,
    /// Folder names whose contents must not be tracked, at any depth (`__pycache__`), or only
    /// at the workspace root when written with a leading `/` (`/data`: not `src/data/`).
    #[serde(default)]
    pub forbidden_dirs: Vec<String>,
    /// Largest tracked file allowed, in MB (MiB).
    #[serde(default = "default_max_size_mb")]
    pub max_size_mb: u64,
}

fn default_max_size_mb() -> u64 {
    50
}

impl Default for Params {
    fn default() -> Self {
        Params {
            forbidden_suffixes: Vec::new(),
            forbidden_names: Vec::new(),
            forbidden_dirs: Vec::new(),
            max_size_mb: default_max_size_mb(),
        }
    }
}

struct Tracked {
    /// Workspace-relative, `/`-separated.
    path: String,
    /// The blob's size when it may be over the limit; `None` when it surely is not (or
    /// cannot be read). See [`Sizes`].
    size: Option<usize>,
}

pub fn run(params: &Params, ctx: &CheckContext) -> Vec<Finding> {
    let ws = match workspace_repo(ctx) {
        Ok(ws) => ws,
        Err(f) => return vec![*f],
    };
    let repo = &ws.repo;
    let head = match head_or_finding(ws) {
        Ok(h) => h,
        Err(f) => return vec![*f],
    };
    let read_error = |e: git2::Error| {
        let msg = e.message().to_string();
        vec![Finding::error(
            Code::TrackedUnreadable,
            tr!(
                "could not read the files of HEAD: {msg}",
                "HEAD의 파일 목록을 읽을 수 없습니다: {msg}"
            ),
        )
        .hint(tr!(
            "see what git says about the repository:\n  git fsck",
            "저장소 상태를 확인하십시오:\n  git fsck"
        ))]
    };
    let root_tree = match head.commit.tree() {
        Ok(t) => t,
        Err(e) => return read_error(e),
    };
    let tree = if ws.prefix.is_empty() {
        root_tree
    } else {
        match root_tree.get_path(std::path::Path::new(ws.prefix.trim_end_matches('/'))) {
            Ok(entry) => match entry.to_object(repo).and_then(|o| o.peel_to_tree()) {
                Ok(t) => t,
                Err(e) => return read_error(e),
            },
            Err(_) => {
                let prefix = &ws.prefix;
                return vec![Finding::fail(Code::TrackedNothingCommitted, tr!(
                    "nothing in the workspace folder `{prefix}` is committed yet",
                    "작업 폴더 `{prefix}` 안의 파일이 아직 하나도 커밋되지 않았습니다"
                ))
                .hint(tr!(
                    "write `.gitignore` first, then in the workspace folder:\n  git add .\n  git commit -m \"Add the project\"",
                    "작업 폴더에서 `.gitignore` 파일을 먼저 만든 뒤 실행하십시오:\n  git add .\n  git commit -m \"프로젝트 추가\""
                ))];
            }
        }
    };

    let odb = match repo.odb() {
        Ok(o) => o,
        Err(e) => return read_error(e),
    };
    let limit = params.max_size_mb.saturating_mul(1024 * 1024);
    let mut sizes = Sizes::new(odb, repo.commondir().join("objects"), limit);
    let mut files: Vec<Tracked> = Vec::new();
    let walked = tree.walk(TreeWalkMode::PreOrder, |dir, entry| {
        if entry.kind() == Some(ObjectType::Blob) {
            let name = String::from_utf8_lossy(entry.name_bytes());
            files.push(Tracked {
                path: format!("{dir}{name}"),
                size: sizes.get(entry.id()),
            });
        }
        TreeWalkResult::Ok
    });
    if let Err(e) = walked {
        return read_error(e);
    }

    let mut findings = classify(params, &files);
    if findings.is_empty() {
        let n = files.len();
        let tracks = crate::i18n::count(n, "file", "files");
        let max = params.max_size_mb;
        let message = tr!(
            "HEAD tracks {tracks} and none of them should be left out: no checkpoint, secret, data, cache or virtual environment, none over {max} MB",
            "HEAD가 추적하는 파일 {n}개 가운데 빼야 할 파일이 없습니다: 체크포인트, 비밀 정보, 데이터, 캐시, 가상환경이 없고 {max} MB를 넘는 파일도 없습니다"
        );
        findings.push(Finding::pass(Code::TrackedOk, message));
    }
    if let Some(note) = &detached_note(&head, ctx) {
        for f in &mut findings {
            append(&mut f.message, note);
        }
    }
    findings
}
