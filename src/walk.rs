//! A bounded walk of the workspace that never follows symbolic links.
//!
//! Checks look at learner folders that may hold a 100,000-file data set, a virtual
//! environment or a symlink loop; every walk here has a depth and an entry budget.

use std::path::{Path, PathBuf};

/// One entry found by [`walk`].
#[derive(Clone, Debug)]
pub struct Entry {
    /// Path relative to the walk's root, `/`-separated.
    pub rel: String,
    pub path: PathBuf,
    pub is_dir: bool,
    pub depth: usize,
}

/// Entries found, and whether the budget cut the walk short.
#[derive(Clone, Debug, Default)]
pub struct Walk {
    pub entries: Vec<Entry>,
    pub truncated: bool,
}

/// Folders a check never needs to look inside.
pub fn is_noise_dir(name: &str) -> bool {
    matches!(
        name,
        ".git"
            | ".course"
            | "node_modules"
            | "__pycache__"
            | ".ipynb_checkpoints"
            | ".mypy_cache"
            | ".pytest_cache"
            | ".tox"
    )
}

/// Walk `root` breadth-first up to `max_depth` levels below it and at most `max_entries`
/// entries. Symbolic links are listed as files (never entered); `enter(dir_entry)` decides
/// whether to descend into a folder.
pub fn walk(
    root: &Path,
    max_depth: usize,
    max_entries: usize,
    enter: impl Fn(&Entry) -> bool,
) -> Walk {
    let mut out = Walk::default();
    let mut queue = std::collections::VecDeque::from([(root.to_path_buf(), String::new(), 0usize)]);
    while let Some((dir, rel_dir, depth)) = queue.pop_front() {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<_> = read.filter_map(Result::ok).collect();
        names.sort_by_key(|e| e.file_name());
        for e in names {
            if out.entries.len() >= max_entries {
                out.truncated = true;
                return out;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let rel = if rel_dir.is_empty() {
                name
            } else {
                format!("{rel_dir}/{name}")
            };
            // file_type() does not follow symlinks: a link to a folder is not a folder here.
            let is_dir = e.file_type().map(|t| t.is_dir()).unwrap_or(false);
            let entry = Entry {
                rel,
                path: e.path(),
                is_dir,
                depth: depth + 1,
            };
            if is_dir && depth + 1 < max_depth && enter(&entry) {
                queue.push_back((entry.path.clone(), entry.rel.clone(), depth + 1));
            }
            out.entries.push(entry);
        }
    }
    out
}
