//! One interpreter launch per workspace for every Python check (issue 12).
//!
//! The environment probe of `python-env` and the imports of `python-import` run in one
//! small driver script: before the first exercise runs, each Python check that has work to
//! do (no cached pass, an environment to run) adds its *part* to the context's plan
//! ([`super::CheckContext::plan`]); the first check that needs a result launches the driver
//! once with every planned part, and each check reads its own part's answer back.
//!
//! The driver runs with `-I -B -X utf8` from the workspace root: the probes first, isolated
//! (a workspace folder named `torch` cannot answer for torch), then the imports with the
//! workspace root put first on `sys.path`, as `python -c "import src.model"` from the root
//! would. Each part's answer is printed (and flushed) as soon as it is known, so a part
//! that hangs or crashes the interpreter leaves the answers of the parts before it intact.
//! A part the launch did not reach gets the launch's own outcome (timeout, crash, a limit
//! of the sandbox).

use std::ffi::OsString;
use std::process::Output;
use std::time::Duration;

use super::launch::{run_python, Launch};
use super::CheckContext;
use crate::process::RunError;
use crate::python::PythonEnv;

/// What a check asks the interpreter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// `python-env`: import each module in isolation and say where it came from.
    Probe(Vec<String>),
    /// `python-import`: `import a, b` from the workspace root.
    Import(Vec<String>),
}

/// A planned part and how long it may take.
#[derive(Clone, Debug)]
pub(crate) struct Planned {
    pub part: Part,
    pub timeout: Duration,
}

/// The shared launch: the parts in the order the driver ran them, and what came back.
pub(crate) struct SharedRun {
    parts: Vec<Part>,
    timeouts: Vec<Duration>,
    launch: Launch,
}

/// The driver: the parts come as JSON in `argv[1]`; each answer is one line
/// `@@course-part-N@@{json}`. Each part has its own timeout, kept by `SIGALRM` (a part
/// that takes too long answers `{"late": true}` and the next part runs); the launch's
/// timeout, the sum of the parts', is the backstop for code a signal cannot interrupt.
const DRIVER: &str = r#"
import sys, os, json, importlib, importlib.util, sysconfig, signal
# What startup (site, .pth files, sitecustomize) loaded, before any probe imports: a module
# imported by another one (torch imports numpy) is not "preloaded".
_start = frozenset(sys.modules)
class Late(BaseException):
    pass
def late(signum, frame):
    raise Late()
signal.signal(signal.SIGALRM, late)
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
def exists(f):
    # A zipped egg's modules live inside a file: the path exists up to the archive.
    if os.path.exists(f):
        return True
    while True:
        up = os.path.dirname(f)
        if up == f or os.path.isdir(up):
            return False
        if os.path.isfile(up):
            return True
        f = up
def origin(name):
    m = sys.modules.get(name.split(".")[0])
    f = getattr(m, "__file__", None)
    if f is None:
        f = next(iter(getattr(m, "__path__", None) or []), None)
    return f
def probe(names):
    out = {"version": "%d.%d.%d" % tuple(sys.version_info[:3]), "prefix": sys.prefix,
           "executable": sys.executable, "has_pip": False, "modules": []}
    try:
        out["has_pip"] = importlib.util.find_spec("pip") is not None
    except Exception:
        pass
    for name in names:
        r = {"name": name, "ok": False, "missing": False,
             "preloaded": name.split(".")[0] in _start}
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
                r["exists"] = f is None or exists(f)
                r["dists"] = providers(name.split(".")[0])
            except Exception as e:
                r["where_error"] = "%s: %s" % (type(e).__name__, e)
        except BaseException as e:
            if isinstance(e, Late):
                raise
            r["error"] = type(e).__name__
            r["message"] = str(e)
            missing = getattr(e, "name", None) if isinstance(e, ImportError) else None
            r["missing"] = isinstance(e, ModuleNotFoundError) and missing is not None and (
                name == missing or name.startswith(missing + "."))
        out["modules"].append(r)
    return out
def imports(names):
    if sys.path[:1] != [""]:
        sys.path.insert(0, "")
    try:
        exec(compile("import " + ", ".join(names), "<string>", "exec"), {})
        return {"ok": True}
    except Late:
        raise
    except BaseException:
        import traceback
        return {"ok": False, "traceback": traceback.format_exc()}
for i, part in enumerate(json.loads(sys.argv[1])):
    run = probe if part["kind"] == "probe" else imports
    signal.setitimer(signal.ITIMER_REAL, part["timeout"])
    try:
        answer = run(part["modules"])
    except Late:
        answer = {"late": True}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    sys.stdout.write("\n@@course-part-%d@@%s\n" % (i, json.dumps(answer)))
    sys.stdout.flush()
"#;

/// The marker before part `i`'s answer.
fn marker(i: usize) -> String {
    format!("@@course-part-{i}@@")
}

/// Launch the driver once for `parts` (probes first), within the sum of their timeouts.
pub(crate) fn run(ctx: &CheckContext, env: &PythonEnv, planned: &[Planned]) -> SharedRun {
    let mut parts: Vec<&Planned> = planned.iter().collect();
    parts.sort_by_key(|p| matches!(p.part, Part::Import(_)));
    let timeout: Duration = parts.iter().map(|p| p.timeout).sum();
    let json = serde_json::Value::Array(
        parts
            .iter()
            .map(|p| {
                let (kind, modules) = match &p.part {
                    Part::Probe(m) => ("probe", m),
                    Part::Import(m) => ("import", m),
                };
                serde_json::json!({"kind": kind, "modules": modules, "timeout": p.timeout.as_secs_f64()})
            })
            .collect(),
    )
    .to_string();
    let timeouts: Vec<Duration> = parts.iter().map(|p| p.timeout).collect();
    let parts: Vec<Part> = parts.into_iter().map(|p| p.part.clone()).collect();
    let args: Vec<OsString> = ["-I", "-B", "-X", "utf8", "-c", DRIVER, &json]
        .map(OsString::from)
        .into();
    let py = crate::python::show_path(&ctx.root, &env.interpreter);
    let step = super::Step {
        program: py,
        imports: parts
            .iter()
            .map(|p| match p {
                Part::Probe(m) | Part::Import(m) => m.clone(),
            })
            .collect(),
        max: timeout,
    };
    let launch = run_python(ctx, env, &args, &step);
    SharedRun {
        parts,
        timeouts,
        launch,
    }
}

impl SharedRun {
    /// Whether this run holds `part`.
    pub(crate) fn has(&self, part: &Part) -> bool {
        self.parts.contains(part)
    }

    /// `part`'s own view of the launch: its answer as the only line of stdout (with the
    /// launch's stderr) when the driver reached it; otherwise the launch's outcome. A limit
    /// of the sandbox counts against the parts the launch had not finished, or against all
    /// when every part finished.
    pub(crate) fn view(&self, part: &Part) -> Launch {
        let stdout = match &self.launch.result {
            Ok(o) => &o.stdout,
            Err(RunError::TimedOut { stdout, .. }) | Err(RunError::Signal { stdout, .. }) => stdout,
            Err(_) => &Vec::new(),
        };
        let text = String::from_utf8_lossy(stdout);
        let answer = |i: usize| {
            let m = marker(i);
            text.lines()
                .find_map(|l| l.strip_prefix(m.as_str()))
                .map(str::to_string)
        };
        let index = self.parts.iter().position(|p| p == part);
        let mine = index.and_then(answer);
        let all_done = (0..self.parts.len()).all(|i| answer(i).is_some());
        let stderr = match &self.launch.result {
            Ok(o) => o.stderr.clone(),
            Err(RunError::TimedOut { stderr, .. }) | Err(RunError::Signal { stderr, .. }) => {
                stderr.clone()
            }
            Err(_) => Vec::new(),
        };
        match mine {
            // Its own timeout passed; the launch went on with the next part.
            Some(line) if line.trim() == r#"{"late": true}"# => Launch {
                result: Err(RunError::TimedOut {
                    after: index.map_or(Duration::ZERO, |i| self.timeouts[i]),
                    stdout: Vec::new(),
                    stderr,
                }),
                status: self.launch.status.clone(),
                verdict_applies: false,
            },
            Some(line) => Launch {
                result: Ok(Output {
                    status: success(),
                    stdout: line.into_bytes(),
                    stderr,
                }),
                status: self.launch.status.clone(),
                verdict_applies: all_done,
            },
            None => Launch {
                result: clone_result(&self.launch.result),
                status: self.launch.status.clone(),
                verdict_applies: true,
            },
        }
    }
}

fn success() -> std::process::ExitStatus {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        std::process::ExitStatus::from_raw(0)
    }
    #[cfg(windows)]
    {
        use std::os::windows::process::ExitStatusExt;
        std::process::ExitStatus::from_raw(0)
    }
}

fn clone_result(result: &Result<Output, RunError>) -> Result<Output, RunError> {
    match result {
        Ok(o) => Ok(o.clone()),
        Err(RunError::Start(e)) => Err(RunError::Start(std::io::Error::new(
            e.kind(),
            e.to_string(),
        ))),
        Err(RunError::TimedOut {
            after,
            stdout,
            stderr,
        }) => Err(RunError::TimedOut {
            after: *after,
            stdout: stdout.clone(),
            stderr: stderr.clone(),
        }),
        Err(RunError::Signal {
            signal,
            stdout,
            stderr,
        }) => Err(RunError::Signal {
            signal: *signal,
            stdout: stdout.clone(),
            stderr: stderr.clone(),
        }),
        Err(RunError::Wait(e)) => Err(RunError::Wait(std::io::Error::new(e.kind(), e.to_string()))),
    }
}
