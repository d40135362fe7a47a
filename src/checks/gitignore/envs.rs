//! Environment folders in the workspace that git does not ignore (issue 9): a learner who
//! named their venv `myenv` (any name but the lesson's `.venv` and conda's `env`) passes the
//! sample paths and then commits thousands of environment files with `git add .`. A folder at
//! the top of the workspace is an environment when it holds `pyvenv.cfg` (venv, virtualenv,
//! uv) or `conda-meta/` (conda), as the tracked-files check recognises one once committed.

use std::path::Path;

use crate::checks::{Code, Finding};
use crate::git::WorkspaceRepo;
use crate::tr;
use crate::walk::Listings;

/// Top-level entries looked at, at most: a workspace is a project folder, not a disk.
const MAX_ENTRIES: usize = 10_000;

/// The environment folders at the top of `root` (names, sorted), links not followed. The
/// folders were listed already (the environment search lists each one): a marker the
/// listing does not hold is not asked of the disk, which saved two `stat`s per folder.
pub(super) fn environment_folders(root: &Path, listings: &Listings) -> Vec<String> {
    let Some(top) = listings.list(root) else {
        return Vec::new();
    };
    let holds = |dir: &Path, name: &str, is: fn(&Path) -> bool| {
        !matches!(listings.entry(dir, name), Some(None)) && is(&dir.join(name))
    };
    // The first entries by name: the same ones on every file system (a read of the folder
    // gives them in the order the file system keeps).
    top.iter()
        .take(MAX_ENTRIES)
        // git never adds anything inside `.git`: no finding could come from it, and its
        // markers were two `stat`s per submission (it is not listed).
        .filter(|e| e.is_dir() && e.name != ".git")
        .filter(|e| {
            let dir = root.join(&e.name);
            holds(&dir, "pyvenv.cfg", Path::is_file) || holds(&dir, "conda-meta", Path::is_dir)
        })
        .filter_map(|e| e.name.clone().into_string().ok())
        .collect()
}

/// One finding per environment folder git would not ignore, except those a sample path of
/// the exercise already names (their own finding asks for the line).
pub(super) fn not_ignored(
    ws: &WorkspaceRepo,
    root: &Path,
    listings: &Listings,
    samples: &[String],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for name in environment_folders(root, listings) {
        let marker = if root.join(&name).join("pyvenv.cfg").is_file() {
            format!("{name}/pyvenv.cfg")
        } else {
            format!("{name}/conda-meta")
        };
        if samples.iter().any(|s| s.starts_with(&format!("{name}/"))) {
            continue;
        }
        if !matches!(
            ws.is_path_ignored(&format!("{}{marker}", ws.prefix)),
            Ok(false)
        ) {
            continue;
        }
        let shown = crate::escape::visible(&name);
        findings.push(
            Finding::fail(Code::GitignoreEnvNotIgnored, tr!(
                "the environment folder `{shown}/` is not ignored: `git add .` would commit its thousands of files",
                "git이 가상환경 폴더 `{shown}/`을(를) 무시하지 않습니다: `git add .`하면 그 안의 수천 개 파일이 커밋됩니다"
            ))
            .file(".gitignore")
            .asks(crate::checks::ignore_line(&format!("{shown}/")))
            .hint(tr!(
                "add the line `{shown}/` to `.gitignore` (the lesson's example covers the lessons' names, `.venv/` and `env/`), or make the environment again as `.venv`",
                "`.gitignore`에 `{shown}/` 줄을 추가하십시오 (레슨의 예시는 레슨이 쓰는 이름인 `.venv/`와 `env/`만 다룹니다). 아니면 환경을 `.venv`로 다시 만드십시오"
            )),
        );
    }
    findings
}
