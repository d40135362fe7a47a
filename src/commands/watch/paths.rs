//! What `course watch` watches, and which events wake it.
//!
//! The exercises are about more than saving files: a commit, a `pip install`, a new folder
//! and a `course skip` in another terminal all change what the checks or the screen say. Each
//! is watched as cheaply as it can be, never a whole big folder:
//!
//! - the learner's folders, recursively; the workspace itself without recursion, so a new
//!   top-level folder is seen and the set is worked out again ([`wanted`]) on every wake;
//! - `.git` without recursion and `.git/refs` recursively, reacting only to `HEAD`, `index`,
//!   `packed-refs` and refs (what a commit, an add or a checkout rewrites; never `objects/`);
//! - the environment's `site-packages` without recursion, reacting to `*.dist-info` (one per
//!   installed distribution; pip writes it with each install and removes it on uninstall), and
//!   a conda environment's `conda-meta/`;
//! - `.course/` without recursion, reacting only to the progress file, which is reloaded (the
//!   watch itself never writes it, so reloading cannot feed itself).

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use notify::RecursiveMode;

use crate::workspace::{STATE_DIR, STATE_FILE};

/// What an event means to the watch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Something the checks read: check again.
    Files,
    /// The progress file: read it again (no check needed).
    Progress,
}

/// Folders in the workspace that are big and not the learner's writing.
const SKIPPED: [&str; 3] = ["data", "node_modules", "wandb"];

/// Files directly in `.git` that change on a commit, an add, a checkout or a reset.
const GIT_FILES: [&str; 3] = ["HEAD", "index", "packed-refs"];

/// What an event at `path` means, for a workspace at `root` (`None`: nothing to do).
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let Ok(rel) = path.strip_prefix(root) else {
        // Only an environment outside the workspace is watched outside it.
        return env_change(path);
    };
    let names: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    match names.as_slice() {
        // The workspace folder itself (its own time changed).
        [] => None,
        // `.git` or `.course` made or removed: the set of watched paths changes.
        [".git"] | [".course"] => Some(Change::Files),
        [".course", file] => (*file == STATE_FILE).then_some(Change::Progress),
        [".course", ..] => None,
        [".git", file] if GIT_FILES.contains(file) => Some(Change::Files),
        // A ref is written as `name.lock`, then renamed: the rename names the ref itself.
        [".git", "refs", .., last] if !last.ends_with(".lock") => Some(Change::Files),
        [".git", ..] => None,
        _ if names.contains(&"site-packages") || names.contains(&"conda-meta") => env_change(path),
        _ if names
            .iter()
            .any(|n| matches!(*n, "__pycache__" | ".ipynb_checkpoints")) =>
        {
            None
        }
        _ => Some(Change::Files),
    }
}

/// An event in an environment's `site-packages` or `conda-meta` (both watched without
/// recursion): a distribution installed or removed.
fn env_change(path: &Path) -> Option<Change> {
    let name = path.file_name()?.to_string_lossy();
    let parent = path.parent()?.file_name()?.to_string_lossy();
    let installed = match parent.as_ref() {
        "site-packages" => name.ends_with(".dist-info") || name.ends_with(".egg-info"),
        "conda-meta" => name.ends_with(".json") || name == "history",
        _ => false,
    };
    installed.then_some(Change::Files)
}

/// Every path to watch now, with how: worked out again after each change, so a folder, a
/// repository or an environment made while the watch runs is picked up.
pub fn wanted(root: &Path) -> BTreeMap<PathBuf, RecursiveMode> {
    let mut out = BTreeMap::new();
    out.insert(root.to_path_buf(), RecursiveMode::NonRecursive);
    let state = root.join(STATE_DIR);
    if state.is_dir() {
        out.insert(state, RecursiveMode::NonRecursive);
    }
    let git = root.join(".git");
    if git.is_dir() {
        out.insert(git.join("refs"), RecursiveMode::Recursive);
        out.insert(git, RecursiveMode::NonRecursive);
    }
    learner_folders(root, 1, &mut out);
    // The environment the checks use, in the workspace or not ($VIRTUAL_ENV, conda).
    if let Some(env) = crate::python::find_environment(root).found() {
        for sp in crate::python::site_packages(&env.dir) {
            out.insert(sp, RecursiveMode::NonRecursive);
        }
        let meta = env.dir.join("conda-meta");
        if meta.is_dir() {
            out.insert(meta, RecursiveMode::NonRecursive);
        }
    }
    out
}

/// The folders in `dir` that hold the learner's work: recursively, except that a folder
/// holding an environment (`envs/py310/`, two levels down) is watched without recursion and
/// its other folders one by one, so the environment's thousands of files are never watched.
fn learner_folders(dir: &Path, depth: usize, out: &mut BTreeMap<PathBuf, RecursiveMode>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
        let path = e.path();
        if !is_dir
            || crate::walk::is_noise_dir(&name)
            || (depth == 1 && SKIPPED.contains(&name.as_str()))
            || crate::python::is_environment(&path)
        {
            continue;
        }
        if depth < 2 && holds_environment(&path) {
            out.insert(path.clone(), RecursiveMode::NonRecursive);
            learner_folders(&path, depth + 1, out);
        } else {
            out.insert(path, RecursiveMode::Recursive);
        }
    }
}

fn holds_environment(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .filter_map(Result::ok)
            .any(|e| crate::python::is_environment(&e.path()))
    })
}

/// The watcher's paths kept equal to [`wanted`].
#[derive(Default)]
pub struct Watched(BTreeMap<PathBuf, RecursiveMode>);

impl Watched {
    /// Watch what is wanted now and stop watching what no longer is. A path that cannot be
    /// watched (gone in between) is tried again at the next change.
    pub fn update(&mut self, watcher: &mut dyn notify::Watcher, root: &Path) {
        let now = wanted(root);
        self.0.retain(|path, mode| {
            let keep = now.get(path) == Some(mode);
            if !keep {
                let _ = watcher.unwatch(path);
            }
            keep
        });
        for (path, mode) in now {
            if !self.0.contains_key(&path) && watcher.watch(&path, mode).is_ok() {
                self.0.insert(path, mode);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(rel: &str) -> Option<Change> {
        classify(Path::new("/ws"), &Path::new("/ws").join(rel))
    }

    #[test]
    fn git_wakes_only_on_what_a_commit_add_or_checkout_rewrites() {
        for rel in [
            ".git/HEAD",
            ".git/index",
            ".git/packed-refs",
            ".git/refs/heads/main",
        ] {
            assert_eq!(at(rel), Some(Change::Files), "{rel}");
        }
        for rel in [
            ".git/index.lock",
            ".git/refs/heads/main.lock",
            ".git/objects/ab/cdef",
            ".git/COMMIT_EDITMSG",
            ".git/logs/HEAD",
        ] {
            assert_eq!(at(rel), None, "{rel}");
        }
    }

    #[test]
    fn progress_is_only_the_state_file() {
        assert_eq!(at(".course/state.yaml"), Some(Change::Progress));
        assert_eq!(at(".course/.tmpAb12"), None);
        assert_eq!(at(".course/cache/python-env.json"), None);
    }

    #[test]
    fn an_install_wakes_by_its_dist_info_not_its_files() {
        let sp = ".venv/lib/python3.12/site-packages";
        assert_eq!(
            at(&format!("{sp}/numpy-2.1.0.dist-info")),
            Some(Change::Files)
        );
        assert_eq!(at(&format!("{sp}/numpy")), None);
        assert_eq!(at(&format!("{sp}/numpy/core/x.py")), None);
        let outside =
            Path::new("/home/me/envs/vla/lib/python3.12/site-packages/torch-2.5.1.dist-info");
        assert_eq!(classify(Path::new("/ws"), outside), Some(Change::Files));
        assert_eq!(at("envs/vla/conda-meta/history"), Some(Change::Files));
    }

    #[test]
    fn learner_files_wake_but_caches_do_not() {
        assert_eq!(at("answers/jupyter_vs_script.yaml"), Some(Change::Files));
        assert_eq!(at("answers"), Some(Change::Files));
        assert_eq!(at(".git"), Some(Change::Files));
        assert_eq!(at("src/__pycache__/vla.cpython-312.pyc"), None);
        assert_eq!(at("notebooks/.ipynb_checkpoints/a.ipynb"), None);
    }
}
