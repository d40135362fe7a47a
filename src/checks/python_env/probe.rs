//! What the environment's interpreter runs to import the modules ([`PROBE`]), what it
//! answers ([`Probe`], one JSON line after [`MARKER`]), and the cache of a passing answer
//! in `.course/cache`, keyed on the modules, the interpreter and the environment's files.

use std::path::Path;
use std::process::Output;

use serde::{Deserialize, Serialize};

use crate::cache;
use crate::python::{env_state, resolved, PythonEnv};

/// The probe run by the environment's interpreter; module names come as arguments.
///
/// Beyond importing, it asks where each module came from: the file imported (it must lie
/// inside the environment, `sys.prefix`) and the installed distribution that provides it
/// (`importlib.metadata`: a `.dist-info` or `.egg-info` whose `top_level.txt` or recorded
/// files name the module). A folder dropped into site-packages imports, but no
/// distribution provides it; the standard library needs none.
pub(super) const PROBE: &str = r#"
import sys, os, json, importlib, importlib.util, sysconfig
out = {"version": "%d.%d.%d" % tuple(sys.version_info[:3]), "prefix": sys.prefix,
       "executable": sys.executable, "has_pip": False, "modules": []}
try:
    out["has_pip"] = importlib.util.find_spec("pip") is not None
except Exception:
    pass
def real(p):
    return os.path.normcase(os.path.realpath(p))
def inside(p, d):
    p, d = real(p), real(d)
    return p == d or p.startswith(d.rstrip(os.sep) + os.sep)
_tops = None
def providers(top):
    global _tops
    if _tops is None:
        _tops = {}
        try:
            import importlib.metadata as md
            paths = [p for p in sys.path if p and inside(p, sys.prefix)]
            for d in md.distributions(path=paths):
                names = set((d.read_text("top_level.txt") or "").split())
                if not names:
                    for f in d.files or ():
                        parts = f.parts
                        if parts and parts[0] != "..":
                            names.add(parts[0] if len(parts) > 1 else parts[0].split(".")[0])
                for n in names:
                    _tops.setdefault(n, []).append(d.metadata["Name"] or "?")
        except Exception:
            pass
    return _tops.get(top, [])
def origin(name):
    m = sys.modules.get(name.split(".")[0])
    f = getattr(m, "__file__", None)
    if f is None:
        f = next(iter(getattr(m, "__path__", None) or []), None)
    return f
for name in sys.argv[1:]:
    r = {"name": name, "ok": False, "missing": False}
    try:
        m = importlib.import_module(name)
        v = getattr(m, "__version__", None)
        r["ok"] = True
        r["version"] = None if v is None else str(v)
        try:
            f = origin(name)
            r["file"] = f
            std = sysconfig.get_paths()
            r["stdlib"] = f is None or any(
                inside(f, std[k]) and not inside(f, std["purelib"]) and not inside(f, std["platlib"])
                for k in ("stdlib", "platstdlib"))
            r["inside"] = f is not None and inside(f, sys.prefix)
            r["dists"] = providers(name.split(".")[0])
        except Exception as e:
            r["where_error"] = "%s: %s" % (type(e).__name__, e)
    except BaseException as e:
        r["error"] = type(e).__name__
        r["message"] = str(e)
        missing = getattr(e, "name", None) if isinstance(e, ImportError) else None
        r["missing"] = isinstance(e, ModuleNotFoundError) and missing is not None and (
            name == missing or name.startswith(missing + "."))
    out["modules"].append(r)
sys.stdout.write("\n@@course-probe@@" + json.dumps(out) + "\n")
sys.stdout.flush()
"#;

const MARKER: &str = "@@course-probe@@";

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
    /// Installed distributions that provide the module's top-level name.
    #[serde(default)]
    pub(super) dists: Vec<String>,
    /// Where the module came from could not be told (then nothing is judged from it).
    #[serde(default)]
    pub(super) where_error: Option<String>,
}

pub(super) fn parse_probe(output: &Output) -> Option<Probe> {
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().rev().find_map(|l| l.strip_prefix(MARKER))?;
    serde_json::from_str(line).ok()
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
const PROBE_VERSION: &str = "probe-2";
