//! Issue 9: a fresh learner walks the built-in course from the README's start to the end,
//! through the real binary, doing each exercise by copying the lesson's example, in both
//! languages; no output tells them again what it or the output before it already said.

use std::path::Path;

use crate::common::*;
use crate::support;

/// The text of the `nth` (from 0) code block in `rel` (a course file) whose info string
/// contains `marker`, with the YAML indentation of a hint removed.
fn block(rel: &str, marker: &str, nth: usize) -> String {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap();
    let mut lines = text.lines();
    let mut open = None;
    for _ in 0..=nth {
        open = lines
            .by_ref()
            .find(|l| l.trim_start().starts_with("```") && l.contains(marker));
    }
    let open = open.unwrap_or_else(|| panic!("{rel}: no block {nth} with `{marker}`"));
    let indent = open.len() - open.trim_start().len();
    lines
        .take_while(|l| !l.trim_start().starts_with("```"))
        .map(|l| format!("{}\n", l.get(indent..).unwrap_or("")))
        .collect()
}

/// Run `script` with bash in `dir`, as a learner pastes it (with a fixed git identity).
fn bash(dir: &Path, script: &str) {
    let out = as_learner(std::process::Command::new("bash").args(["-c", script]), dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{script}: {out:?}");
}

/// One command of the walk in `lang`, unwrapped (so that an instruction stays on one line).
fn walk_step(root: &Path, lang: &str, args: &[&str]) -> String {
    let out = course_in(root)
        .args(["--lang", lang, "--no-pager", "--width", "1000"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {out:?}"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every instruction in `text`: a label, a colon and a command, and the parenthesis after it
/// (`다음: course next   (레슨 2/7 「...」)` is ("다음", "course next", "레슨 2/7 「...」")).
/// A command named inside a sentence describes; only a labelled one tells the learner to act.
fn instructions(text: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for line in text.lines().map(|l| l.replace('`', "")) {
        for (at, _) in line.match_indices(": course ") {
            let before = &line[..at];
            let start = before.rfind(['(', ',', '.', ';']).map_or(0, |k| k + 1);
            let label = before[start..].trim().to_string();
            let after = &line[at + 2..];
            let end = after.find(['(', ',', ';']).unwrap_or(after.len());
            let command = after[..end].trim().trim_end_matches(['.', ')']).to_string();
            let rest = after[end..].trim_start();
            let purpose = match rest.strip_prefix('(') {
                Some(p) => p[..p.rfind(')').unwrap_or(p.len())].to_string(),
                None => String::new(),
            };
            out.push((label, command, purpose));
        }
    }
    out
}

/// Whether `a` and `b` tell the learner the same thing: the same command under the same
/// label, for the same purpose (a bare `Next: course next` says nothing more than any other).
fn same_instruction(a: &(String, String, String), b: &(String, String, String)) -> bool {
    a.0 == b.0 && a.1 == b.1 && (a.2 == b.2 || a.2.is_empty() || b.2.is_empty())
}

/// A fresh learner, from the README's start (`course init && course next`) to the end of the
/// course, doing each exercise by copying the lesson's example. The walk checks the order of
/// steps, and that no output repeats an instruction of the one before it (issue 9: "never
/// told twice"), in both languages.
#[test]
fn issue9_a_fresh_learner_goes_from_init_to_the_end_by_copying_the_lessons() {
    for lang in ["ko", "en"] {
        let (answers, readme) = match lang {
            "ko" => (support::ANSWERS, support::README),
            _ => (ANSWERS_EN, README_EN),
        };
        let ws = tempdir();
        let root = ws.path();
        // The README's start is one line: its two outputs are one step.
        // The README's start is one line, `course init && course next`: its two outputs
        // read as one step, and the second must not say what the first did.
        let init = walk_step(root, lang, &["init"]);
        let first = walk_step(root, lang, &["next"]);
        explained_once(
            lang,
            &[
                ("init".into(), init.clone()),
                ("next".into(), first.clone()),
            ],
        );
        let mut outputs = vec![("init && next".to_string(), init + &first)];
        let mut steps = Vec::new();
        for _ in 0..20 {
            let shown = outputs.last().unwrap().1.clone();
            let exercise = instructions(&shown)
                .into_iter()
                .find_map(|(_, c, _)| c.strip_prefix("course check ").map(str::to_string));
            let step = match exercise.as_deref() {
                None if shown.contains("모든 레슨을 읽었고")
                    || shown.contains("All lessons read") =>
                {
                    steps.push("done".to_string());
                    break;
                }
                None => {
                    let at = shown.find(if lang == "ko" { "레슨 " } else { "Lesson " });
                    let at = at.unwrap_or_else(|| panic!("unexpected step: {shown}"));
                    shown[at..].split_whitespace().nth(1).unwrap().to_string()
                }
                Some("requirements") => {
                    let example = block(
                        &format!("lessons/{lang}/pip.md"),
                        "file=requirements.txt",
                        0,
                    );
                    write(root, "requirements.txt", &example);
                    "requirements".into()
                }
                Some("environment") if steps.iter().any(|s| s == "environment") => {
                    // Back on the last exercise left: skipping it would lead straight back,
                    // so the page does not offer it, and `course skip` there changes nothing.
                    assert!(!shown.contains("course skip"), "{shown}");
                    let last = ["남은 연습 문제는 이것 하나입니다", "the last exercise left"];
                    assert!(last.iter().any(|l| shown.contains(l)), "{shown}");
                    let skip = walk_step(root, lang, &["skip"]);
                    assert!(skip.contains("course hint environment"), "{skip}");
                    assert_eq!(walk_step(root, lang, &["next"]), shown);
                    // The download has finished by now.
                    support::build_environment(root);
                    let out = walk_step(root, lang, &["check", "environment"]);
                    // A passing check is no dead end: it says what comes next.
                    assert!(out.trim_end().ends_with(": course next"), "{out}");
                    outputs.push(("check environment".into(), out));
                    "environment".into()
                }
                Some("environment") => {
                    // torch is still downloading: put it aside and read on.
                    outputs.push(("skip".into(), walk_step(root, lang, &["skip"])));
                    "environment".into()
                }
                Some("jupyter-vs-script") => {
                    write(root, "answers/jupyter_vs_script.yaml", answers);
                    "jupyter-vs-script".into()
                }
                Some("structure") => {
                    let tree = block(
                        &format!("lessons/{lang}/structure.md"),
                        "exercise=structure run",
                        0,
                    );
                    bash(root, &tree);
                    write(root, "README.md", readme);
                    "structure".into()
                }
                Some("git-workflow") => {
                    let ignore = block(&format!("lessons/{lang}/git.md"), "file=.gitignore", 0);
                    write(root, ".gitignore", &ignore);
                    bash(root, "git init -q -b main");
                    let nth = usize::from(lang == "en");
                    let yaml = "exercises/git-workflow/exercise.yaml";
                    bash(root, &block(yaml, "run fixture=lesson", nth));
                    "git-workflow".into()
                }
                Some(other) => panic!("unexpected exercise {other}: {shown}"),
            };
            steps.push(step);
            outputs.push(("next".into(), walk_step(root, lang, &["next"])));
        }
        assert_eq!(
            steps,
            [
                "1/7",
                "2/7",
                "requirements",
                "3/7",
                "environment",
                "4/7",
                "jupyter-vs-script",
                "5/7",
                "structure",
                "6/7",
                "git-workflow",
                "7/7",
                "environment",
                "done"
            ],
            "{lang}"
        );
        // At the end, `course skip` has nothing to put aside and asks for no exercise (issue 9,
        // fifth audit: it asked for an ID, the command split over two lines at 60 columns).
        let skip = course_in(root)
            .args(["--lang", lang, "skip"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&skip.stderr).replace('\n', " ");
        assert_eq!(skip.status.code(), Some(2), "{said}");
        assert!(
            said.contains("nothing to put aside") || said.contains("미룰 것이 없습니다"),
            "{said}"
        );
        assert!(!said.contains("course skip ID"), "{said}");
        told_once(lang, &outputs);
    }
}

/// The commands a sentence of `text` explains, as its subject: `` `course next`는 ``,
/// `` `course next`가 ``, "`course next` shows" (a code span, then a Korean subject or topic
/// particle, or an English verb in the third person). A command named otherwise (`` `course
/// next`로 시작하십시오 ``, "run `course next`") is not explained.
fn explained(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices("`course ") {
        let rest = &text[at + 1..];
        let Some(end) = rest.find('`') else { continue };
        let after = &rest[end + 1..];
        let korean = ["는 ", "은 ", "가 ", "이 "]
            .iter()
            .any(|p| after.starts_with(p));
        let word = after.strip_prefix(' ').and_then(|a| a.split(' ').next());
        let english = word.is_some_and(|w| {
            w.len() > 1 && w.ends_with('s') && w.chars().all(|c| c.is_ascii_lowercase())
        });
        if korean || english {
            out.push(rest[..end].to_string());
        }
    }
    out
}

/// No message of the program explains a command that the output next to it explained
/// (audit 4: `course init` said what `course next` does, and lesson 1, shown right after
/// it, said it again). Two pages of the course (both `next`) may each explain a command from
/// their own side: the git exercise says what `course check` looks at, the last lesson that
/// it checks every exercise at once.
fn explained_once(lang: &str, outputs: &[(String, String)]) {
    for pair in outputs.windows(2) {
        if pair[0].0 == "next" && pair[1].0 == "next" {
            continue;
        }
        let before = explained(&pair[0].1);
        if let Some(again) = explained(&pair[1].1).iter().find(|c| before.contains(c)) {
            panic!(
                "{lang}: `course {}` explains `{again}` again, as `course {}` did:\n{}\n---\n{}",
                pair[1].0, pair[0].0, pair[0].1, pair[1].1
            );
        }
    }
}

/// No output of the walk tells the learner to do what it or the output before it already
/// said (the same command under the same label for the same purpose), nor explains again
/// what the output before it explained.
fn told_once(lang: &str, outputs: &[(String, String)]) {
    explained_once(lang, outputs);
    let all: Vec<_> = outputs.iter().map(|(_, text)| instructions(text)).collect();
    assert!(all.iter().map(Vec::len).sum::<usize>() > 20, "{all:?}");
    for (k, said) in all.iter().enumerate() {
        for (i, a) in said.iter().enumerate() {
            let earlier = said[..i]
                .iter()
                .chain(k.checked_sub(1).map_or(&[][..], |p| &all[p]));
            if let Some(b) = earlier.into_iter().find(|b| same_instruction(a, b)) {
                let (cmd, text) = &outputs[k];
                panic!("{lang}: `course {cmd}` tells {a:?} again (said as {b:?}):\n{text}");
            }
        }
    }
}

const ANSWERS_EN: &str = "\
data_exploration:
  choice: jupyter
  reason: I see the distributions as plots right away and explore cell by cell
training:
  choice: script
  reason: it runs for hours on a server and has to be reproducible
visualization:
  choice: jupyter
  reason: learning curves and attention maps show inline next to the code
inference:
  choice: script
  reason: deployed code must be a tested, versioned .py module
";

const README_EN: &str = "\
# vla-project

- `src/`: reusable modules (model, data, training, utils)
- `scripts/`: scripts that put src together to run training
- `configs/`: experiment settings (YAML)
- `data/`: datasets (not tracked by git)
- `notebooks/`: Jupyter notebooks for exploration and experiments
- `tests/`: test code
";
