//! Finding the workspace's Python environment (without running anything).
//!
//! Candidates, in order: folders up to two levels below the workspace root holding
//! `pyvenv.cfg` (venv, virtualenv, uv) or `conda-meta/` (conda `-p` environments), `.venv`,
//! `venv` and `env` first; then `$VIRTUAL_ENV`; then `$CONDA_PREFIX` unless it is a conda
//! installation's base; then the conda environment named by `environment.yml`. The first
//! usable candidate wins; when every candidate is broken, the first broken one is reported.
//!
//! The interpreter is the environment's own `bin/python` (`Scripts/python.exe` on Windows),
//! never a `python3` from `PATH`.

use std::path::{Path, PathBuf};

mod conda;
mod recreate;
mod scan;
mod site;

pub use site::{env_state, resolved, site_packages};

use crate::i18n::Tr;
use crate::tr;
use conda::{conda_env_dirs, conda_name_of, environment_yml_name, is_conda_base};
use recreate::made_from;
pub use recreate::recreate_hint;

/// What kind of environment a folder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvKind {
    /// `pyvenv.cfg`: `python -m venv`, virtualenv, uv.
    Venv,
    /// `conda-meta/`: a conda (or mamba) environment.
    Conda,
}

/// How an environment was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FoundBy {
    /// A folder inside the workspace.
    Workspace,
    /// `$VIRTUAL_ENV` (an activated venv).
    VirtualEnv,
    /// `$CONDA_PREFIX` (an activated conda environment).
    CondaPrefix,
    /// The `name:` of the workspace's `environment.yml`.
    EnvironmentYml { name: String },
}

/// What `pyvenv.cfg` says (only what messages need).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PyvenvCfg {
    /// `home`: the folder of the Python the venv was made from.
    pub home: Option<String>,
    /// `version` or `version_info`.
    pub version: Option<String>,
}

/// A usable-looking environment: its folder and interpreter exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PythonEnv {
    pub dir: PathBuf,
    /// `dir/bin/python` (not resolved: a link to the base Python is normal for a venv).
    pub interpreter: PathBuf,
    pub kind: EnvKind,
    pub found_by: FoundBy,
    /// The conda environment's name when it lives in an `envs/` folder.
    pub conda_name: Option<String>,
    pub cfg: Option<PyvenvCfg>,
}

/// An environment that exists but cannot work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenEnv {
    pub dir: PathBuf,
    pub kind: EnvKind,
    pub found_by: FoundBy,
    /// The file to point at (`pyvenv.cfg`, or the interpreter).
    pub file: PathBuf,
    pub reason: Tr,
    pub hint: Tr,
}

/// The result of looking for the workspace's environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EnvLookup {
    Found(PythonEnv),
    /// Nothing found; where we looked, one line each.
    NotFound {
        looked_in: Vec<Tr>,
    },
    Broken(BrokenEnv),
}

impl EnvLookup {
    pub fn found(&self) -> Option<&PythonEnv> {
        match self {
            EnvLookup::Found(env) => Some(env),
            _ => None,
        }
    }
}

/// Folder names preferred when a workspace holds several environments.
const PREFERRED: [&str; 3] = [".venv", "venv", "env"];

/// Find the environment of the workspace at `root`, reading `$VIRTUAL_ENV`, `$CONDA_PREFIX`,
/// `$CONDA_EXE` and `$HOME` from the process environment.
pub fn find_environment(root: &Path) -> EnvLookup {
    find_environment_with(root, &Vars::from_process())
}

fn var(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The environment variables discovery reads (separate for tests).
#[derive(Clone, Debug, Default)]
pub struct Vars {
    pub virtual_env: Option<PathBuf>,
    pub conda_prefix: Option<PathBuf>,
    pub conda_exe: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

impl Vars {
    /// The variables as this process has them.
    pub fn from_process() -> Vars {
        Vars {
            virtual_env: var("VIRTUAL_ENV"),
            conda_prefix: var("CONDA_PREFIX"),
            conda_exe: var("CONDA_EXE"),
            home: var("HOME").or_else(|| var("USERPROFILE")),
        }
    }
}

pub fn find_environment_with(root: &Path, vars: &Vars) -> EnvLookup {
    find_environment_listed(root, vars, &crate::walk::Listings::default())
}

/// [`find_environment_with`], listing the workspace's folders through `listings` (shared
/// with the checks that list them too).
pub fn find_environment_listed(
    root: &Path,
    vars: &Vars,
    listings: &crate::walk::Listings,
) -> EnvLookup {
    let mut looked_in = Vec::new();
    let mut first_broken: Option<BrokenEnv> = None;

    // 1. The workspace.
    let scan = scan::scan(root, listings);
    for dir in &scan.candidates {
        if let Some(env) = consider(root, dir, FoundBy::Workspace, &mut first_broken) {
            return EnvLookup::Found(env);
        }
    }
    looked_in.push(tr!(
        "folders up to two levels below the workspace: none holds `pyvenv.cfg` or `conda-meta/`",
        "작업 폴더 아래 두 단계까지의 폴더: `pyvenv.cfg`나 `conda-meta/`가 있는 폴더가 없음"
    ));

    // 2. $VIRTUAL_ENV.
    match &vars.virtual_env {
        Some(dir) => {
            if let Some(env) = consider(root, dir, FoundBy::VirtualEnv, &mut first_broken) {
                return EnvLookup::Found(env);
            }
            let d = dir.display();
            looked_in.push(tr!(
                "$VIRTUAL_ENV={d}: not a virtual environment",
                "$VIRTUAL_ENV={d}: 가상환경이 아님"
            ));
        }
        None => looked_in.push(tr!("$VIRTUAL_ENV: not set", "$VIRTUAL_ENV: 설정되지 않음")),
    }

    // 3. $CONDA_PREFIX, unless it is the base of a conda installation.
    match &vars.conda_prefix {
        Some(dir) if is_conda_base(dir) => {
            let d = dir.display();
            looked_in.push(tr!(
                "$CONDA_PREFIX={d}: the conda installation's base environment, not a project environment (skipped)",
                "$CONDA_PREFIX={d}: conda 설치의 base 환경이라 프로젝트 환경으로 보지 않음 (건너뜀)"
            ));
        }
        Some(dir) => {
            if let Some(env) = consider(root, dir, FoundBy::CondaPrefix, &mut first_broken) {
                return EnvLookup::Found(env);
            }
            let d = dir.display();
            looked_in.push(tr!(
                "$CONDA_PREFIX={d}: not a conda environment",
                "$CONDA_PREFIX={d}: conda 환경이 아님"
            ));
        }
        None => looked_in.push(tr!(
            "$CONDA_PREFIX: not set",
            "$CONDA_PREFIX: 설정되지 않음"
        )),
    }

    // 4. The conda environment named by environment.yml.
    match named_in_environment_yml(root, vars, &scan, &mut first_broken) {
        Ok(env) => return EnvLookup::Found(env),
        Err(line) => looked_in.push(line),
    }

    match first_broken {
        Some(b) => EnvLookup::Broken(b),
        None => EnvLookup::NotFound { looked_in },
    }
}

/// Is `dir` a Python environment (venv or conda), by its marker files?
pub fn is_environment(dir: &Path) -> bool {
    env_kind(dir).is_some()
}

/// The environment in `dir` if it is usable; a broken one is kept in `first_broken` (the
/// first one found is the one reported when nothing usable is found).
fn consider(
    root: &Path,
    dir: &Path,
    found_by: FoundBy,
    first_broken: &mut Option<BrokenEnv>,
) -> Option<PythonEnv> {
    match inspect(root, dir, found_by)? {
        Ok(env) => Some(env),
        Err(broken) => {
            first_broken.get_or_insert(broken);
            None
        }
    }
}

/// The conda environment named by the workspace's `environment.yml`, or the line saying
/// where it was looked for.
fn named_in_environment_yml(
    root: &Path,
    vars: &Vars,
    scan: &scan::Scan,
    first_broken: &mut Option<BrokenEnv>,
) -> Result<PythonEnv, Tr> {
    let Some((file, name)) = environment_yml_name(root, |file| scan.may_hold(file)) else {
        return Err(tr!(
            "environment.yml: none with a `name:` in the workspace",
            "environment.yml: 작업 폴더에 `name:`이 있는 파일이 없음"
        ));
    };
    let dirs = conda_env_dirs(&name, vars);
    for dir in &dirs {
        let by = FoundBy::EnvironmentYml { name: name.clone() };
        if let Some(env) = consider(root, dir, by, first_broken) {
            return Ok(env);
        }
    }
    let places = dirs
        .iter()
        .map(|d| d.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    Err(tr!(
        "conda environment `{name}` named in {file}: not in {places}",
        "{file}에 적힌 conda 환경 `{name}`: {places}에 없음"
    ))
}

/// Is `dir` an environment (by its marker files)?
fn env_kind(dir: &Path) -> Option<EnvKind> {
    if dir.join("conda-meta").is_dir() {
        Some(EnvKind::Conda)
    } else if dir.join("pyvenv.cfg").is_file() {
        Some(EnvKind::Venv)
    } else {
        None
    }
}

/// The interpreter's place in an environment.
pub fn interpreter_in(dir: &Path, kind: EnvKind) -> Vec<PathBuf> {
    if cfg!(windows) {
        match kind {
            EnvKind::Venv => vec![dir.join("Scripts").join("python.exe")],
            EnvKind::Conda => vec![
                dir.join("python.exe"),
                dir.join("Scripts").join("python.exe"),
            ],
        }
    } else {
        vec![
            dir.join("bin").join("python"),
            dir.join("bin").join("python3"),
        ]
    }
}

/// `None`: not an environment. `Some(Err)`: an environment that cannot work.
fn inspect(root: &Path, dir: &Path, found_by: FoundBy) -> Option<Result<PythonEnv, BrokenEnv>> {
    let kind = env_kind(dir)?;
    let cfg = read_pyvenv_cfg(&dir.join("pyvenv.cfg"));
    let candidates = interpreter_in(dir, kind);
    let conda_name = match kind {
        EnvKind::Conda => conda_name_of(dir),
        EnvKind::Venv => None,
    };
    let broken = |file: PathBuf, reason: Tr, hint: Tr| {
        Some(Err(BrokenEnv {
            dir: dir.to_path_buf(),
            kind,
            found_by: found_by.clone(),
            file,
            reason,
            hint,
        }))
    };
    let d = show_path(root, dir);
    let made_from = cfg.as_ref().map(made_from).unwrap_or_else(|| Tr::same(""));
    let recreate = recreate_hint(root, &d, kind);

    // The first candidate that exists as a file (following links).
    if let Some(interp) = candidates.iter().find(|p| p.is_file()) {
        // A copied venv (`--copies`, Windows) still needs its base Python's `home`.
        if let Some(home) = cfg.as_ref().and_then(|c| c.home.as_deref()) {
            if kind == EnvKind::Venv && !Path::new(home).is_dir() {
                let cfg_file = dir.join("pyvenv.cfg");
                return broken(
                    cfg_file,
                    tr!(
                        "the virtual environment {d} points to a Python that no longer exists (`home = {home}` in pyvenv.cfg){made_from}",
                        "가상환경 {d}이(가) 더 이상 없는 Python을 가리킵니다 (pyvenv.cfg의 `home = {home}`){made_from}";
                    made_from = made_from
                    ),
                    recreate,
                );
            }
        }
        return Some(Ok(PythonEnv {
            dir: dir.to_path_buf(),
            interpreter: interp.clone(),
            kind,
            found_by,
            conda_name,
            cfg,
        }));
    }
    let first = &candidates[0];
    let p = show_path(root, first);
    // A link whose target is gone: the usual sign of a moved or copied venv.
    if let Ok(target) = std::fs::read_link(first) {
        let t = target.display().to_string();
        return broken(
            first.clone(),
            tr!(
                "{p} is a link to {t}, which does not exist: the environment was moved or copied, or its Python was removed{made_from}",
                "{p}은(는) 없는 파일 {t}을(를) 가리키는 링크입니다: 환경을 옮겼거나 복사했거나, 원래 Python이 지워졌습니다{made_from}";
                    made_from = made_from
            ),
            recreate,
        );
    }
    broken(
        first.clone(),
        tr!(
            "the environment {d} has no interpreter: {p} is missing{made_from}",
            "환경 {d}에 인터프리터가 없습니다: {p}이(가) 없습니다{made_from}";
                    made_from = made_from
        ),
        recreate,
    )
}

/// Read `home` and `version`/`version_info` from a `pyvenv.cfg`.
pub fn read_pyvenv_cfg(path: &Path) -> Option<PyvenvCfg> {
    let text = crate::fs::read_text(path, crate::fs::SMALL).ok()?;
    let mut cfg = PyvenvCfg::default();
    for line in text.lines() {
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
        match k.as_str() {
            "home" => cfg.home = Some(v),
            "version" | "version_info" if cfg.version.is_none() => cfg.version = Some(v),
            _ => {}
        }
    }
    Some(cfg)
}

/// `path` relative to `root` with `/` separators when inside it, else as given.
pub fn show_path(root: &Path, path: &Path) -> String {
    match path.strip_prefix(root) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Ok(_) => ".".to_string(),
        Err(_) => path.display().to_string(),
    }
}

impl PythonEnv {
    /// Is this environment the one activated in the shell `course` runs in
    /// (`$VIRTUAL_ENV`, `$CONDA_PREFIX`)? Then its `pip` is already the one on PATH, and a fix
    /// need not say how to activate it.
    pub fn is_active(&self) -> bool {
        let var = match self.kind {
            EnvKind::Venv => "VIRTUAL_ENV",
            EnvKind::Conda => "CONDA_PREFIX",
        };
        let same = |a: &Path, b: &Path| {
            a == b || matches!((a.canonicalize(), b.canonicalize()), (Ok(x), Ok(y)) if x == y)
        };
        std::env::var_os(var)
            .filter(|v| !v.is_empty())
            .is_some_and(|v| same(Path::new(&v), &self.dir))
    }

    /// A short name for messages: `.venv`, `$VIRTUAL_ENV=/home/me/venvs/x`,
    /// `conda env vla from environment.yml`.
    pub fn label(&self, root: &Path) -> String {
        let place = show_path(root, &self.dir);
        match (&self.found_by, &self.conda_name) {
            (FoundBy::Workspace, _) => place,
            (FoundBy::VirtualEnv, _) => format!("$VIRTUAL_ENV={place}"),
            (FoundBy::CondaPrefix, Some(name)) => format!("conda env {name}"),
            (FoundBy::CondaPrefix, None) => format!("$CONDA_PREFIX={place}"),
            (FoundBy::EnvironmentYml { .. }, Some(name)) => {
                format!("conda env {name} from environment.yml")
            }
            (FoundBy::EnvironmentYml { .. }, None) => format!("{place} from environment.yml"),
        }
    }
}

#[cfg(test)]
mod tests;
