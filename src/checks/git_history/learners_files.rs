//! Which committed files are the learner's own, so the one to suggest editing when the
//! history needs a change: not in a virtual environment, `site-packages` or `__pycache__`,
//! not ignored, present in the work tree.

use std::collections::HashSet;

use crate::git::WorkspaceRepo;

/// The folder (repo-relative, no trailing `/`) that a committed path shows to be a virtual
/// environment: the parent of `pyvenv.cfg`, or the folder holding `conda-meta/`. The work
/// tree's root itself is not counted (a workspace made with `python -m venv .`).
pub(super) fn venv_root_of(path: &str) -> Option<String> {
    if let Some(dir) = path.strip_suffix("/pyvenv.cfg") {
        return Some(dir.to_string());
    }
    path.find("/conda-meta/").map(|i| path[..i].to_string())
}

/// Folders whose files nobody writes by hand.
const LIBRARY_DIRS: [&str; 4] = [
    "site-packages",
    "dist-packages",
    "node_modules",
    "__pycache__",
];

/// Whether a committed file (repo-relative) is one the learner wrote, so one to suggest
/// editing: it exists in the work tree, git does not ignore it, and it is not inside a virtual
/// environment (a folder with `pyvenv.cfg` or `conda-meta/`, committed or on disk),
/// `site-packages`, `node_modules` or `__pycache__`.
fn is_learners_file(ws: &WorkspaceRepo, path: &str, venv_roots: &HashSet<String>) -> bool {
    let Some(workdir) = ws.repo.workdir() else {
        return false;
    };
    let parts: Vec<&str> = path.split('/').collect();
    let folders = &parts[..parts.len().saturating_sub(1)];
    if folders.iter().any(|f| LIBRARY_DIRS.contains(f)) {
        return false;
    }
    for i in 1..=folders.len() {
        let dir = folders[..i].join("/");
        let on_disk = workdir.join(&dir);
        if venv_roots.contains(&dir)
            || on_disk.join("pyvenv.cfg").is_file()
            || on_disk.join("conda-meta").is_dir()
        {
            return false;
        }
    }
    if ws.is_path_ignored(path).unwrap_or(true) {
        return false;
    }
    workdir.join(path).is_file()
}

/// The committed file to suggest editing: the shallowest of the learner's own files (in the
/// order they were added among equals), or none.
pub(super) fn suggest_file_to_edit<'a>(
    ws: &WorkspaceRepo,
    added_order: &'a [String],
    venv_roots: &HashSet<String>,
) -> Option<&'a String> {
    added_order
        .iter()
        .filter(|p| is_learners_file(ws, p, venv_roots))
        .min_by_key(|p| p.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venv_roots_come_from_pyvenv_cfg_and_conda_meta() {
        assert_eq!(venv_root_of(".venv/pyvenv.cfg"), Some(".venv".into()));
        assert_eq!(
            venv_root_of("envs/vla/conda-meta/history"),
            Some("envs/vla".into())
        );
        assert_eq!(venv_root_of("pyvenv.cfg"), None);
        assert_eq!(venv_root_of("conda-meta/history"), None);
        assert_eq!(venv_root_of("src/model/vla.py"), None);
    }
}
