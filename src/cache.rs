//! Results of slow probes (importing torch can take seconds) kept in `.course/cache/` and
//! reused while the files they depend on are unchanged.
//!
//! Only passing results are stored, so a cache can never hide a problem: at worst it makes
//! a check repeat work. The `state` of an entry is a hash of the size and modification time
//! of every file the result depends on; any change makes the entry stale.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// 64-bit FNV-1a: stable across builds (unlike `DefaultHasher`), enough for cache keys.
pub fn fnv(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Size and modification time of files, folded into one hash.
#[derive(Default)]
pub struct Stamps(String);

impl Stamps {
    /// Add `path` (a missing file counts as its own state).
    pub fn add(&mut self, path: &Path) {
        let line = match std::fs::metadata(path) {
            Ok(m) => {
                let mtime = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{} {} {}\n", path.display(), m.len(), mtime)
            }
            Err(_) => format!("{} -\n", path.display()),
        };
        self.0.push_str(&line);
    }

    /// Add text that is part of the state (e.g. another hash).
    pub fn add_text(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
    }

    pub fn finish(&self) -> String {
        format!("{:016x}", fnv(self.0.as_bytes()))
    }
}

#[derive(Serialize, Deserialize)]
struct Entry<T> {
    key: String,
    state: String,
    value: T,
}

fn file(dir: &Path, kind: &str, key: &str) -> std::path::PathBuf {
    dir.join(format!("{kind}-{:016x}.json", fnv(key.as_bytes())))
}

/// The value stored for (`kind`, `key`) if it was stored in the same `state`.
pub fn load<T: DeserializeOwned>(dir: &Path, kind: &str, key: &str, state: &str) -> Option<T> {
    let text = crate::fs::read_text(&file(dir, kind, key), crate::fs::SMALL).ok()?;
    let entry: Entry<T> = serde_json::from_str(&text).ok()?;
    (entry.key == key && entry.state == state).then_some(entry.value)
}

/// Store a passing result. A cache that cannot be written only costs time next run.
pub fn store<T: Serialize>(dir: &Path, kind: &str, key: &str, state: &str, value: &T) {
    let entry = Entry {
        key: key.to_string(),
        state: state.to_string(),
        value,
    };
    if let Ok(json) = serde_json::to_vec_pretty(&entry) {
        let _ = crate::fs::write_atomic(&file(dir, kind, key), &json);
    }
}
