//! Ctrl-C during a slow check stops the interpreter `course` started (which runs in a process
//! group of its own, out of the terminal's reach) instead of leaving it running.
#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{one_exercise_course, tempdir, write};

fn alive(pid: &str) -> bool {
    Command::new("kill")
        .args(["-0", pid])
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .success()
}

/// The test interpreter's sleep: 600 s and a fraction unique to this run (other runs of
/// the suite share the machine).
fn sleep_len() -> String {
    format!("600.{}", std::process::id())
}

/// The pid of the process running `sleep 600.<pid>`, if any.
fn sleeping() -> Option<String> {
    let wanted = format!("sleep\0{}\0", sleep_len());
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
        (cmdline == wanted.as_bytes()).then(|| e.file_name().to_string_lossy().into_owned())
    })
}

#[test]
fn interrupting_a_check_stops_its_interpreter() {
    let (c, ws) = (tempdir(), tempdir());
    one_exercise_course(
        c.path(),
        "  - kind: python-env\n    modules: [torch]\n    timeout_secs: 600\n",
    );
    // The sandbox lets the interpreter write nothing the test could read, so it is found by
    // its command line: a sleep of an unusual length.
    write(ws.path(), ".venv/pyvenv.cfg", "home = /usr/bin\n");
    let python = write(
        ws.path(),
        ".venv/bin/python",
        &format!("#!/bin/sh\nexec sleep {}\n", sleep_len()),
    );
    std::fs::set_permissions(&python, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();

    let mut course = Command::new(env!("CARGO_BIN_EXE_course"))
        .arg("--course")
        .arg(c.path())
        .args(["check", "--workspace"])
        .arg(ws.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait (bounded) for the interpreter to start.
    let limit = Instant::now() + Duration::from_secs(60);
    let pid = loop {
        if let Some(pid) = sleeping() {
            break pid;
        }
        assert!(Instant::now() < limit, "the interpreter never started");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(alive(&pid));
    Command::new("kill")
        .args(["-INT", &course.id().to_string()])
        .status()
        .unwrap();
    let status = course.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(130),
        "interrupted, as shells report Ctrl-C"
    );
    let limit = Instant::now() + Duration::from_secs(30);
    while alive(&pid) {
        assert!(
            Instant::now() < limit,
            "the interpreter {pid} outlived course"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
