//! Tests of the bounded reads and atomic writes of [`crate::fs`].

use super::*;

/// Gives at most `chunk` bytes per read, and counts the reads.
struct Chunks<'a>(&'a [u8], usize, usize);

impl Read for Chunks<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.2 += 1;
        let n = self.0.len().min(buf.len()).min(self.1);
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

#[test]
fn a_file_of_its_said_size_is_read_without_a_read_to_see_the_end() {
    let text = b"torch==2.2.0\n";
    let mut once = Chunks(text, usize::MAX, 0);
    assert_eq!(read_sized(&mut once, text.len() as u64).unwrap(), text);
    assert_eq!(once.2, 1);
    let mut short_reads = Chunks(text, 5, 0);
    assert_eq!(
        read_sized(&mut short_reads, text.len() as u64).unwrap(),
        text
    );
    // Said 0 bytes (as `/proc` files do), or fewer or more than it holds: read to the end.
    for said in [0, 3, 100] {
        let mut r = Chunks(text, 4, 0);
        assert_eq!(read_sized(&mut r, said).unwrap(), text, "said {said}");
    }
    assert!(read_sized(&mut Chunks(b"", 1, 0), 0).unwrap().is_empty());
}

#[test]
fn listed_exactly_compares_names_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(".GITIGNORE"), "x\n").unwrap();
    std::fs::write(dir.path().join("README.md"), "x\n").unwrap();
    let name = |n: &str| std::ffi::OsString::from(n);
    assert!(listed_exactly(dir.path(), &name("README.md"), 100));
    assert!(!listed_exactly(dir.path(), &name("readme.md"), 100));
    assert!(!listed_exactly(dir.path(), &name(".gitignore"), 100));
    // Past the bound, or where nothing can be listed, the file system decides.
    assert!(listed_exactly(dir.path(), &name(".gitignore"), 1));
    assert!(listed_exactly(&dir.path().join("gone"), &name("x"), 100));
}

#[test]
fn writing_to_a_pipe_writes_through_it_instead_of_replacing_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(&fifo).unwrap())
    };
    write_atomic(&fifo, b"grades\n").unwrap();
    assert_eq!(reader.join().unwrap(), b"grades\n");
    let kind = std::fs::metadata(&fifo).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the pipe was replaced"
    );
}

#[test]
fn writing_over_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_atomic(dir.path(), b"x").unwrap_err();
    assert!(err.to_string().contains("is a folder"), "{err}");
}

#[test]
fn devices_fifos_and_folders_are_refused_at_once() {
    assert_eq!(
        read_regular(Path::new("/dev/zero"), SMALL),
        Err(ReadError::NotRegular)
    );
    assert_eq!(
        read_regular(Path::new("/tmp"), SMALL),
        Err(ReadError::Folder)
    );
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::write(&big, vec![b'x'; 2048]).unwrap();
    assert_eq!(
        read_regular(&big, 1024),
        Err(ReadError::TooLarge {
            bytes: 2048,
            max: 1024
        })
    );
    assert_eq!(read_regular(&big, 4096).unwrap().len(), 2048);
    let link = dir.path().join("zero");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    assert_eq!(read_regular(&link, SMALL), Err(ReadError::NotRegular));
    assert!(!stays_inside(dir.path(), &link));
    assert!(stays_inside(dir.path(), &big));
    assert_eq!(
        read_regular(&dir.path().join("nothing"), SMALL),
        Err(ReadError::Missing)
    );
}

#[test]
fn a_fifo_is_refused_without_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("requirements.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here; the device case above covers the rule
    }
    assert_eq!(read_regular(&fifo, SMALL), Err(ReadError::NotRegular));
    assert_eq!(
        read_workspace_text(dir.path(), "requirements.txt"),
        Err(ReadError::NotRegular)
    );
}

#[test]
fn workspace_text_names_each_problem() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("ok.txt"), "numpy  # arrays\n").unwrap();
    assert_eq!(
        read_workspace_text(root, "ok.txt").unwrap(),
        "numpy  # arrays\n"
    );
    assert_eq!(read_workspace_text(root, "no.txt"), Err(ReadError::Missing));
    std::fs::create_dir(root.join("d")).unwrap();
    assert_eq!(read_workspace_text(root, "d"), Err(ReadError::Folder));
    std::fs::write(root.join("bad.txt"), b"a\nb\n\xff\n").unwrap();
    assert_eq!(
        read_workspace_text(root, "bad.txt"),
        Err(ReadError::NotUtf8 { line: 3 })
    );
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret"), "x").unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret"), root.join("link")).unwrap();
    assert_eq!(
        read_workspace_text(root, "link"),
        Err(ReadError::OutsideWorkspace)
    );
    std::os::unix::fs::symlink(root.join("gone"), root.join("dangling")).unwrap();
    assert_eq!(
        read_workspace_text(root, "dangling"),
        Err(ReadError::BrokenLink)
    );
    std::os::unix::fs::symlink("loop", root.join("loop")).unwrap();
    assert_eq!(
        read_workspace_text(root, "loop"),
        Err(ReadError::BrokenLink)
    );
    std::fs::write(
        root.join("big"),
        vec![b'x'; WORKSPACE_FILE_MAX as usize + 1],
    )
    .unwrap();
    assert!(matches!(
        read_workspace_text(root, "big"),
        Err(ReadError::TooLarge { .. })
    ));
}

#[test]
fn text_drops_the_bom() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("t");
    std::fs::write(&f, "\u{feff}name: vla\n").unwrap();
    assert_eq!(read_text(&f, SMALL).unwrap(), "name: vla\n");
}

#[test]
fn decodes_bom_and_utf16() {
    assert_eq!(decode(b"\xEF\xBB\xBFa").unwrap(), "a");
    assert_eq!(decode(&[0xFF, 0xFE, b'a', 0]).unwrap(), "a");
    assert_eq!(decode(&[0xFE, 0xFF, 0, b'a']).unwrap(), "a");
    assert_eq!(decode(b"a\n\xFF").unwrap_err(), 2);
}
