//! A long-running `course` (in practice `course watch`) read as it prints: a thread reads its
//! stdout in chunks and sends them on a channel, and the test waits for text to appear.
//!
//! A chunk ends wherever a read returned, which can be in the middle of a multi-byte character
//! (a Korean syllable is three bytes). Chunks are therefore decoded on whole characters: the
//! bytes of a character cut at the end of a chunk wait for the next one, so a Korean screen
//! never shows U+FFFD where the output had none.

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a test waits for text before failing: generous, only so that a broken watcher fails
/// the test instead of hanging it.
const LIMIT: Duration = Duration::from_secs(60);

/// A running `course` whose stdout arrives on a channel; killed when dropped.
pub struct Watch {
    child: Child,
    output: mpsc::Receiver<Vec<u8>>,
    /// Bytes of a character not yet complete at the end of the last chunk.
    pending: Vec<u8>,
    /// Decoded output not yet consumed by [`Watch::expect`].
    seen: String,
}

impl Watch {
    /// Spawn `cmd` with its stdout piped (stderr dropped).
    pub fn spawn(mut cmd: Command) -> Watch {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("course starts");
        let mut stdout = child.stdout.take().expect("stdout is piped");
        let (tx, output) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Watch {
            child,
            output,
            pending: Vec::new(),
            seen: String::new(),
        }
    }

    /// Add one chunk of output to what was seen.
    fn take(&mut self, chunk: &[u8]) {
        self.pending.extend_from_slice(chunk);
        self.seen.push_str(&decode_whole(&mut self.pending));
    }

    /// Wait until the output not yet consumed contains `text`; that output (left unconsumed).
    pub fn wait_for(&mut self, text: &str) -> &str {
        let limit = Instant::now() + LIMIT;
        while !self.seen.contains(text) {
            match self
                .output
                .recv_timeout(limit.saturating_duration_since(Instant::now()))
            {
                Ok(chunk) => self.take(&chunk),
                Err(_) => panic!("`{text}` never appeared; output was:\n{}", self.seen),
            }
        }
        &self.seen
    }

    /// Wait until the output (since the last call) contains `text`, and consume it up to the
    /// end of `text`.
    pub fn expect(&mut self, text: &str) {
        let at = self.wait_for(text).find(text).expect("waited for it") + text.len();
        self.seen.drain(..at);
    }

    /// Read what arrives until nothing has for `quiet` (or the generous limit has passed); the
    /// output not yet consumed.
    pub fn settle(&mut self, quiet: Duration) -> &str {
        let limit = Instant::now() + LIMIT;
        while Instant::now() < limit {
            match self.output.recv_timeout(quiet) {
                Ok(chunk) => self.take(&chunk),
                Err(_) => break,
            }
        }
        &self.seen
    }

    /// Read what arrives during the next `time`, however busy; the output not yet consumed.
    pub fn gather(&mut self, time: Duration) -> &str {
        let until = Instant::now() + time;
        loop {
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(&chunk),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
                // The program ended: nothing more will come, but the time still passes (a
                // test asks what happened in that time).
                Err(mpsc::RecvTimeoutError::Disconnected) => std::thread::sleep(left),
            }
        }
        &self.seen
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Decode the complete characters at the front of `bytes`, leaving in it the start of a
/// character cut off at its end. Bytes that can never be UTF-8 become U+FFFD, as in
/// `String::from_utf8_lossy`.
pub fn decode_whole(bytes: &mut Vec<u8>) -> String {
    let mut out = String::new();
    let mut rest: &[u8] = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                rest = &[];
                break;
            }
            Err(e) => {
                let (good, after) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).expect("checked valid"));
                match e.error_len() {
                    Some(bad) => {
                        out.push(char::REPLACEMENT_CHARACTER);
                        rest = &after[bad..];
                    }
                    // A character begun but not finished: wait for the next chunk.
                    None => {
                        rest = after;
                        break;
                    }
                }
            }
        }
    }
    let keep = rest.len();
    bytes.drain(..bytes.len() - keep);
    out
}

#[test]
fn korean_cut_at_every_byte_decodes_whole() {
    let text = "가상환경을 만드는 일은 중요합니다 (venv) 🐍";
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        let mut pending = Vec::new();
        let mut decoded = String::new();
        for chunk in [&bytes[..cut], &bytes[cut..]] {
            pending.extend_from_slice(chunk);
            decoded.push_str(&decode_whole(&mut pending));
        }
        assert_eq!(decoded, text, "cut after byte {cut}");
        assert!(pending.is_empty());
    }
}

#[test]
fn bytes_that_are_never_utf8_still_show_as_replacement() {
    let mut pending = b"a\xffb\xe0".to_vec();
    assert_eq!(decode_whole(&mut pending), "a\u{fffd}b");
    assert_eq!(pending, b"\xe0");
}
