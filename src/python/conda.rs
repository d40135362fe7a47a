//! Conda environments: a conda installation's base, the name of an environment under
//! `envs/`, the `name:` of `environment.yml`, and where a named environment may live.

use std::path::{Path, PathBuf};

use super::Vars;

/// A conda installation root (base) rather than an environment.
pub(super) fn is_conda_base(dir: &Path) -> bool {
    dir.join("condabin").is_dir() || dir.join("envs").is_dir()
}

/// The name of a conda environment living in an `envs/` folder.
pub(super) fn conda_name_of(dir: &Path) -> Option<String> {
    let parent = dir.parent()?;
    (parent.file_name()? == "envs" && is_conda_base(parent.parent()?))
        .then(|| dir.file_name().map(|n| n.to_string_lossy().into_owned()))
        .flatten()
}

/// `(file name, name:)` of the workspace's `environment.yml` (or `.yaml`); a file for which
/// `may_hold` says no is known to be absent and not looked for.
pub(super) fn environment_yml_name(
    root: &Path,
    may_hold: impl Fn(&str) -> bool,
) -> Option<(String, String)> {
    #[derive(serde::Deserialize)]
    struct EnvFile {
        name: Option<String>,
    }
    for file in ["environment.yml", "environment.yaml"] {
        if !may_hold(file) {
            continue;
        }
        let Ok(text) = crate::fs::read_text(&root.join(file), crate::fs::SMALL) else {
            continue;
        };
        let name = crate::yaml::from_str_bounded::<EnvFile>(&text)
            .ok()
            .and_then(|f| f.name)
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && !n.contains(['/', '\\']));
        if let Some(name) = name {
            return Some((file.to_string(), name));
        }
    }
    None
}

/// Where a conda environment called `name` may live, without duplicates.
pub(super) fn conda_env_dirs(name: &str, vars: &Vars) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut roots: Vec<PathBuf> = Vec::new();
    if let Some(home) = &vars.home {
        dirs.push(home.join(".conda").join("envs").join(name));
        if let Ok(text) = crate::fs::read_text(
            &home.join(".conda").join("environments.txt"),
            crate::fs::SMALL,
        ) {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let p = PathBuf::from(line);
                if p.file_name().is_some_and(|n| n == name)
                    && p.parent()
                        .and_then(Path::file_name)
                        .is_some_and(|n| n == "envs")
                {
                    dirs.push(p.clone());
                }
                roots.push(p);
            }
        }
    }
    if let Some(prefix) = &vars.conda_prefix {
        if is_conda_base(prefix) {
            roots.push(prefix.clone());
        } else if let Some(parent) = prefix.parent() {
            dirs.push(parent.join(name));
        }
    }
    if let Some(exe) = &vars.conda_exe {
        // <root>/bin/conda, <root>/condabin/conda, <root>/Scripts/conda.exe
        if let Some(root) = exe.parent().and_then(Path::parent) {
            roots.push(root.to_path_buf());
        }
    }
    if let Some(home) = &vars.home {
        for r in [
            "miniconda3",
            "anaconda3",
            "miniforge3",
            "mambaforge",
            "micromamba",
        ] {
            roots.push(home.join(r));
        }
    }
    dirs.extend(roots.iter().map(|r| r.join("envs").join(name)));
    let mut seen = std::collections::HashSet::new();
    dirs.retain(|d| seen.insert(d.clone()));
    dirs
}
