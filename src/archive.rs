//! Unpacking a submission archive (`.zip`, `.tar`, `.tar.gz`/`.tgz`, as LMS exports hold
//! them) into a private folder, refusing what could harm the grader.
//!
//! Every entry's path is checked before anything is written: an absolute path, a `..`
//! component or a drive prefix is refused (zip-slip), as is a link whose target leads out of
//! the folder or that another entry would be written through. Links are made last, after
//! every file, so no file is ever written through one. Limits bound what an archive can
//! cost: total bytes, bytes per file, number of entries, path depth, and the compression
//! ratio (a bomb of compressed zeros is stopped after [`Limits::ratio_floor`] bytes). Sizes
//! are counted as bytes are written, never taken from headers, which can lie. Every refusal
//! is a [`Refusal`]: a stable code and the reason.

use std::cell::Cell;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use crate::i18n::Tr;
use crate::tr;

/// What an archive may cost when unpacked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub total_bytes: u64,
    pub file_bytes: u64,
    pub entries: u64,
    pub depth: usize,
    /// Unpacked bytes per compressed byte, checked once `ratio_floor` bytes are out.
    pub ratio: u64,
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            total_bytes: 512 << 20,
            file_bytes: 100 << 20,
            entries: 10_000,
            depth: 32,
            ratio: 100,
            ratio_floor: 16 << 20,
        }
    }
}

pub const UNREADABLE: &str = "archive/unreadable";
pub const PATH_ESCAPES: &str = "archive/path-escapes";
pub const LINK_ESCAPES: &str = "archive/link-escapes";
pub const TOO_LARGE: &str = "archive/too-large";
pub const FILE_TOO_LARGE: &str = "archive/file-too-large";
pub const TOO_MANY_ENTRIES: &str = "archive/too-many-entries";
pub const TOO_DEEP: &str = "archive/too-deep";
pub const BOMB: &str = "archive/bomb";
pub const UNSUPPORTED_ENTRY: &str = "archive/unsupported-entry";

/// Why an archive was not unpacked.
#[derive(Clone, Debug)]
pub struct Refusal {
    pub code: &'static str,
    pub why: Tr,
}

fn refuse(code: &'static str, why: Tr) -> Refusal {
    Refusal { code, why }
}

/// The archive formats read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Zip,
    Tar,
    TarGz,
}

/// The kind of archive a file name says, and the name without its extension.
pub fn kind_of(name: &str) -> Option<(Kind, &str)> {
    let lower = name.to_ascii_lowercase();
    for (ext, kind) in [
        (".tar.gz", Kind::TarGz),
        (".tgz", Kind::TarGz),
        (".tar", Kind::Tar),
        (".zip", Kind::Zip),
    ] {
        if lower.ends_with(ext) && name.len() > ext.len() {
            return Some((kind, &name[..name.len() - ext.len()]));
        }
    }
    None
}

/// Unpack `archive` into the (empty, private) folder `dest`.
pub fn unpack(archive: &Path, kind: Kind, dest: &Path, limits: Limits) -> Result<(), Refusal> {
    let file = File::open(archive).map_err(|e| unreadable(&e))?;
    let read_in = Rc::new(Cell::new(0u64));
    let mut out = Unpacker {
        dest,
        limits,
        entries: 0,
        total: 0,
        read_in: Rc::clone(&read_in),
        links: Vec::new(),
    };
    match kind {
        Kind::Zip => unpack_zip(Counting(file, read_in), &mut out)?,
        Kind::Tar => unpack_tar(Counting(file, read_in), &mut out)?,
        Kind::TarGz => {
            let gz = flate2::read::MultiGzDecoder::new(Counting(file, read_in));
            unpack_tar(gz, &mut out)?
        }
    }
    out.make_links()
}

fn unreadable(e: &dyn std::fmt::Display) -> Refusal {
    refuse(
        UNREADABLE,
        tr!(
            "the archive cannot be read ({e}); is it complete?",
            "압축 파일을 읽을 수 없습니다 ({e}). 파일이 온전합니까?"
        ),
    )
}

/// A reader that counts the bytes read from the archive file (for the ratio).
struct Counting<R>(R, Rc<Cell<u64>>);

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.read(buf)?;
        self.1.set(self.1.get() + n as u64);
        Ok(n)
    }
}

impl<R: std::io::Seek> std::io::Seek for Counting<R> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.0.seek(pos)
    }
}

fn unpack_zip(file: Counting<File>, out: &mut Unpacker) -> Result<(), Refusal> {
    let mut zip = zip::ZipArchive::new(file).map_err(|e| unreadable(&e))?;
    out.count_entries(zip.len() as u64)?;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let Some(rel) = out.entry_path(&name)? else {
            continue;
        };
        if entry.is_dir() {
            out.dir(&rel)?;
        } else if entry.is_symlink() {
            let mut target = String::new();
            (&mut entry)
                .take(4096)
                .read_to_string(&mut target)
                .map_err(|e| unreadable(&e))?;
            out.links.push((rel, target));
        } else {
            out.file(&rel, &mut entry)?;
        }
    }
    Ok(())
}

fn unpack_tar(reader: impl Read, out: &mut Unpacker) -> Result<(), Refusal> {
    let mut tar = tar::Archive::new(reader);
    let entries = tar.entries().map_err(|e| unreadable(&e))?;
    for entry in entries {
        let mut entry = entry.map_err(|e| unreadable(&e))?;
        out.count_entries(out.entries + 1)?;
        let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        let Some(rel) = out.entry_path(&name)? else {
            continue;
        };
        let kind = entry.header().entry_type();
        let link = entry
            .link_name_bytes()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        match kind {
            tar::EntryType::Directory => out.dir(&rel)?,
            tar::EntryType::Regular | tar::EntryType::Continuous => out.file(&rel, &mut entry)?,
            tar::EntryType::Symlink => out.links.push((rel, link)),
            tar::EntryType::Link => out.hard_link(&rel, &link)?,
            other => {
                let what = format!("{other:?}");
                return Err(refuse(
                    UNSUPPORTED_ENTRY,
                    tr!(
                        "`{name}` is a {what} entry, not a file, folder or link",
                        "`{name}`은(는) 파일, 폴더, 링크가 아닌 {what} 항목입니다"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The folder being filled, and what it has cost so far.
struct Unpacker<'a> {
    dest: &'a Path,
    limits: Limits,
    entries: u64,
    total: u64,
    read_in: Rc<Cell<u64>>,
    /// Symbolic links (path, target), made after every file.
    links: Vec<(PathBuf, String)>,
}

impl Unpacker<'_> {
    fn count_entries(&mut self, n: u64) -> Result<(), Refusal> {
        self.entries = n;
        let max = self.limits.entries;
        if n > max {
            return Err(refuse(
                TOO_MANY_ENTRIES,
                tr!(
                    "more than {max} files and folders",
                    "파일과 폴더가 {max}개보다 많습니다"
                ),
            ));
        }
        Ok(())
    }

    /// The entry's path relative to the folder, checked; `None` for what is skipped
    /// (`__MACOSX/` resource forks, the archive's root).
    fn entry_path(&self, name: &str) -> Result<Option<PathBuf>, Refusal> {
        let rel = safe_relative(name).ok_or_else(|| {
            let name = crate::escape::visible(name);
            refuse(
                PATH_ESCAPES,
                tr!(
                    "the entry `{name}` leads out of the folder it is unpacked into (an absolute path or `..`): refused",
                    "항목 `{name}`은(는) 풀어 놓을 폴더 밖을 가리킵니다 (절대 경로나 `..`). 거부했습니다"
                ),
            )
        })?;
        let depth = rel.components().count();
        if depth == 0 || rel.starts_with("__MACOSX") {
            return Ok(None);
        }
        let max = self.limits.depth;
        if depth > max {
            return Err(refuse(
                TOO_DEEP,
                tr!(
                    "a path is {depth} folders deep, more than {max}",
                    "경로가 {depth}단계 깊이로, {max}단계보다 깊습니다"
                ),
            ));
        }
        Ok(Some(rel))
    }

    fn dir(&self, rel: &Path) -> Result<(), Refusal> {
        std::fs::create_dir_all(self.dest.join(rel)).map_err(|e| unreadable(&e))
    }

    /// Write a file, counting its bytes against the limits as they come.
    fn file(&mut self, rel: &Path, content: &mut dyn Read) -> Result<(), Refusal> {
        let path = self.dest.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| unreadable(&e))?;
        }
        // A later entry of the same name replaces the earlier one, as tar does.
        if path.is_file() {
            let _ = std::fs::remove_file(&path);
        }
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| unreadable(&e))?;
        let mut written = 0u64;
        let mut buf = vec![0u8; 64 << 10];
        loop {
            let n = content.read(&mut buf).map_err(|e| unreadable(&e))?;
            if n == 0 {
                return Ok(());
            }
            written += n as u64;
            self.total += n as u64;
            self.check_size(rel, written)?;
            file.write_all(&buf[..n]).map_err(|e| unreadable(&e))?;
        }
    }

    fn check_size(&self, rel: &Path, written: u64) -> Result<(), Refusal> {
        let l = &self.limits;
        let mib = |b: u64| b >> 20;
        if written > l.file_bytes {
            let (shown, max) = (rel.display().to_string(), mib(l.file_bytes));
            return Err(refuse(
                FILE_TOO_LARGE,
                tr!(
                    "`{shown}` unpacks to more than {max} MiB",
                    "`{shown}`의 압축을 풀면 {max} MiB를 넘습니다"
                ),
            ));
        }
        if self.total > l.total_bytes {
            let max = mib(l.total_bytes);
            return Err(refuse(
                TOO_LARGE,
                tr!(
                    "the archive unpacks to more than {max} MiB (raise --unpack-max-mb if that is honest)",
                    "압축을 풀면 {max} MiB를 넘습니다 (정상이라면 --unpack-max-mb를 늘리십시오)"
                ),
            ));
        }
        let read = self.read_in.get().max(1);
        if self.total > l.ratio_floor && self.total / read > l.ratio {
            let (ratio, max) = (self.total / read, l.ratio);
            return Err(refuse(
                BOMB,
                tr!(
                    "a decompression bomb: {ratio} bytes out for each byte in (at most {max} are read)",
                    "압축 폭탄입니다: 1바이트가 {ratio}바이트로 풀립니다 (최대 {max}배까지 읽습니다)"
                ),
            ));
        }
        Ok(())
    }

    /// A tar hard link: a copy of a file already unpacked (never a link to anything else).
    fn hard_link(&mut self, rel: &Path, target: &str) -> Result<(), Refusal> {
        let source = safe_relative(target)
            .map(|t| self.dest.join(t))
            .filter(|t| t.is_file() && !t.is_symlink())
            .ok_or_else(|| link_out(rel, target))?;
        let mut content = File::open(&source).map_err(|e| unreadable(&e))?;
        self.file(rel, &mut content)
    }

    /// Make the symbolic links, each only if it stays inside and nothing was written where
    /// it is (or under it).
    fn make_links(&mut self) -> Result<(), Refusal> {
        for (rel, target) in std::mem::take(&mut self.links) {
            let path = self.dest.join(&rel);
            if !link_stays_inside(&rel, &target) || path.symlink_metadata().is_ok() {
                return Err(link_out(&rel, &target));
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|e| unreadable(&e))?;
            }
            #[cfg(unix)]
            std::os::unix::fs::symlink(&target, &path).map_err(|e| unreadable(&e))?;
        }
        Ok(())
    }
}

fn link_out(rel: &Path, target: &str) -> Refusal {
    let (shown, target) = (rel.display().to_string(), crate::escape::visible(target));
    refuse(
        LINK_ESCAPES,
        tr!(
            "the link `{shown}` -> `{target}` leads out of the folder (or another entry is written through it): refused",
            "링크 `{shown}` -> `{target}`은(는) 폴더 밖을 가리킵니다 (또는 다른 항목이 그 링크를 거쳐 쓰입니다). 거부했습니다"
        ),
    )
}

/// `name` as a relative path with normal components only (`.` dropped), or `None` when it
/// is absolute, has a drive or `..`. A `\` counts as a separator (zip files from Windows).
fn safe_relative(name: &str) -> Option<PathBuf> {
    let name = name.replace('\\', "/");
    if name.starts_with('/') || name.as_bytes().get(1) == Some(&b':') {
        return None;
    }
    let mut out = PathBuf::new();
    for c in Path::new(&name).components() {
        match c {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(out)
}

/// A link target stays inside when it is relative, made of `..` first and names after
/// (`../b/c`, never `a/../..`: a name could itself be a link), and climbs no higher than
/// the folder holding the link.
fn link_stays_inside(rel: &Path, target: &str) -> bool {
    if target.is_empty() || target.starts_with('/') || target.contains('\\') {
        return false;
    }
    let parts: Vec<&str> = target
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let ups = parts.iter().take_while(|p| **p == "..").count();
    let climbs_ok = ups < rel.components().count();
    climbs_ok && parts[ups..].iter().all(|p| *p != "..")
}

#[cfg(test)]
mod tests;
