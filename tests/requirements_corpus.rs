//! Real `requirements.txt` files (tests/data/requirements, sources in its `SOURCES`) read
//! by our parser exactly as pip 26 reads them: every logical line gets pip's verdict
//! (accepted or refused) and, where pip knows it, the same project name. The expectations
//! come from pip itself (`scripts/pip-verdicts.py`, committed as `pip-verdicts.jsonl`); where
//! a pip >= 26 is available (`COURSE_TEST_PIP_PYTHON`, else `python3`), the script also runs
//! live and its verdicts must match too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use course::pip::requirements_txt::{decode, parse, Entry};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/requirements")
}

/// Our verdict on a line: (content, accepted, name, local path).
type Verdict = (String, bool, Option<String>, bool);

/// Our verdict per (file, line).
fn ours() -> BTreeMap<(String, u32), Verdict> {
    let sources = std::fs::read_to_string(corpus().join("SOURCES")).unwrap();
    let mut out = BTreeMap::new();
    for row in sources
        .lines()
        .filter(|r| !r.starts_with('#') && !r.trim().is_empty())
    {
        let file = row.split('\t').next().unwrap();
        let bytes = std::fs::read(corpus().join(file)).unwrap();
        let text = decode(&bytes).unwrap_or_else(|line| panic!("{file}: not text at line {line}"));
        for line in parse(&text) {
            let verdict = match &line.entry {
                Entry::Blank => continue,
                Entry::Options(_) => (true, None, false),
                Entry::Invalid(_) => (false, None, false),
                Entry::Requirement { parsed, .. } => (
                    true,
                    parsed.name.clone(),
                    parsed.form == course::pip::link::Form::Path,
                ),
            };
            out.insert(
                (file.to_string(), line.number),
                (line.content, verdict.0, verdict.1, verdict.2),
            );
        }
    }
    out
}

/// Compare with pip's verdicts (JSON Lines as `scripts/pip-verdicts.py` writes them).
fn compare(expected: &str, source: &str) {
    let ours = ours();
    let mut seen = 0;
    let mut wrong = Vec::new();
    for row in expected.lines() {
        let v: serde_json::Value = serde_json::from_str(row).unwrap();
        let key = (
            v["file"].as_str().unwrap().to_string(),
            v["line"].as_u64().unwrap() as u32,
        );
        let Some((content, ok, name, path)) = ours.get(&key) else {
            wrong.push(format!(
                "{key:?}: pip reads a line we do not: {}",
                v["text"]
            ));
            continue;
        };
        seen += 1;
        let pip_ok = v["ok"].as_bool().unwrap();
        let pip_name = v["name"].as_str().map(String::from);
        if content != v["text"].as_str().unwrap() {
            wrong.push(format!("{key:?}: text {content:?}, pip {:?}", v["text"]));
        } else if v["fs"].as_bool().unwrap() && *path {
            // pip's verdict depends on whether a folder exists there; we see a local path.
            // (Otherwise ours must be pip's verdict in an empty folder, as below.)
        } else if *ok != pip_ok || (pip_ok && *name != pip_name) {
            wrong.push(format!(
                "{key:?} {content:?}: ours ok={ok} name={name:?}, pip ok={pip_ok} name={pip_name:?} {}",
                v["error"]
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {seen} lines differ from {source}:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(seen, ours.len(), "we read lines pip does not ({source})");
    assert!(seen > 2500, "the corpus is read ({seen} lines)");
}

#[test]
fn corpus_lines_get_pips_recorded_verdicts() {
    let expected = std::fs::read_to_string(corpus().join("pip-verdicts.jsonl")).unwrap();
    compare(&expected, "the recorded pip-verdicts.jsonl");
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
    let out = Command::new(&python)
        .arg(script)
        .arg(corpus())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    compare(&String::from_utf8(out.stdout).unwrap(), "the live pip");
}
