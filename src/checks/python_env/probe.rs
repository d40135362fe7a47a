//! What the environment's interpreter answers to the probe part of the driver
//! (`checks/driver.rs`) ([`Probe`], one JSON line), and the cache of a passing answer
//! in `.course/cache`, keyed on the modules, the interpreter and the environment's files.

use std::path::Path;
use std::process::Output;

use serde::{Deserialize, Serialize};

use crate::cache;
use crate::python::{env_state, resolved, PythonEnv};

// The probe itself is the `probe` function of the driver script (`checks/driver.rs`),
// which answers this check and `python-import` in one interpreter launch. Beyond importing,
// it asks where each module came from: the file imported (it must lie inside the
// environment, `sys.prefix`) and the installed distribution that provides it
// (`importlib.metadata`: a `.dist-info` or `.egg-info` whose `top_level.txt` or recorded
// files name the module). A folder dropped into site-packages imports, but no distribution
// provides it; the standard library needs none.

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Probe {
    pub(super) version: String,
    pub(super) prefix: String,
    #[serde(default)]
    pub(super) executable: String,
    #[serde(default)]
    pub(super) has_pip: bool,
    pub(super) modules: Vec<ModuleResult>,
}

fn yes() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct ModuleResult {
    pub(super) name: String,
    pub(super) ok: bool,
    #[serde(default)]
    pub(super) missing: bool,
    #[serde(default)]
    pub(super) version: Option<String>,
    #[serde(default)]
    pub(super) error: Option<String>,
    #[serde(default)]
    pub(super) message: Option<String>,
    /// The file the module was imported from (its `__file__`, or a namespace package's folder).
    #[serde(default)]
    pub(super) file: Option<String>,
    /// Part of the standard library (or built in): no distribution provides it.
    #[serde(default)]
    pub(super) stdlib: bool,
    /// `file` lies inside the environment (`sys.prefix`).
    #[serde(default)]
    pub(super) inside: bool,
    /// The module was in `sys.modules` before the probe imported it: startup code (a
    /// `sitecustomize.py`, a `.pth` line) made it up; nothing honest imports torch at startup.
    #[serde(default)]
    pub(super) preloaded: bool,
    /// `file` exists (a module whose `__file__` names nothing was made up in memory).
    #[serde(default = "yes")]
    pub(super) exists: bool,
    /// Installed distributions that provide the module's top-level name.
    #[serde(default)]
    pub(super) dists: Vec<String>,
    /// Where the module came from could not be told (then nothing is judged from it).
    #[serde(default)]
    pub(super) where_error: Option<String>,
}

/// The probe's answer: the part's JSON line, the only stdout of its view of the launch.
pub(super) fn parse_probe(output: &Output) -> Option<Probe> {
    serde_json::from_slice(output.stdout.trim_ascii()).ok()
}

// ---- cache ------------------------------------------------------------------------------

/// One cache entry per (interpreter, modules); a changed environment makes it stale.
fn cache_key(env: &PythonEnv, modules: &[String]) -> String {
    format!(
        "{PROBE_VERSION}\0{}\0{}\0{}",
        env.interpreter.display(),
        resolved(&env.interpreter).display(),
        modules.join("\0")
    )
}

pub(super) fn read_cache(dir: &Path, env: &PythonEnv, modules: &[String]) -> Option<Probe> {
    let probe: Probe = cache::load(
        dir,
        CACHE_KIND,
        &cache_key(env, modules),
        &env_state(env).finish(),
    )?;
    probe.modules.iter().all(|m| m.ok).then_some(probe)
}

pub(super) fn write_cache(dir: &Path, env: &PythonEnv, modules: &[String], probe: &Probe) {
    // State taken after the probe, so that anything the import wrote is part of it.
    let state = env_state(env).finish();
    cache::store(dir, CACHE_KIND, &cache_key(env, modules), &state, probe);
}

const CACHE_KIND: &str = "python-env";
/// Changes when the probe learns to tell more, so that a result cached by an older probe
/// (which did not ask where a module came from) is not trusted.
const PROBE_VERSION: &str = "probe-3";
