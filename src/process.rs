//! Running subprocesses with a timeout (minimal version; replaced by the full one).

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

pub fn run_with_timeout(mut cmd: Command, timeout: Duration) -> std::io::Result<Output> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    match child.wait_timeout(timeout)? {
        Some(_) => child.wait_with_output(),
        None => {
            let _ = child.kill();
            let _ = child.wait();
            Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "timed out",
            ))
        }
    }
}
