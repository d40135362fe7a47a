//! Reading files `course` does not control (a submission's, a learner's) without hanging.
//!
//! A `.gitignore` that is a link to `/dev/zero`, an `environment.yml` that is a FIFO, or a
//! 10 GB file named `requirements.txt` must not stall a check or a batch of 1,000 grades:
//! only regular files are read, and only up to a size limit.

use std::io::{self, Read};
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
