//! What is installed in an environment: its `site-packages` folders, and a fingerprint of
//! them (sizes and times) that changes when a package is installed or removed.

use std::path::{Path, PathBuf};

use super::PythonEnv;
use crate::cache::Stamps;

/// The path with links resolved, or itself when it cannot be.
pub fn resolved(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

/// `lib/pythonX.Y/site-packages` (POSIX, also under `lib64`) and `Lib/site-packages` (Windows).
pub fn site_packages(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let win = dir.join("Lib").join("site-packages");
    if win.is_dir() {
        out.push(win);
    }
    for lib in ["lib", "lib64"] {
        let Ok(read) = std::fs::read_dir(dir.join(lib)) else {
            continue;
        };
        let mut found: Vec<PathBuf> = read
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with("python"))
            .map(|e| e.path().join("site-packages"))
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        for p in found {
            // lib64 is often a link to lib: do not list the same folder twice.
            if !out.iter().any(|o| resolved(o) == resolved(&p)) {
                out.push(p);
            }
        }
    }
    out
}

/// Size and modification time of the files that change when the environment changes.
pub fn env_state(env: &PythonEnv) -> Stamps {
    let mut stamps = Stamps::default();
    stamps.add(&env.dir.join("pyvenv.cfg"));
    stamps.add(&env.dir.join("conda-meta").join("history"));
    stamps.add(&env.interpreter);
    stamps.add(&resolved(&env.interpreter));
    for sp in site_packages(&env.dir) {
        stamps.add(&sp);
        if let Ok(read) = std::fs::read_dir(&sp) {
            let mut entries: Vec<PathBuf> = read.filter_map(Result::ok).map(|e| e.path()).collect();
            entries.sort();
            for e in entries {
                stamps.add(&e);
            }
        }
    }
    stamps
}
