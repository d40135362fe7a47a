//! Real `requirements.txt` files (tests/data/requirements, sources in its `SOURCES`) read
//! by our parser exactly as pip 26 reads them: every logical line gets pip's verdict
//! (accepted or refused) and, where pip knows it, the same project name, extras, version
//! specifier and environment marker (what pip would install against). The expectations
//! come from pip itself (`scripts/pip-verdicts.py`, committed as `pip-verdicts.jsonl`); where
//! a pip >= 26 is available (`COURSE_TEST_PIP_PYTHON`, else `python3`), the script also runs
//! live and its verdicts must match too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::ok;
use course::pip::link::Form;
use course::pip::pep508::parse_requirement;
use course::pip::requirements_txt::{decode, parse, Entry};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/requirements")
}

/// The folder the live comparison reads: `COURSE_TEST_PIP_CORPUS` (a folder laid out like
/// the corpus, with its `SOURCES`; `scripts/pip-compare.sh` makes one of many generated
/// samples) or the corpus.
fn live_corpus() -> PathBuf {
    std::env::var_os("COURSE_TEST_PIP_CORPUS").map_or_else(corpus, PathBuf::from)
}

/// Our verdict on a line.
struct Verdict {
    content: String,
    ok: bool,
    name: Option<String>,
    /// A local path: only the file system can say what pip makes of it.
    path: bool,
    /// Extras (sorted) and specifier (sorted, comma-joined), where the line names its
    /// project in PEP 508 form (pip builds nothing to know them).
    parts: Option<(Vec<String>, String)>,
    /// The marker in a form both sides can be brought to (see [`marker_key`]).
    marker: Option<String>,
}

/// A marker brought to the form packaging's `str(Marker)` gives, as far as our parser keeps
/// it as written: white space removed, `'` read as `"`, grouping parentheses dropped (packaging
/// drops the redundant ones; the split point is what is compared), the old dotted and
/// `python_implementation` names as packaging renames them, and `extra` values PEP 503
/// normalised (packaging does that too). A string's white-space escapes (`\n`, `\t`) are
/// dropped too: packaging evaluates them to the white space that is removed.
fn marker_key(marker: &str) -> String {
    let mut unescaped = marker.to_string();
    for escape in ["\\n", "\\t", "\\r", "\\v", "\\f"] {
        unescaped = unescaped.replace(escape, "");
    }
    let mut key: String = unescaped
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '(' && *c != ')')
        .map(|c| if c == '\'' { '"' } else { c })
        .collect();
    for (old, new) in [
        ("os.name", "os_name"),
        ("sys.platform", "sys_platform"),
        ("platform.version", "platform_version"),
        ("platform.machine", "platform_machine"),
        (
            "platform.python_implementation",
            "platform_python_implementation",
        ),
    ] {
        key = key.replace(old, new);
    }
    key = key
        .replace("platform_python_implementation", "python_implementation")
        .replace("python_implementation", "platform_python_implementation");
    // `extra=="Foo_Bar"` compares as `extra=="foo-bar"`.
    let mut out = String::new();
    let mut rest = key.as_str();
    while let Some(at) = rest.find("extra==\"") {
        let (head, tail) = rest.split_at(at + "extra==\"".len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        out.push_str(&course::pip::pep508::canonical_name(&tail[..end]));
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// Extras and specifier as pip prints them, from the requirement pip parses: the text before
/// the marker (pip splits it off first), or the whole of an editable `name @ url`.
fn parts(text: &str, editable: bool) -> Option<(Vec<String>, String)> {
    let req = if editable {
        text
    } else {
        text.split_once(';').map_or(text, |(r, _)| r)
    };
    let req = parse_requirement(req.trim()).ok()?;
    let mut extras = req.extras;
    extras.sort();
    extras.dedup();
    let mut specs: Vec<&str> = req.specifier.split(',').filter(|s| !s.is_empty()).collect();
    specs.sort();
    specs.dedup();
    Some((extras, specs.join(",")))
}

/// Our verdict per (file, line).
fn ours(dir: &Path) -> BTreeMap<(String, u32), Verdict> {
    let sources = std::fs::read_to_string(dir.join("SOURCES")).unwrap();
    let mut out = BTreeMap::new();
    for row in sources
        .lines()
        .filter(|r| !r.starts_with('#') && !r.trim().is_empty())
    {
        let file = row.split('\t').next().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let text = decode(&bytes).unwrap_or_else(|line| panic!("{file}: not text at line {line}"));
        for line in parse(&text) {
            let mut verdict = Verdict {
                content: line.content.clone(),
                ok: true,
                name: None,
                path: false,
                parts: None,
                marker: None,
            };
            match &line.entry {
                Entry::Blank => continue,
                Entry::Options(_) => {}
                Entry::Invalid(_) => verdict.ok = false,
                Entry::Requirement {
                    parsed,
                    text,
                    editable,
                    ..
                } => {
                    verdict.name = parsed.name.clone();
                    verdict.path = parsed.form == Form::Path;
                    if matches!(parsed.form, Form::Named | Form::NameAtUrl) {
                        verdict.parts = parts(text, *editable);
                    }
                    verdict.marker = Some(marker_key(&parsed.marker)).filter(|m| !m.is_empty());
                }
            }
            out.insert((file.to_string(), line.number), verdict);
        }
    }
    out
}

/// Compare with pip's verdicts (JSON Lines as `scripts/pip-verdicts.py` writes them).
fn compare(dir: &Path, expected: &str, source: &str) {
    let ours = ours(dir);
    let mut seen = 0;
    let mut wrong = Vec::new();
    for row in expected.lines() {
        let v: serde_json::Value = serde_json::from_str(row).unwrap();
        let key = (
            v["file"].as_str().unwrap().to_string(),
            v["line"].as_u64().unwrap() as u32,
        );
        let Some(ours) = ours.get(&key) else {
            wrong.push(format!(
                "{key:?}: pip reads a line we do not: {}",
                v["text"]
            ));
            continue;
        };
        seen += 1;
        let pip_ok = v["ok"].as_bool().unwrap();
        let pip_name = v["name"].as_str().map(String::from);
        let content = &ours.content;
        if *content != v["text"].as_str().unwrap() {
            wrong.push(format!("{key:?}: text {content:?}, pip {:?}", v["text"]));
        } else if v["fs"].as_bool().unwrap() && ours.path {
            // pip's verdict depends on whether a folder exists there; we see a local path.
            // (Otherwise ours must be pip's verdict in an empty folder, as below.)
        } else if ours.ok != pip_ok || (pip_ok && ours.name != pip_name) {
            wrong.push(format!(
                "{key:?} {content:?}: ours ok={} name={:?}, pip ok={pip_ok} name={pip_name:?} {}",
                ours.ok, ours.name, v["error"]
            ));
        } else if pip_ok {
            if let Some(diff) = differs(ours, &v) {
                wrong.push(format!("{key:?} {content:?}: {diff}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {seen} lines differ from {source}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(seen, ours.len(), "we read lines pip does not ({source})");
    if dir == corpus() {
        assert!(seen > 2800, "the corpus is read ({seen} lines)");
    }
    eprintln!("{seen} lines agree with {source}");
}

/// Where our extras, specifier or marker differ from pip's on a line both accept.
fn differs(ours: &Verdict, pip: &serde_json::Value) -> Option<String> {
    let pip_marker = pip["marker"].as_str().map(marker_key);
    if ours.marker != pip_marker {
        return Some(format!("marker {:?}, pip {pip_marker:?}", ours.marker));
    }
    let (extras, specifier) = ours.parts.as_ref()?;
    let pip_extras: Vec<String> = serde_json::from_value(pip["extras"].clone()).ok()?;
    let pip_specifier = pip["specifier"].as_str()?;
    (*extras != pip_extras || specifier != pip_specifier).then(|| {
        format!("extras {extras:?} specifier {specifier:?}, pip {pip_extras:?} {pip_specifier:?}")
    })
}

#[test]
fn corpus_lines_get_pips_recorded_verdicts() {
    let expected = std::fs::read_to_string(corpus().join("pip-verdicts.jsonl")).unwrap();
    compare(&corpus(), &expected, "the recorded pip-verdicts.jsonl");
}

#[test]
fn corpus_lines_get_the_verdicts_of_the_pip_on_this_machine() {
    let python = std::env::var("COURSE_TEST_PIP_PYTHON").unwrap_or_else(|_| "python3".into());
    let version = Command::new(&python)
        .args(["-c", "import pip; print(pip.__version__)"])
        .output();
    let major = version
        .as_ref()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .split('.')
                .next()?
                .trim()
                .parse::<u32>()
                .ok()
        });
    if major.is_none_or(|m| m < 26) {
        eprintln!(
            "skipped: no pip >= 26 in `{python}` (set COURSE_TEST_PIP_PYTHON to an interpreter with pip 26 to compare live)"
        );
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pip-verdicts.py");
    let out = ok(Command::new(&python)
        .arg(script)
        .arg(live_corpus())
        .output()
        .unwrap());
    let verdicts = String::from_utf8(out.stdout).unwrap();
    compare(&live_corpus(), &verdicts, "the live pip");
}
