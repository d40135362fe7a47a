//! The environment folders inside a workspace, found with as few file-system questions as
//! the rule allows.
//!
//! A candidate is a folder up to two levels below the workspace holding `pyvenv.cfg` or
//! `conda-meta/`. Every folder one level down is listed anyway (to find the folders below
//! it), so its listing already says whether it holds either marker: the two `stat`s that
//! asked for every such folder are made only when the listing shows a marker's name. The
//! workspace's own listing says whether an `environment.yml` can be there. Together that
//! is about 16 system calls fewer per graded submission, with the same answers.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::{env_kind, PREFERRED};
use crate::walk::{is_noise_dir, Listed, Listings};

/// The most entries looked at (a workspace may hold a 100,000-file data set).
const BUDGET: usize = 20_000;

/// What a scan of the workspace found.
pub(super) struct Scan {
    /// Environment folders, preferred names first, then by depth and name.
    pub candidates: Vec<PathBuf>,
    /// The workspace's top, when it could be listed.
    top: Option<Rc<[Listed]>>,
}

impl Scan {
    /// Can the workspace hold a file called `name` at its top? Compared ignoring ASCII case,
    /// as a case-insensitive file system would find it; `true` when the top was not listed.
    pub fn may_hold(&self, name: &str) -> bool {
        self.top.as_ref().is_none_or(|top| {
            top.iter().any(|n| {
                n.name
                    .to_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case(name))
            })
        })
    }
}

fn is_marker(name: &OsStr) -> bool {
    name.to_str().is_some_and(|n| {
        n.eq_ignore_ascii_case("conda-meta") || n.eq_ignore_ascii_case("pyvenv.cfg")
    })
}

fn is_noise(name: &OsStr) -> bool {
    is_noise_dir(&name.to_string_lossy())
}

/// Scan the workspace `root`: breadth-first, at most [`BUDGET`] entries, never into a link,
/// a noise folder (`.git`, `node_modules`, ...) or an environment. Folders are listed
/// through `listings`, so the checks that list them again read them once.
pub(super) fn scan(root: &Path, listings: &Listings) -> Scan {
    let Some(top) = listings.list(root) else {
        return Scan {
            candidates: Vec::new(),
            top: None,
        };
    };
    let considered = &top[..top.len().min(BUDGET)];
    let mut left = BUDGET - considered.len();
    let mut truncated = top.len() > BUDGET;
    let mut found: Vec<(usize, usize, String, PathBuf)> = Vec::new();
    for entry in considered {
        let name = entry.name.as_os_str();
        if !entry.is_dir() || is_noise(name) {
            continue;
        }
        let dir = root.join(name);
        let shown = name.to_string_lossy();
        let inside = if truncated { None } else { listings.list(&dir) };
        let kind = match &inside {
            Some(names) if !names.iter().any(|n| is_marker(&n.name)) => None,
            _ => env_kind(&dir),
        };
        if kind.is_some() {
            let pref = PREFERRED
                .iter()
                .position(|p| *p == shown)
                .unwrap_or(PREFERRED.len());
            found.push((pref, 1, shown.into_owned(), dir));
            continue;
        }
        for child in inside.iter().flat_map(|names| names.iter()) {
            if left == 0 {
                truncated = true;
                break;
            }
            left -= 1;
            let path = dir.join(&child.name);
            if child.is_dir() && !is_noise(&child.name) && env_kind(&path).is_some() {
                let rel = format!("{shown}/{}", child.name.to_string_lossy());
                found.push((PREFERRED.len(), 2, rel, path));
            }
        }
    }
    found.sort();
    Scan {
        candidates: found.into_iter().map(|(_, _, _, p)| p).collect(),
        top: Some(top),
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn markers_are_found_one_and_two_levels_down_and_links_are_not_entered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mk = |rel: &str| std::fs::create_dir_all(root.join(rel)).unwrap();
        mk(".venv/bin");
        std::fs::write(root.join(".venv/pyvenv.cfg"), "home = /usr/bin\n").unwrap();
        mk("tools/env2/conda-meta");
        mk("src/model");
        mk("node_modules/x/conda-meta");
        mk("outside/linked");
        std::fs::write(root.join("outside/linked/pyvenv.cfg"), "").unwrap();
        std::os::unix::fs::symlink(root.join("outside/linked"), root.join("link")).unwrap();
        // A marker that is a file where a folder is wanted is looked at, and is no marker.
        mk("fake");
        std::fs::write(root.join("fake/conda-meta"), "").unwrap();
        let found = scan(root, &Listings::default());
        assert_eq!(
            found.candidates,
            [
                root.join(".venv"),
                root.join("outside/linked"),
                root.join("tools/env2")
            ]
        );
        assert!(!found.may_hold("environment.yml"));
        std::fs::write(root.join("Environment.yml"), "name: x\n").unwrap();
        assert!(scan(root, &Listings::default()).may_hold("environment.yml"));
        assert!(scan(&root.join("missing"), &Listings::default()).may_hold("environment.yml"));
    }
}
