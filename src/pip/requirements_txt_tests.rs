//! Unit tests of the requirements-file reader: pip 26's verdicts on the lines of issue 8.

use super::*;
use crate::pip::link::Form;

fn one(text: &str) -> Entry {
    let lines = parse(text);
    assert_eq!(lines.len(), 1, "{lines:?}");
    lines.into_iter().next().unwrap().entry
}

fn name(text: &str) -> Option<String> {
    match one(text) {
        Entry::Requirement { parsed, .. } => parsed.name,
        other => panic!("{text}: {other:?}"),
    }
}

fn invalid(text: &str) -> LineError {
    match one(text) {
        Entry::Invalid(e) => e,
        other => panic!("{text} should be invalid: {other:?}"),
    }
}

#[test]
fn issue8_bare_urls_pip_accepts() {
    assert_eq!(name("git+https://github.com/huggingface/peft.git"), None);
    assert_eq!(
        name("git+https://github.com/huggingface/accelerate@main#egg=accelerate").as_deref(),
        Some("accelerate")
    );
    assert_eq!(
        name("git+https://${GITHUB_TOKEN}@github.com/org/private-repo.git@v1.2#egg=private_repo")
            .as_deref(),
        Some("private-repo")
    );
    assert_eq!(
        name("https://github.com/x/bitsandbytes-0.41.1-py3-none-win_amd64.whl; platform_system == \"Windows\"").as_deref(),
        Some("bitsandbytes")
    );
}

#[test]
fn issue8_editable_lines_pip_refuses() {
    assert!(matches!(
        invalid("-e git+https://github.com/edx/codejail.git@3.1.3#egg=codejail==3.1.3"),
        LineError::Requirement(ReqError::EggFragment(_))
    ));
    assert_eq!(
        invalid("-e git+https://github.com/edx/edx-enterprise.git@0.1#edx-enterprise==3.30"),
        LineError::Requirement(ReqError::EditableWithoutName)
    );
    assert_eq!(
        name("-e git+https://github.com/pytorch/pytorch.git@v2.1.0#egg=torch").as_deref(),
        Some("torch")
    );
    assert!(matches!(
        one("-e pkg @ git+https://x/pkg.git"),
        Entry::Invalid(_)
    ));
}

#[test]
fn options() {
    assert_eq!(
        one("--index-url https://x"),
        Entry::Options(vec!["index-url"])
    );
    assert_eq!(
        one("--extra https://x"),
        Entry::Options(vec!["extra-index-url"])
    );
    assert_eq!(one("-rother.txt"), Entry::Options(vec!["requirement"]));
    assert_eq!(one("--pre numpy"), Entry::Options(vec!["pre"]));
    for bad in [
        "---",
        "--index-url",
        "-x",
        "-e",
        "-e 'unclosed",
        "--no-binary -x",
        "--use-feature nope",
        "torch --hash=md5:x",
        "torch -C novalue",
        "-numpy",
        "--p x",
    ] {
        assert!(matches!(invalid(bad), LineError::Option(_)), "{bad}");
    }
    assert_eq!(
        name("torch --hash=sha256:abc --hash sha256:def").as_deref(),
        Some("torch")
    );
}

#[test]
fn joined_lines_keep_their_first_number_and_comments() {
    let lines =
        parse("torch==2.1.0 \\\n  --hash=sha256:abc  # dl\r\nnumpy\x0bpandas  # 표\n# c \\\nx#y\n");
    let numbers: Vec<u32> = lines.iter().map(|l| l.number).collect();
    assert_eq!(numbers, [1, 3, 4, 5, 6]);
    assert_eq!(lines[0].content, "torch==2.1.0   --hash=sha256:abc");
    assert_eq!(lines[0].comment.as_deref(), Some("# dl"));
    assert_eq!(lines[2].comment.as_deref(), Some("# 표"));
    assert_eq!(lines[3].entry, Entry::Blank);
    assert_eq!(lines[4].content, "x#y");
}

#[test]
fn paths_and_archives() {
    for (text, form) in [
        (".", Form::Path),
        ("-e .", Form::Path),
        ("./pkg", Form::Path),
        ("foo.zip", Form::Path),
        ("foo @ ./foo", Form::NameAtUrl),
    ] {
        match one(text) {
            Entry::Requirement { parsed, .. } => assert_eq!(parsed.form, form, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
    assert!(matches!(
        invalid("pkg.whl"),
        LineError::Requirement(ReqError::WheelName(_))
    ));
    assert!(matches!(
        invalid("git://github.com/org/pkg.git#egg=pkg"),
        LineError::Requirement(ReqError::Syntax(_))
    ));
}

fn ignored(text: &str) -> Vec<String> {
    match one(text) {
        Entry::Requirement { ignored, .. } => ignored,
        other => panic!("{text}: {other:?}"),
    }
}

/// Issue 9: pip 26.3's `handle_requirement_line` applies only `--hash` and
/// `--config-settings` on a requirement's line (only `-C` for an editable); the rest it reads
/// and drops, as `pip install --dry-run --no-index -r` showed with a local `-f` folder.
#[test]
fn issue9_options_pip_reads_but_drops_on_a_requirements_line() {
    let f = "https://download.pytorch.org/whl/torch_stable.html";
    assert_eq!(
        ignored(&format!("torch==2.5.1+cpu -f {f}")),
        [format!("-f {f}")]
    );
    assert_eq!(
        ignored("torch --index-url=https://download.pytorch.org/whl/cpu --pre"),
        ["--index-url=https://download.pytorch.org/whl/cpu", "--pre"]
    );
    assert!(ignored("torch==2.5.1+cpu --hash=sha256:abc -C k=v").is_empty());
    assert!(ignored("-e git+https://x/y.git#egg=y -C k=v").is_empty());
    assert_eq!(
        ignored("-e git+https://x/y.git#egg=y --hash=sha256:abc"),
        ["--hash=sha256:abc"]
    );
    // On a line of its own an option is the file's.
    assert_eq!(one("-f https://x/"), Entry::Options(vec!["find-links"]));
}

#[test]
fn issue9_file_options_and_their_values() {
    assert_eq!(file_option("-f"), Some(true));
    assert_eq!(file_option("-fhttps://x"), Some(false));
    assert_eq!(file_option("--index-url"), Some(true));
    assert_eq!(file_option("--index-url=https://x"), Some(false));
    assert_eq!(file_option("--only-binary=:all:"), Some(false));
    assert_eq!(file_option("--pre"), Some(false));
    assert_eq!(file_option("-U"), None);
    assert_eq!(file_option("--user"), None);
    assert_eq!(file_option("torch"), None);
}
