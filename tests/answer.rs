//! The `choices` check and `course answer`, end to end with the real binary against a tiny
//! fixture course that carries the full jupyter-vs-script question set.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{course, machine_free, tempdir, write};
use serde_json::Value;

const EXERCISE: &str = r#"title: {ko: Jupyter 와 스크립트, en: Jupyter vs script}
lesson: x
points: 20
prompt: {ko: "각 작업에 알맞은 도구를 고르십시오", en: "Pick the right **tool** for each task.\n\n```yaml\nunit_tests:\n  choice: script\n```\n\nRun `course answer jvs` for help."}
checks:
  - kind: choices
    file: answers/jupyter_vs_script.yaml
    min_reason: 10
    options: {jupyter: [jupyter, notebook, ipynb, 주피터], script: [script, py, .py, 스크립트]}
    questions:
      - key: data_exploration
        expected: jupyter
        prompt: {ko: "데이터 분포 확인", en: "checking the data distribution"}
        nudge: {ko: "그래프를 그리고 고치고 다시 보는 일을 어디서 가장 빨리 할 수 있을까요?", en: "Where can you plot, tweak and look again the fastest?"}
      - key: training
        expected: script
        prompt: {ko: "모델 학습 실행", en: "running model training"}
        nudge: {ko: "몇 시간 걸리는 작업을 서버에서 돌리고 노트북을 닫는다면?", en: "What if it runs for hours on a server and you close your laptop?"}
      - key: visualization
        expected: jupyter
        prompt: {ko: "결과 시각화", en: "visualising results"}
        nudge: {ko: "그림이 코드 바로 옆에 보이면 무엇이 좋을까요?", en: "What do you gain when a figure appears right next to its code?"}
      - key: inference
        expected: script
        prompt: {ko: "배포용 추론 코드", en: "inference code for deployment"}
        nudge: {ko: "다른 프로그램이 이 코드를 import 하거나 자동으로 실행해야 한다면?", en: "What if another program has to import or run this code automatically?"}
"#;

const GOOD: &str = "data_exploration:\n  choice: jupyter\n  reason: 그래프를 바로 보면서 분포를 확인할 수 있어서\ntraining:\n  choice: script\n  reason: runs for hours in the background without a browser\nvisualization:\n  choice: notebook\n  reason: 그림이 코드 바로 옆에 보여서 고치기 쉽다\ninference:\n  choice: py\n  reason: other code imports it and tests can run it\n";

const FILE: &str = "answers/jupyter_vs_script.yaml";

/// A course folder with the choices exercise `jvs` and an exercise `plain` without one.
fn fixture_course() -> tempfile::TempDir {
    let dir = tempdir();
    write(
        dir.path(),
        "course.yaml",
        "id: t\ntitle: T\ndefault_lang: en\nlessons: [x]\nexercises: [jvs, plain]\n",
    );
    write(dir.path(), "lessons/ko/x.md", "# X\n\n본문\n");
    write(dir.path(), "exercises/jvs/exercise.yaml", EXERCISE);
    write(
        dir.path(),
        "exercises/plain/exercise.yaml",
        "title: Plain\nlesson: x\npoints: 10\nprompt: nothing\nchecks: []\n",
    );
    dir
}

struct Setup {
    course: tempfile::TempDir,
    ws: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        Setup {
            course: fixture_course(),
            ws: tempdir(),
        }
    }

    fn answers(&self, text: &str) -> &Self {
        write(self.ws.path(), FILE, text);
        self
    }

    fn cmd(&self, args: &[&str]) -> assert_cmd::Command {
        let mut cmd = course();
        cmd.current_dir(self.ws.path())
            .arg("--course")
            .arg(self.course.path())
            .arg("--workspace")
            .arg(self.ws.path())
            .args(args);
        cmd
    }

    /// `course check jvs --format json` in `lang`: exit code and the jvs findings.
    fn check(&self, lang: &str) -> (i32, Vec<Value>) {
        let out = self
            .cmd(&["check", "jvs", "--format", "json", "--lang", lang])
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let ex = json["exercises"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == "jvs")
            .expect("jvs in the report")
            .clone();
        (
            out.status.code().unwrap(),
            ex["findings"].as_array().unwrap().clone(),
        )
    }

    /// Every file under the workspace except `.course/`, with its contents.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let e = e.unwrap();
                let p = e.path();
                if e.file_name() == ".course" {
                    continue;
                }
                if e.file_type().unwrap().is_dir() {
                    out.insert(p.strip_prefix(root).unwrap().join(""), Vec::new());
                    walk(root, &p, out);
                } else {
                    out.insert(
                        p.strip_prefix(root).unwrap().to_path_buf(),
                        std::fs::read(&p).unwrap(),
                    );
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.ws.path(), self.ws.path(), &mut out);
        out
    }
}

fn fails(findings: &[Value]) -> Vec<&Value> {
    findings.iter().filter(|f| f["status"] == "fail").collect()
}

#[test]
fn all_correct_file_passes_with_one_finding() {
    let s = Setup::new();
    s.answers(GOOD);
    let (code, findings) = s.check("en");
    assert_eq!(code, 0, "{findings:?}");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["status"], "pass");
    assert_eq!(findings[0]["check"], "choices");
    assert_eq!(findings[0]["file"], FILE);
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("all 4 questions"));
}

#[test]
fn korean_and_odd_case_spellings_pass() {
    let s = Setup::new();
    s.answers("data_exploration:\n  choice: 주피터\n  reason: 그래프를 바로 보면서 분포를 확인\ntraining:\n  choice: 스크립트\n  reason: 서버에서 몇 시간 동안 돌려야 해서\nvisualization:\n  choice: '  Notebook '\n  reason: 그림이 코드 옆에 바로 보인다\ninference:\n  choice: .PY\n  reason: 다른 코드가 import 해서 쓴다\n");
    let (code, findings) = s.check("ko");
    assert_eq!(code, 0, "{findings:?}");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["status"], "pass");
}

#[test]
fn wrong_choice_fails_without_revealing_the_answer() {
    let s = Setup::new();
    s.answers(&GOOD.replace(
        "training:\n  choice: script",
        "training:\n  choice: Jupyter",
    ));
    for lang in ["en", "ko"] {
        let (code, findings) = s.check(lang);
        assert_eq!(code, 1);
        let f = fails(&findings);
        assert_eq!(f.len(), 1, "{findings:?}");
        assert_eq!(f[0]["line"], 5);
        assert_eq!(f[0]["file"], FILE);
        let message = f[0]["message"].as_str().unwrap();
        let hint = f[0]["hint"].as_str().unwrap();
        assert!(message.contains("training"), "{message}");
        let nudge = if lang == "en" {
            "What if it runs for hours on a server"
        } else {
            "몇 시간 걸리는 작업을"
        };
        assert!(hint.contains(nudge), "{hint}");
        for text in [message, hint] {
            let lower = text.to_lowercase();
            for spelling in ["script", "스크립트", ".py"] {
                assert!(!lower.contains(spelling), "`{text}` reveals `{spelling}`");
            }
        }
    }
}

#[test]
fn short_reason_fails_at_its_line() {
    let s = Setup::new();
    // 9 Hangul syllables: 27 bytes, but 9 characters.
    s.answers(&GOOD.replace(
        "그림이 코드 바로 옆에 보여서 고치기 쉽다",
        "  그림이바로옆에보임  ",
    ));
    let (code, findings) = s.check("en");
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:?}");
    assert_eq!(f[0]["line"], 9);
    let message = f[0]["message"].as_str().unwrap();
    assert!(message.contains("visualization"), "{message}");
    assert!(message.contains("9 characters"), "{message}");
    assert!(message.contains("at least 10"), "{message}");
}

#[test]
fn missing_key_fails_naming_it() {
    let s = Setup::new();
    let text = GOOD.split("inference:").next().unwrap();
    s.answers(text);
    let (code, findings) = s.check("en");
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:?}");
    assert!(f[0]["message"]
        .as_str()
        .unwrap()
        .contains("`inference` is missing"));
    assert!(f[0]["hint"].as_str().unwrap().contains("inference:"));
}

#[test]
fn wrong_shapes_each_give_one_finding() {
    let s = Setup::new();
    s.answers("data_exploration: jupyter\ntraining:\n  choice: [script]\n  reason: 12345678901\nvisualization:\n  choice: colab\n  reason: 그림이 코드 바로 옆에 보여서\ninference:\n  reason: other code imports it and tests can run it\n");
    let (code, findings) = s.check("en");
    assert_eq!(code, 1);
    let f = fails(&findings);
    let got: Vec<(String, i64)> = f
        .iter()
        .map(|f| {
            (
                f["message"].as_str().unwrap().to_string(),
                f["line"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(f.len(), 5, "{got:?}");
    assert!(
        got[0].0.contains("`data_exploration` holds text") && got[0].1 == 1,
        "{got:?}"
    );
    assert!(
        got[1].0.contains("`choice` holds a list") && got[1].1 == 3,
        "{got:?}"
    );
    assert!(
        got[2].0.contains("`reason` holds a number") && got[2].1 == 4,
        "{got:?}"
    );
    assert!(
        got[3].0.contains("`colab` is not one of the options") && got[3].1 == 6,
        "{got:?}"
    );
    let hint = f[3]["hint"].as_str().unwrap();
    assert!(hint.contains("주피터") && hint.contains(".py"), "{hint}");
    assert!(
        got[4].0.contains("`inference` has no `choice`") && got[4].1 == 8,
        "{got:?}"
    );
}

#[test]
fn invalid_yaml_fails_with_a_line() {
    let s = Setup::new();
    s.answers("data_exploration:\n  choice: jupyter\n  reason: \"never closed\ntraining:\n  choice: script\n");
    let (code, findings) = s.check("en");
    assert_eq!(code, 1);
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:?}");
    assert!(f[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("not valid YAML: "));
    assert!(f[0]["line"].as_u64().unwrap() >= 3, "{:?}", f[0]);

    s.answers("data_exploration:\n  choice: jupyter\n   bad: indent\n");
    let (_, findings) = s.check("en");
    let f = fails(&findings);
    assert_eq!(f.len(), 1, "{findings:?}");
    assert_eq!(f[0]["line"], 3, "{:?}", f[0]);
}

#[test]
fn crlf_and_bom_pass() {
    let s = Setup::new();
    s.answers(&format!("\u{feff}{}", GOOD.replace('\n', "\r\n")));
    let (code, findings) = s.check("en");
    assert_eq!(code, 0, "{findings:?}");
    assert_eq!(findings[0]["status"], "pass");

    // Line numbers still count right with CRLF and a BOM.
    s.answers(&format!(
        "\u{feff}{}",
        GOOD.replace("choice: py", "choice: notebook")
            .replace('\n', "\r\n")
    ));
    let (_, findings) = s.check("en");
    assert_eq!(fails(&findings)[0]["line"], 11, "{findings:?}");
}

#[test]
fn missing_file_says_how_to_create_it() {
    let s = Setup::new();
    for lang in ["en", "ko"] {
        let (code, findings) = s.check(lang);
        assert_eq!(code, 1);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0]["status"], "fail");
        assert_eq!(findings[0]["file"], FILE);
        let hint = findings[0]["hint"].as_str().unwrap();
        assert!(hint.contains("course answer"), "{hint}");
        assert!(
            hint.contains("choice:") && hint.contains("reason:"),
            "{hint}"
        );
    }
}

#[test]
fn an_empty_file_is_not_a_mapping() {
    let s = Setup::new();
    s.answers("# nothing yet\n");
    let (code, findings) = s.check("en");
    assert_eq!(code, 1);
    assert_eq!(findings.len(), 1);
    assert!(findings[0]["message"]
        .as_str()
        .unwrap()
        .contains("expected a mapping"));
}

// ---- course answer ------------------------------------------------------------------------

const PIPED: &str = "jupyter\n그래프를 바로 보면서 분포를 확인할 수 있어서\n2\nruns for hours on a server: no browser needed\nNotebook\n그림이 코드 바로 옆에 보여서 고치기 쉽다\n스크립트\n다른 코드가 import 하고 \"테스트\"도 돌릴 수 있다\ny\n";

#[test]
fn piped_answers_write_a_file_that_passes() {
    let s = Setup::new();
    let before = s.files();
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(s.ws.path().join(FILE)).unwrap();
    // The file was shown before it was written.
    assert!(
        stdout.contains("answers/jupyter_vs_script.yaml"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    training:\n      choice: script"),
        "{stdout}"
    );
    assert!(text.starts_with("# "), "{text}");
    assert!(
        text.contains("data_exploration:\n  choice: jupyter\n"),
        "{text}"
    );
    assert!(
        text.contains("visualization:\n  choice: jupyter\n"),
        "{text}"
    );
    let order: Vec<usize> = [
        "data_exploration:",
        "training:",
        "visualization:",
        "inference:",
    ]
    .iter()
    .map(|k| text.find(k).unwrap())
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{text}");
    // Exactly one new file (and its folder), nothing else.
    let mut after = s.files();
    assert!(after.remove(Path::new(FILE)).is_some());
    assert!(after.remove(&Path::new("answers").join("")).is_some());
    assert_eq!(after, before);

    let (code, findings) = s.check("en");
    assert_eq!(code, 0, "{findings:?}\n{text}");

    // Answering again pre-fills: empty lines keep the saved choices and reasons.
    let out = s
        .cmd(&["answer", "jvs", "--lang", "ko"])
        .write_stdin("\n\n\n\n\n\n\n\n예\n")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = std::fs::read_to_string(s.ws.path().join(FILE)).unwrap();
    let strip = |t: &str| -> String { t.lines().filter(|l| !l.starts_with('#')).collect() };
    assert_eq!(strip(&again), strip(&text));
    assert!(
        again.contains("다른 코드가 import 하고 \"테스트\"도 돌릴 수 있다"),
        "{again}"
    );
}

#[test]
fn issue9_the_preview_wraps_a_long_reason_under_its_value_in_both_languages() {
    let long = "그래프를 바로 보면서 분포를 확인할 수 있고 셀을 고쳐 다시 돌려 볼 수 있어서 탐색에는 주피터가 알맞다";
    let input = PIPED.replacen("그래프를 바로 보면서 분포를 확인할 수 있어서", long, 1);
    for lang in ["ko", "en"] {
        let s = Setup::new();
        let out = s
            .cmd(&["answer", "jvs", "--lang", lang])
            .env("COLUMNS", "60")
            .write_stdin(input.as_str())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with("      reason: 그래프를"))
            .unwrap_or_else(|| panic!("{lang}: no preview of the reason:\n{stdout}"));
        // Continued under the value (4 + 2 + `reason: `), not at a key's column.
        let next = lines[at + 1];
        assert!(
            next.starts_with(&" ".repeat(14)),
            "{lang}: {next:?}\n{stdout}"
        );
        assert!(!next.trim_start().starts_with("training"), "{stdout}");
        let shown: Vec<&str> = lines[at..]
            .iter()
            .take_while(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .take_while(|l| !l.contains("training:"))
            .flat_map(|l| l.split_whitespace())
            .collect();
        let written = format!("reason: {long}");
        assert_eq!(
            shown,
            written.split_whitespace().collect::<Vec<_>>(),
            "{stdout}"
        );
        for line in &lines {
            assert!(
                unicode_width::UnicodeWidthStr::width(*line) <= 60,
                "{lang}: {line}"
            );
        }
        let file = std::fs::read_to_string(s.ws.path().join(FILE)).unwrap();
        assert!(file.contains(&format!("  reason: {long}\n")), "{file}");
    }
}

#[test]
fn declining_writes_nothing() {
    let s = Setup::new();
    let before = s.files();
    for no in ["n", "no", "아니오"] {
        let input = PIPED.replace("\ny\n", &format!("\n{no}\n"));
        let out = s
            .cmd(&["answer", "jvs"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains("nothing was written"));
        assert_eq!(s.files(), before, "answer `{no}` wrote something");
    }
}

#[test]
fn an_empty_confirmation_saves() {
    let s = Setup::new();
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin(PIPED.replace("\ny\n", "\n\n"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("Save it? [Y/n]"), "{stdout}");
    assert!(
        stdout.contains("Saved answers/jupyter_vs_script.yaml"),
        "{stdout}"
    );
    assert!(s.ws.path().join(FILE).is_file());
    let (code, findings) = s.check("en");
    assert_eq!(code, 0, "{findings:?}");

    let out = s
        .cmd(&["answer", "jvs", "--lang", "ko"])
        .write_stdin("\n\n\n\n\n\n\n\n\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("[예/아니오, 기본: 예]"), "{stdout}");
    assert!(stdout.contains("저장했습니다"), "{stdout}");
}

#[test]
fn piped_control_characters_exit_2_and_write_nothing() {
    let s = Setup::new();
    let before = s.files();
    // The reason as the learner's terminal delivered it after two left arrows.
    let input = PIPED.replacen(
        "runs for hours on a server: no browser needed",
        "사람 없이 오래 돌아가야 한다\x1b[D\x1b[D서버에서 \x1b[4",
        1,
    );
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("the reason for question 2"), "{stderr}");
    assert!(stderr.contains("control characters"), "{stderr}");
    assert!(stderr.contains("한다\\e[D\\e[D서버에서"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    assert_eq!(s.files(), before);
}

#[test]
fn a_saved_reason_with_control_characters_fails_and_is_not_kept() {
    let s = Setup::new();
    s.answers(&GOOD.replace(
        "reason: runs for hours in the background without a browser",
        "reason: \"사람 없이 오래 돌아가야 한다\\e[D\\e[D서버에서 \\e[4\"",
    ));
    for lang in ["en", "ko"] {
        let (code, findings) = s.check(lang);
        assert_eq!(code, 1);
        let f = fails(&findings);
        assert_eq!(f.len(), 1, "{findings:?}");
        assert_eq!(f[0]["line"], 6);
        assert_eq!(f[0]["file"], FILE);
        let hint = f[0]["hint"].as_str().unwrap();
        assert!(hint.contains("Backspace"), "{hint}");
        assert!(hint.contains("course answer"), "{hint}");
    }
    // Enter at every prompt keeps the other answers, but not the broken reason: input ends
    // where question 2's reason has no default any more.
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin("\n\n\n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("has 0 characters"), "{stderr}");
}

#[test]
fn issue9_a_saved_reason_too_short_is_not_offered_and_counts_agree() {
    let s = Setup::new();
    s.answers(&GOOD.replace(
        "reason: runs for hours in the background without a browser",
        "reason: x",
    ));
    // Enter keeps question 1; question 2's saved "x" is not offered (it would be refused),
    // so the learner's "x" is refused with a count in natural English.
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin("\n\n\nx\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stdout.contains("Enter keeps \"x\""), "{stdout}");
    assert!(
        stdout.contains("Enter keeps \""),
        "question 1 keeps its reason: {stdout}"
    );
    assert!(
        stderr.contains("the reason for question 2 has 1 character;"),
        "{stderr}"
    );
}

#[test]
fn the_intro_is_short_rendered_and_wrapped() {
    let s = Setup::new();
    let out = s
        .cmd(&["answer", "jvs", "--width", "40"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let intro = stdout.split("1/4.").next().unwrap();
    assert!(intro.starts_with("Jupyter vs script\n"), "{intro}");
    assert!(intro.contains("4 questions"), "{intro}");
    // Not the exercise prompt, no Markdown, wrapped to --width.
    assert!(!stdout.contains("Pick the right"), "{stdout}");
    assert!(
        !stdout.contains("```") && !stdout.contains("**"),
        "{stdout}"
    );
    for line in intro.lines() {
        assert!(line.chars().count() <= 40, "`{line}` is wider than 40");
    }
    assert!(intro.lines().count() >= 4, "{intro}");

    let out = s
        .cmd(&["answer", "jvs", "--lang", "ko"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Jupyter 와 스크립트\n"), "{stdout}");
    assert!(stdout.contains("질문 4개"), "{stdout}");
    assert!(
        !stdout.contains("각 작업에 알맞은 도구를 고르십시오"),
        "{stdout}"
    );
}

#[test]
fn english_lists_only_latin_aliases() {
    let s = Setup::new();
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1) jupyter  (notebook, ipynb)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("2) script  (py, .py)\n"), "{stdout}");
    assert!(
        !stdout.contains("주피터") && !stdout.contains("스크립트)"),
        "{stdout}"
    );
    // ...but the Korean spelling typed for question 4 was accepted.
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let text = std::fs::read_to_string(s.ws.path().join(FILE)).unwrap();
    assert!(text.contains("inference:\n  choice: script\n"), "{text}");

    let out = s
        .cmd(&["answer", "jvs", "--lang", "ko"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1) jupyter  (notebook, ipynb, 주피터)\n"),
        "{stdout}"
    );
}

#[test]
fn eof_midway_writes_nothing_and_exits_2() {
    let s = Setup::new();
    let before = s.files();
    for cut in [0, 3, 8] {
        let input: String = PIPED.lines().take(cut).map(|l| format!("{l}\n")).collect();
        let out = s
            .cmd(&["answer", "jvs"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "cut {cut}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("input ended before"), "{stderr}");
        assert!(stderr.contains("nothing was written"), "{stderr}");
        assert_eq!(s.files(), before);
    }
}

#[test]
fn bad_piped_input_exits_2_and_writes_nothing() {
    let s = Setup::new();
    let before = s.files();
    let cases = [
        (
            PIPED.replacen("jupyter", "colab", 1),
            "`colab` is not an option",
        ),
        (PIPED.replacen("\n2\n", "\n7\n", 1), "`7` is not an option"),
        (
            PIPED.replacen("그래프를 바로 보면서 분포를 확인할 수 있어서", "짧다", 1),
            "has 2 characters",
        ),
        (
            PIPED.replace("\ny\n", "\nmaybe\n"),
            "answer y (yes) or n (no)",
        ),
    ];
    for (input, expected) in cases {
        let out = s
            .cmd(&["answer", "jvs"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{stderr}");
        assert_eq!(s.files(), before);
    }
}

#[test]
fn exercise_without_choices_is_a_usage_error() {
    let s = Setup::new();
    let out = s
        .cmd(&["answer", "plain"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`plain` has no questions"), "{stderr}");
    assert!(stderr.contains("jvs"), "{stderr}");

    let out = s
        .cmd(&["answer", "nope"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown exercise `nope`"));
    assert!(!s.ws.path().join("answers").exists());
}

#[cfg(unix)]
#[test]
fn refuses_to_write_through_a_symlink() {
    let s = Setup::new();
    let outside = tempdir();
    std::os::unix::fs::symlink(outside.path(), s.ws.path().join("answers")).unwrap();
    let out = s
        .cmd(&["answer", "jvs"])
        .write_stdin(PIPED)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}

// ---- course answer on a real terminal (a pseudo-terminal driven by Python) --------------------

/// Runs argv[1:] on a pseudo-terminal; STEPS (JSON `[[expect, send], ...]`) waits for each
/// `expect` in the output after the previous one, then types `send`. Prints JSON
/// `{"code": exit code, "output": everything shown}`. A step that never comes ends the run.
#[cfg(unix)]
const PTY_DRIVER: &str = r#"
import fcntl, json, os, select, struct, subprocess, sys, termios
steps = json.loads(os.environ["STEPS"])
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
p = subprocess.Popen(sys.argv[1:], stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
os.close(slave)
out, seen, missed = b"", 0, None
def more(wait):
    global out
    r, _, _ = select.select([master], [], [], wait)
    if not r:
        return False
    try:
        data = os.read(master, 65536)
    except OSError:
        return False
    out += data
    return bool(data)
for expect, send in steps:
    want = expect.encode()
    while want not in out[seen:]:
        if not more(60):
            missed = expect
            break
    if missed is not None:
        break
    seen = out.index(want, seen) + len(want)
    os.write(master, send.encode())
while more(60):
    pass
if missed is not None:
    p.kill()
code = p.wait()
print(json.dumps({"code": code, "missed": missed, "output": out.decode("utf-8", "replace")}))
"#;

/// `course answer jvs` on a terminal with `steps`: (exit code, output).
#[cfg(unix)]
fn on_terminal(s: &Setup, lang: &str, steps: &[(&str, &str)]) -> (i64, String) {
    let bin = assert_cmd::cargo::cargo_bin("course");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg("-c").arg(PTY_DRIVER).arg(bin);
    cmd.arg("--course")
        .arg(s.course.path())
        .arg("--workspace")
        .arg(s.ws.path())
        .args(["answer", "jvs", "--lang", lang, "--no-pager"]);
    machine_free(&mut cmd)
        .env("STEPS", serde_json::to_string(steps).unwrap())
        .current_dir(s.ws.path());
    let out = cmd.output().expect("python3 runs");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "driver output is not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let output = json["output"].as_str().unwrap().to_string();
    assert!(
        json["missed"].is_null(),
        "never saw {}:\n{output}",
        json["missed"]
    );
    (json["code"].as_i64().unwrap(), output)
}

#[cfg(unix)]
#[test]
fn esc_on_a_terminal_cancels_with_exit_0() {
    let s = Setup::new();
    let before = s.files();
    let (code, output) = on_terminal(&s, "en", &[("Esc cancel", "\x1b")]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("Cancelled; nothing was written."),
        "{output}"
    );
    assert_eq!(s.files(), before);

    // Esc at the reason prompt cancels too, without an Enter after it (issue 9).
    let (code, output) = on_terminal(
        &s,
        "ko",
        &[("Enter 선택", "\r"), ("이유를 쓰십시오", "\x1b")],
    );
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("취소했습니다"), "{output}");
    assert_eq!(s.files(), before);
}

#[cfg(unix)]
#[test]
fn issue9_arrow_keys_edit_the_reason_on_a_terminal() {
    let s = Setup::new();
    // Left twice, then words inserted before the last two syllables; Home and a word at the
    // start: the text saved is the text edited, with no escape codes in it.
    let (code, output) = on_terminal(
        &s,
        "ko",
        &[
            ("Enter 선택", "\r"),
            (
                "이유를 쓰십시오",
                "그래프를 보면서 분포를 확인할 수 있어서\x1b[H바로 \x1b[F\x1b[D\x1b[D\x1b[D한눈에 \r",
            ),
            ("2/4", ""),
            ("Enter 선택", "2\r"),
            (
                "이유를 쓰십시오",
                "서버에서 몇 시간 동안 사람 없이 돌아가야 해서\r",
            ),
            ("3/4", ""),
            ("Enter 선택", "\r"),
            (
                "이유를 쓰십시오",
                "그림이 코드 바로 옆에 보여서 고치기 쉽다\r",
            ),
            ("4/4", ""),
            ("Enter 선택", "\x1b[B\r"),
            (
                "이유를 쓰십시오",
                "다른 코드가 import 하고 테스트도 돌릴 수 있다\r",
            ),
            ("기본: 예]", "\r"),
        ],
    );
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("저장했습니다"), "{output}");
    assert!(!output.contains("화살표 키로 고칠 수 없습니다"), "{output}");
    let text = std::fs::read_to_string(s.ws.path().join(FILE)).unwrap();
    assert!(!text.contains('\x1b') && !text.contains("\\e"), "{text}");
    assert!(
        text.contains("reason: 바로 그래프를 보면서 분포를 확인할 수 한눈에 있어서"),
        "{text}"
    );
    let (code, findings) = s.check("en");
    assert_eq!(code, 0, "{findings:?}\n{text}");
}

/// Issue 9: the preview is the file a learner can paste. A header comment wider than the
/// screen goes on as comment lines (`# ...`); it went on under its text without `#`, which
/// YAML reads as a value. The preview's lines, pasted, parse as the file that was saved.
#[test]
fn issue9_the_preview_of_a_long_comment_stays_a_comment_in_both_languages() {
    for lang in ["ko", "en"] {
        let s = Setup::new();
        let out = s
            .cmd(&["answer", "jvs", "--lang", lang])
            .env("COLUMNS", "40")
            .write_stdin(PIPED)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let lines: Vec<&str> = stdout.lines().collect();
        let start = lines
            .iter()
            .position(|l| l.starts_with("    # "))
            .unwrap_or_else(|| panic!("{lang}: no preview:\n{stdout}"));
        let preview: Vec<&str> = lines[start..]
            .iter()
            .take_while(|l| l.is_empty() || l.starts_with("    "))
            .map(|l| l.strip_prefix("    ").unwrap_or(l))
            .collect();
        assert!(
            preview[1].starts_with("# "),
            "{lang}: a wrapped comment goes on with `# `:\n{stdout}"
        );
        let pasted: serde_yaml::Value = serde_yaml::from_str(&preview.join("\n"))
            .unwrap_or_else(|e| panic!("{lang}: the preview is not YAML ({e}):\n{stdout}"));
        let saved = std::fs::read_to_string(s.ws.path().join(FILE)).unwrap();
        let saved: serde_yaml::Value = serde_yaml::from_str(&saved).unwrap();
        assert_eq!(pasted, saved, "{lang}:\n{stdout}");
    }
}
