//! `course watch`: the real binary re-checks when the learner saves a file, with OS file
//! events and with `--poll`.

use crate::support;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::{course, tempdir, write};

fn mini() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini-course")
}

/// `course watch` running in `ws`, its stdout arriving on a channel.
struct Watch {
    child: Child,
    output: mpsc::Receiver<String>,
    seen: String,
}

impl Watch {
    fn start(ws: &Path, extra: &[&str]) -> Watch {
        Watch::start_with(
            ws,
            &[&["--course", mini().to_str().unwrap()], extra].concat(),
        )
    }

    fn start_with(ws: &Path, args: &[&str]) -> Watch {
        let (course_args, extra) = match args.first() {
            Some(&"--course") => args.split_at(2),
            _ => args.split_at(0),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_course"))
            .args(course_args)
            // Wide enough that no phrase the tests wait for is wrapped (the layout at 60 to
            // 140 columns is tested in `wrap`).
            .args(["--lang", "en", "--width", "400", "watch"])
            .args(extra)
            .current_dir(ws)
            .env_remove("COURSE_WATCH_POLL")
            .env_remove("COLUMNS")
            .env_remove("CLICOLOR_FORCE")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0
                    || tx
                        .send(String::from_utf8_lossy(&buf[..n]).into_owned())
                        .is_err()
                {
                    break;
                }
            }
        });
        Watch {
            child,
            output,
            seen: String::new(),
        }
    }

    /// Wait until the output (since the last call) contains `text`; a generous limit only
    /// so that a broken watcher fails the test instead of hanging it.
    fn expect(&mut self, text: &str) {
        let limit = std::time::Instant::now() + Duration::from_secs(60);
        while !self.seen.contains(text) {
            let left = limit.saturating_duration_since(std::time::Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.seen.push_str(&chunk),
                Err(_) => panic!("`{text}` never appeared; output was:\n{}", self.seen),
            }
        }
        let at = self.seen.find(text).unwrap() + text.len();
        self.seen.drain(..at);
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn watch_through_both_exercises(extra: &[&str], mode_line: &str) {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    let mut w = Watch::start(ws.path(), extra);
    w.expect("0/2 exercises pass");
    w.expect("First exercise");
    w.expect(mode_line);
    write(ws.path(), "done.txt", "");
    w.expect("1/2 exercises pass");
    w.expect("Second exercise");
    write(ws.path(), "second.txt", "");
    w.expect("2/2 exercises pass");
    w.expect("Every exercise passes");
}

#[test]
fn file_events_recheck_on_save() {
    watch_through_both_exercises(&[], "save a file to check again");
}

#[test]
fn polling_rechecks_too_and_says_so() {
    watch_through_both_exercises(&["--poll"], "looking every 0.5 s");
}

#[test]
fn reading_files_to_check_them_does_not_count_as_a_change() {
    // The real course reads README.md, src/, configs/, .gitignore, git: none of that reading
    // may wake the watcher, or it would check forever.
    let ws = tempdir();
    support::build_project(ws.path());
    course().arg("init").arg(ws.path()).assert().success();
    let mut w = Watch::start_with(ws.path(), &[]);
    w.expect("4/5 exercises pass");
    w.expect("Ctrl-C to stop");
    std::thread::sleep(Duration::from_secs(3));
    while let Ok(chunk) = w.output.try_recv() {
        w.seen.push_str(&chunk);
    }
    assert!(
        !w.seen.contains("exercises pass"),
        "redrew without a change:\n{}",
        w.seen
    );
    write(ws.path(), "requirements.txt", "torch\n");
    w.expect("3/5 exercises pass");
}

#[test]
fn watch_needs_a_workspace() {
    let dir = tempdir();
    course()
        .current_dir(dir.path())
        .args(["--lang", "en", "watch"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("course init"));
}

#[test]
fn issue9_watch_shows_the_exercise_next_is_on_not_one_put_aside() {
    let ws = tempdir();
    course().arg("init").arg(ws.path()).assert().success();
    course()
        .current_dir(ws.path())
        .arg("--course")
        .arg(mini())
        .args(["skip", "first"])
        .assert()
        .success();
    let mut w = Watch::start(ws.path(), &[]);
    w.expect("0/2 exercises pass");
    // The rest of the first screen, up to its last line.
    let mut screen = w.seen.clone();
    while !screen.contains("Ctrl-C to stop") {
        screen.push_str(&w.output.recv_timeout(Duration::from_secs(60)).unwrap());
    }
    assert!(screen.contains("Second exercise"), "{screen}");
    assert!(!screen.contains("First exercise"), "{screen}");
}
