//! Reading files `course` does not control (a submission's, a learner's) without hanging.
//!
//! A `.gitignore` that is a link to `/dev/zero`, an `environment.yml` that is a FIFO, or a
//! 10 GB file named `requirements.txt` must not stall a check or a batch of 1,000 grades:
//! only regular files are read, and only up to a size limit. Files `course` writes (its
//! state, reports) are written atomically.

use std::io::{self, Read, Write};

use anyhow::Context;
use std::path::Path;

mod near;
mod root;
pub use near::{near, NearMiss, Step, Want};
pub use root::{Kind, Root};

/// Small text files: configuration, answers, state.
pub const SMALL: u64 = 1024 * 1024;

/// The one size limit for a workspace file a check reads (requirements.txt, a README, a
/// config file, an answer file): all are written by hand and a few KiB long.
pub const WORKSPACE_FILE_MAX: u64 = SMALL;

/// Why a file was not read. Checks turn each into one finding (`file/missing`, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing there.
    Missing,
    /// A symbolic link that leads nowhere: to nothing, or round in a loop (`a -> b -> a`).
    BrokenLink,
    /// A folder.
    Folder,
    /// A FIFO, a device or a socket: never opened for reading, which could block or not end.
    NotRegular,
    /// A link (or a path under a linked folder) that leads out of the workspace.
    OutsideWorkspace,
    /// Larger than `max` bytes.
    TooLarge { bytes: u64, max: u64 },
    /// Not UTF-8 (nor UTF-16 with a byte-order mark); `line` (1-based) holds the first
    /// invalid byte.
    NotUtf8 { line: u32 },
    /// The file exists but reading it failed (permissions, I/O).
    Io(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Missing => f.write_str("no such file"),
            ReadError::BrokenLink => f.write_str("a link that leads nowhere"),
            ReadError::Folder => f.write_str("a folder, not a file"),
            ReadError::NotRegular => f.write_str("not a regular file"),
            ReadError::OutsideWorkspace => f.write_str("a link that leads out of the workspace"),
            ReadError::TooLarge { bytes, max } => write!(
                f,
                "{} KiB, more than the {} KiB read at most",
                bytes / 1024,
                max / 1024
            ),
            ReadError::NotUtf8 { line, .. } => write!(f, "not UTF-8 text (line {line})"),
            ReadError::Io(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for ReadError {}

impl ReadError {
    /// What went wrong, in every language (the `Display` text is the English one).
    pub fn tr(&self) -> crate::i18n::Tr {
        use crate::tr;
        match self {
            ReadError::Missing => tr!("no such file", "없는 파일입니다"),
            ReadError::BrokenLink => {
                tr!("a link that leads nowhere", "가리키는 곳이 없는 링크입니다")
            }
            ReadError::Folder => tr!("a folder, not a file", "파일이 아니라 폴더입니다"),
            ReadError::NotRegular => tr!(
                "not a regular file",
                "일반 파일이 아닙니다 (파이프, 장치, 소켓)"
            ),
            ReadError::OutsideWorkspace => tr!(
                "a link that leads out of the workspace",
                "작업 폴더 밖으로 나가는 링크입니다"
            ),
            ReadError::TooLarge { bytes, max } => {
                let (kib, max) = (bytes / 1024, max / 1024);
                tr!(
                    "{kib} KiB, more than the {max} KiB read at most",
                    "{kib} KiB로, 읽을 수 있는 최대 {max} KiB보다 큽니다"
                )
            }
            ReadError::NotUtf8 { line } => tr!(
                "not UTF-8 text (line {line})",
                "UTF-8 텍스트가 아닙니다 ({line}번째 줄)"
            ),
            ReadError::Io(e) => tr!("{e}", "{e}"),
        }
    }
}

fn io_error(e: io::Error) -> ReadError {
    match e.kind() {
        io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Io(e.to_string()),
    }
}

/// `path`'s metadata (links followed), or why there is none: a link to nothing or a loop of
/// links is [`ReadError::BrokenLink`] rather than missing, so the fix can say to remove it.
pub fn metadata(path: &Path) -> Result<std::fs::Metadata, ReadError> {
    std::fs::metadata(path).map_err(|e| {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            ReadError::BrokenLink
        } else {
            io_error(e)
        }
    })
}

/// Does `dir` list an entry named exactly `name`, byte for byte? On a file system that
/// ignores case `dir/README.md` opens `readme.md`; git, Linux and grading tell them apart,
/// so where names must match exactly the listing is asked. At most `max_names` entries are
/// read; past them (or when `dir` cannot be listed) the answer is `true`, the file system's
/// own lookup then decides.
pub fn listed_exactly(dir: &Path, name: &std::ffi::OsStr, max_names: usize) -> bool {
    let Ok(read) = std::fs::read_dir(dir) else {
        return true;
    };
    let mut seen = 0;
    for entry in read.filter_map(Result::ok) {
        if entry.file_name() == name {
            return true;
        }
        seen += 1;
        if seen >= max_names {
            return true;
        }
    }
    false
}

/// Read `path` if it is a regular file (after following links) of at most `max` bytes.
/// Anything else is an error that says why, so callers can report it. A FIFO or device is
/// never opened for reading in a way that blocks: the kind of file is checked before it is
/// opened, it is opened without blocking, and checked again on the open handle (it could be
/// swapped in between).
pub fn read_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = metadata(path)?;
    read_regular_with(path, &meta, max)
}

/// [`read_regular`] when the caller already has `path`'s metadata (links followed).
pub fn read_regular_with(
    path: &Path,
    meta: &std::fs::Metadata,
    max: u64,
) -> Result<Vec<u8>, ReadError> {
    regular(meta, max)?;
    read_known_regular(path, max)
}

/// Read `path` once its kind was found to be a regular file (by a `stat`, or a folder
/// listing): opened without blocking, and its kind and size checked on the open handle.
pub fn read_known_regular(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_nonblocking(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    regular(&meta, max)?;
    // `take` as well: a file can grow between the size check and the read.
    let bytes = read_sized(file.take(max.saturating_add(1)), meta.len()).map_err(io_error)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// Everything `file` holds, `size` bytes as its metadata says. `read_to_end` reads once
/// more to see the end after `size` bytes; here a read that gives fewer bytes than asked for
/// and ends exactly at `size` is the end (a regular file gives less only at its end), one
/// system call fewer per file. A file of another size than said (`/proc`'s report 0) is
/// read to its end as before.
fn read_sized(mut file: impl Read, size: u64) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0; usize::try_from(size).unwrap_or(0).saturating_add(1)];
    let mut filled = 0;
    while filled < bytes.len() {
        match file.read(&mut bytes[filled..]) {
            Ok(0) => {
                bytes.truncate(filled);
                return Ok(bytes);
            }
            Ok(n) => {
                filled += n;
                if filled as u64 == size {
                    bytes.truncate(filled);
                    return Ok(bytes);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    // Larger than said: it grew since.
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn regular(meta: &std::fs::Metadata, max: u64) -> Result<(), ReadError> {
    if meta.is_dir() {
        Err(ReadError::Folder)
    } else if !meta.is_file() {
        Err(ReadError::NotRegular)
    } else if meta.len() > max {
        Err(ReadError::TooLarge {
            bytes: meta.len(),
            max,
        })
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// [`read_regular`] as text: UTF-8 (a byte-order mark is dropped), or UTF-16 or UTF-32 with
/// a byte-order mark (as pip reads files, and as Windows tools may save them); see [`decode`].
pub fn read_text(path: &Path, max: u64) -> Result<String, ReadError> {
    decode(&read_regular(path, max)?).map_err(|line| ReadError::NotUtf8 { line })
}

/// Decode a file as pip does: a BOM says UTF-8, UTF-16 or UTF-32 (Windows PowerShell writes
/// UTF-16); without one, UTF-8. On failure, the 1-based line of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, u32> {
    let units = |b: &[u8], n: usize, le: bool| -> Vec<u32> {
        b.chunks_exact(n)
            .map(|c| {
                let mut v = 0u32;
                for (i, byte) in c.iter().enumerate() {
                    let shift = if le { i } else { n - 1 - i };
                    v |= (*byte as u32) << (8 * shift);
                }
                v
            })
            .collect()
    };
    let utf16 = |b: &[u8], le: bool| {
        let u: Vec<u16> = units(b, 2, le).into_iter().map(|v| v as u16).collect();
        String::from_utf16(&u).map_err(|_| 1u32)
    };
    let utf32 = |b: &[u8], le: bool| {
        units(b, 4, le)
            .into_iter()
            .map(char::from_u32)
            .collect::<Option<String>>()
            .ok_or(1u32)
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => utf8(rest),
        [0x00, 0x00, 0xFE, 0xFF, rest @ ..] => utf32(rest, false),
        [0xFF, 0xFE, 0x00, 0x00, rest @ ..] => utf32(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, u32> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            Err(bytes[..at].iter().filter(|&&b| b == b'\n').count() as u32 + 1)
        }
    }
}

/// The text of the workspace file `rel` (relative to `root`): a regular file inside the
/// workspace of at most [`WORKSPACE_FILE_MAX`] bytes of UTF-8. The one way checks read a file
/// of the workspace, so every kind says the same about the same problem. Checks read through
/// a [`Root`] kept for the whole workspace ([`Root::read_text`]), which resolves `root` once.
pub fn read_workspace_text(root: &Path, rel: &str) -> Result<String, ReadError> {
    Root::new(root).read_text(rel)
}

/// Is `path` (after following links) inside `root`? Checks must not read through a link
/// that leads out of the workspace. For many questions about one folder, see [`Root::contains`].
pub fn stays_inside(root: &Path, path: &Path) -> bool {
    Root::new(root).contains(path)
}

/// The current folder, or an error that says what to do (it was deleted under the shell).
pub fn current_dir() -> anyhow::Result<std::path::PathBuf> {
    std::env::current_dir().with_context(|| {
        crate::exit::said(crate::tr!(
            "cannot read the current folder; `cd` into a folder that exists and run this again",
            "현재 폴더를 읽을 수 없습니다. 있는 폴더로 `cd` 한 뒤 다시 실행하십시오"
        ))
    })
}

/// Write `bytes` to `path` through a temporary file in the same folder and a rename.
///
/// A target that exists and is not a regular file (`--output /dev/stdout`, `/dev/null`, a
/// pipe) is written to directly: renaming over it would replace the device itself (as root,
/// `/dev/null` became a regular file and every program that reads it broke).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use crate::exit::said;
    use crate::tr;
    let (p, dir) = (path.display(), path.parent().unwrap_or(Path::new(".")));
    let d = dir.display();
    let cannot_write = || said(tr!("cannot write {p}", "{p}에 쓸 수 없습니다"));
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            return Err(crate::exit::usage_tr(tr!(
                "cannot write {p}: it is a folder; name a file",
                "{p}에 쓸 수 없습니다: 폴더입니다. 파일 이름을 주십시오"
            )));
        }
        if !meta.is_file() {
            let mut out = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| said(tr!("cannot open {p}", "{p}을(를) 열 수 없습니다")))?;
            return out.write_all(bytes).with_context(cannot_write);
        }
    }
    std::fs::create_dir_all(dir)
        .with_context(|| said(tr!("cannot create {d}", "{d}을(를) 만들 수 없습니다")))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| said(tr!("cannot write in {d}", "{d}에 쓸 수 없습니다")))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(cannot_write)?;
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
        .with_context(|| said(tr!("cannot replace {p}", "{p}을(를) 바꿔 쓸 수 없습니다")))?;
    Ok(())
}

#[cfg(test)]
mod tests;
