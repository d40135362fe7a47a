//! `course grade --batch ... --report class.html|class.md` (issue 11): the class report,
//! written by the real binary over a class of real folders and git repositories, and loaded
//! in a real headless Chromium: no console errors (the page's Content-Security-Policy turns
//! any fetch into one), both charts in the DOM, a screenshot in light and dark mode.
//!
//! The browser test needs `chromium` (Debian's package; `.ci/run` installs it) or
//! `COURSE_TEST_CHROMIUM`; without one it says so on stderr and checks the file only.
use std::path::{Path, PathBuf};

use crate::common::{course, git, git_init, ok, tempdir, write};

const GOOD: &str = "torch==2.10.0  # model definition and training\nnumpy>=1.26  # arrays\n\
pillow>=9.0  # camera images\npyyaml>=6.0  # config files\ntqdm>=4.0  # progress bars\n";

/// 12 submissions: some pass the requirements, some are git repositories, one hostile name,
/// one a file (could not be graded).
fn class(root: &Path) -> PathBuf {
    let dir = root.join("class");
    for i in 0..10 {
        let ws = dir.join(format!("student-{i:02}"));
        let req = if i % 2 == 0 { GOOD } else { "numpy\ntorch\n" };
        write(&ws, "requirements.txt", req);
        if i % 3 == 0 {
            write(&ws, "src/__init__.py", "");
            git_init(&ws);
            git(&ws, &["add", "."]);
            git(&ws, &["commit", "-qm", "start"]);
        }
    }
    write(&dir, "<img src=x onerror=alert(1)>/requirements.txt", GOOD);
    write(&dir, "not-a-folder", "a file\n");
    dir
}

fn grade_with_report(dir: &Path, report: &Path, lang: &str) -> String {
    let out = course()
        .args(["--lang", lang, "grade", "--batch"])
        .arg(dir)
        .arg("--report")
        .arg(report)
        .args(["--output", "/dev/null"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    // 3: one submission is a file.
    assert_eq!(out.status.code(), Some(3), "{err}");
    err
}

#[test]
fn issue11_class_report_html_and_markdown() {
    let tmp = tempdir();
    let dir = class(tmp.path());
    let page_path = tmp.path().join("class.html");
    let err = grade_with_report(&dir, &page_path, "en");
    assert!(err.contains("wrote the class report to"), "{err}");
    let page = std::fs::read_to_string(&page_path).unwrap();
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!page.contains("<img"), "a student's name became a tag");
    assert_eq!(page.matches("<svg").count(), 2);
    assert!(page.contains("requirements/no-comment"), "findings by code");
    assert!(page.contains("submission/not-a-folder"));
    // Markdown for the job summary, in Korean.
    let md_path = tmp.path().join("class.md");
    grade_with_report(&dir, &md_path, "ko");
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.starts_with("## 반 보고서: `python-ecosystem`"), "{md}");
    assert!(md.contains("`requirements/no-comment`"));
    assert!(md.contains("\\<img src=x onerror=alert(1)\\>"), "{md}");
    // Another extension is a usage error before anything is graded.
    let out = course()
        .args(["grade", "--batch"])
        .arg(&dir)
        .args(["--report", "class.pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".html"));
    assert!(!Path::new("class.pdf").exists());
}

/// The Chromium to test with, if there is one.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("COURSE_TEST_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

/// Run headless Chromium on `page` with `extra` flags; its stdout and its console messages
/// (the `CONSOLE` lines of its log: errors, CSP violations, `console.*`).
fn headless(browser: &Path, page: &Path, profile: &Path, extra: &[&str]) -> (String, Vec<String>) {
    let out = ok(assert_cmd::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .timeout(std::time::Duration::from_secs(90))
        .output()
        .unwrap());
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    (String::from_utf8_lossy(&out.stdout).into_owned(), console)
}

#[test]
fn issue11_class_report_loads_in_headless_chromium() {
    let Some(browser) = chromium() else {
        eprintln!(
            "skipped: no chromium on PATH (apt-get install chromium, or set COURSE_TEST_CHROMIUM)"
        );
        return;
    };
    let tmp = tempdir();
    let dir = class(tmp.path());
    let page = tmp.path().join("class.html");
    grade_with_report(&dir, &page, "en");
    // The check can fail: a page that fetches an image and runs a script logs both.
    let control = write(
        tmp.path(),
        "control.html",
        &std::fs::read_to_string(&page).unwrap().replace(
            "</main>",
            "<img src=\"https://example.invalid/x.png\"></main>",
        ),
    );
    let (_, console) = headless(&browser, &control, &tmp.path().join("p0"), &["--dump-dom"]);
    assert!(
        !console.is_empty(),
        "the control page's fetch was not logged"
    );

    let (dom, console) = headless(&browser, &page, &tmp.path().join("p1"), &["--dump-dom"]);
    assert_eq!(console, Vec::<String>::new(), "console messages");
    assert_eq!(dom.matches("<svg").count(), 2, "{dom}");
    assert!(dom.contains("class=\"bar\"") && dom.contains("class=\"pass\""));
    // Printed: the print stylesheet lays it out on paper without an error.
    let pdf = tmp.path().join("class.pdf");
    let (_, console) = headless(
        &browser,
        &page,
        &tmp.path().join("p-print"),
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    assert_eq!(console, Vec::<String>::new(), "print");
    let pdf = std::fs::read(&pdf).unwrap();
    assert!(
        pdf.starts_with(b"%PDF") && pdf.len() > 10_000,
        "{} bytes",
        pdf.len()
    );
    for (name, flags) in [("light", &[][..]), ("dark", &["--force-dark-mode"][..])] {
        let shot = tmp.path().join(format!("{name}.png"));
        let mut args = vec![
            format!("--screenshot={}", shot.display()),
            "--window-size=1000,1400".into(),
        ];
        args.extend(flags.iter().map(|f| f.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (_, console) = headless(
            &browser,
            &page,
            &tmp.path().join(format!("p-{name}")),
            &args,
        );
        assert_eq!(console, Vec::<String>::new(), "{name}");
        let png = std::fs::read(&shot).unwrap();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{name}: {} bytes",
            png.len()
        );
        if let Some(keep) = std::env::var_os("COURSE_TEST_KEEP_SCREENSHOTS") {
            std::fs::copy(
                &shot,
                Path::new(&keep).join(format!("class-report-{name}.png")),
            )
            .unwrap();
        }
    }
}
