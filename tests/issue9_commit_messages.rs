//! Issue 9, commit messages (second audit): the mash finding's fix `git commit --amend -m
//! "변경 내용 설명"` passed when pasted literally, `1차` failed and `jkjk` passed. Each trick
//! fails with its code, honest short messages pass in both languages (fixtures of the built-in
//! course), and the fix a learner pastes as it is says what the commit changed and passes,
//! while the old placeholder fails as a placeholder.

use crate::common::{as_learner, exercise_findings, failing, fixture_workspace};
use crate::tricks::{fails_with, passes};

#[test]
fn issue9_home_row_mash_and_placeholders_fail_rounds_and_updates_pass() {
    for lang in ["en", "ko"] {
        fails_with(
            "git-workflow",
            &format!("git-workflow/fixtures/fail/home-row-mash-{lang}"),
            "history/message-not-text",
        );
        fails_with(
            "git-workflow",
            &format!("git-workflow/fixtures/fail/placeholder-message-{lang}"),
            "history/message-placeholder",
        );
    }
    passes(
        "git-workflow",
        "git-workflow/fixtures/pass/short-messages-rounds-ko",
    );
    passes(
        "git-workflow",
        "git-workflow/fixtures/pass/short-messages-update-en",
    );
}

/// The failing findings (code, message, hint) of the exercise's `git-history` check on `ws`.
pub fn history_findings(ws: &std::path::Path, lang: &str) -> Vec<(String, String, String)> {
    let checks = "  - kind: git-history\n    added_then_modified: .py\n";
    let (_, findings) = exercise_findings(ws, checks, lang);
    failing(&findings)
}

/// Run one line of a fix as the learner would paste it, in `ws`.
fn paste(ws: &std::path::Path, line: &str) {
    let out = as_learner(std::process::Command::new("sh").args(["-c", line]), ws)
        .output()
        .unwrap();
    assert!(out.status.success(), "{line}: {out:?}");
}

/// The mash fixture (`asdf` adds README.md, hello.py, .gitignore; `zxcv` edits hello.py):
/// one rebase fix for both, naming what each commit changed. A history whose HEAD alone is
/// mash gets the amend fix, which pasted literally passes; the placeholder the fix used to
/// suggest, pasted, fails as a placeholder with the same fix.
#[test]
fn issue9_the_mash_fix_pasted_literally_passes_and_the_old_placeholder_fails() {
    for (lang, head_fix, examples, placeholder) in [
        (
            "en",
            "git commit --amend -m \"Update hello.py\"",
            "`Add README.md and 2 more`, `Update hello.py`",
            "git commit --amend -m \"describe the change\"",
        ),
        (
            "ko",
            "git commit --amend -m \"hello.py 수정\"",
            "`README.md 외 2개 추가`, `hello.py 수정`",
            "git commit --amend -m \"변경 내용 설명\"",
        ),
    ] {
        let ws = fixture_workspace("git-workflow/fixtures/fail/mash-messages-en");
        let found = history_findings(ws.path(), lang);
        assert_eq!(found.len(), 2, "{lang}: {found:#?}");
        let root = found.iter().find(|f| f.1.contains("`asdf`")).unwrap();
        assert!(
            root.2.contains(examples) || root.2.contains(&examples.replace(", ", ",\n")),
            "{lang}: {root:#?}"
        );
        assert!(root.2.contains("git rebase -i --root"), "{lang}: {root:#?}");

        let ws = crate::common::tempdir();
        let dir = ws.path();
        crate::common::git_init(dir);
        crate::common::write(dir, "hello.py", "print('hello')\n");
        crate::common::git(dir, &["add", "hello.py"]);
        crate::common::git(dir, &["commit", "-q", "-m", "Add hello.py"]);
        crate::common::write(dir, "hello.py", "print('hello, VLA')\n");
        crate::common::git(dir, &["commit", "-q", "-am", "zxcv"]);
        let found = history_findings(dir, lang);
        assert_eq!(found.len(), 1, "{lang}: {found:#?}");
        let head = &found[0];
        let pasted = head
            .2
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with("git commit --amend"))
            .unwrap_or_else(|| panic!("{lang}: no command in {head:#?}"));
        assert_eq!(pasted, head_fix, "{lang}");

        paste(dir, pasted);
        let after = history_findings(dir, lang);
        assert!(after.is_empty(), "{lang}: {after:#?}");

        paste(dir, placeholder);
        let again = history_findings(dir, lang);
        let code = |c: &str| again.iter().filter(|f| f.0 == c).count();
        assert_eq!(code("history/message-placeholder"), 1, "{lang}: {again:#?}");
        let ph = again
            .iter()
            .find(|f| f.0 == "history/message-placeholder")
            .unwrap();
        assert!(ph.2.contains(head_fix), "{lang}: {ph:#?}");
    }
}
