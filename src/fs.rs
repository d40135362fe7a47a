//! Reading files `course` does not control (a submission's, a learner's) without hanging.
//!
//! A `.gitignore` that is a link to `/dev/zero`, an `environment.yml` that is a FIFO, or a
//! 10 GB file named `requirements.txt` must not stall a check or a batch of 1,000 grades:
//! only regular files are read, and only up to a size limit. Files `course` writes (its
//! state, reports) are written atomically.

use std::io::{self, Read, Write};

use anyhow::Context;
use std::path::Path;

/// Small text files: configuration, answers, state.
pub const SMALL: u64 = 1024 * 1024;

/// Read `path` if it is a regular file (after following links) of at most `max` bytes.
/// Anything else is an error that says why, so callers can report it.
pub fn read_regular(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    if meta.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} KiB, more than the {} KiB read at most",
                meta.len() / 1024,
                max / 1024
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` as well: a file can grow between the size check and the read.
    std::fs::File::open(path)?
        .take(max)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// [`read_regular`] as UTF-8 text (a byte-order mark is dropped).
pub fn read_text(path: &Path, max: u64) -> io::Result<String> {
    let bytes = read_regular(path, max)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8 text"))?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Is `path` (after following links) inside `root`? Checks must not read through a link
/// that leads out of the workspace.
pub fn stays_inside(root: &Path, path: &Path) -> bool {
    match (root.canonicalize(), path.canonicalize()) {
        (Ok(root), Ok(path)) => path.starts_with(root),
        _ => false,
    }
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    // A temporary file is private (0600); the file it becomes should read like any other:
    // the permissions of the file it replaces, else rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode));
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_folders_are_refused_at_once() {
        assert!(read_regular(Path::new("/dev/zero"), SMALL).is_err());
        assert!(read_regular(Path::new("/tmp"), SMALL).is_err());
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'x'; 2048]).unwrap();
        assert!(read_regular(&big, 1024).is_err());
        assert_eq!(read_regular(&big, 4096).unwrap().len(), 2048);
        let link = dir.path().join("zero");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert!(read_regular(&link, SMALL).is_err());
        assert!(!stays_inside(dir.path(), &link));
        assert!(stays_inside(dir.path(), &big));
    }

    #[test]
    fn text_drops_the_bom() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("t");
        std::fs::write(&f, "\u{feff}name: vla\n").unwrap();
        assert_eq!(read_text(&f, SMALL).unwrap(), "name: vla\n");
    }
}
