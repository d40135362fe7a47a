//! What counts as work in a history (issue 8's rule that "modified" means the content changed,
//! carried on): a modification must change what the file says. (A message must be words:
//! [`super::message`].)
//!
//! A change of blank lines only, or of spaces at line ends (`echo >> hello.py`, an editor that
//! strips trailing spaces), leaves every line of the file saying what it said: it does not
//! count. Indentation does count: in Python it is meaning (moving `print(i)` into the loop).

use std::path::Path;

use git2::{Blob, Commit, Repository, Tree};

/// The lines of a file as compared: spaces at line ends dropped, blank lines left out,
/// indentation kept.
fn saying(bytes: &[u8]) -> Vec<&[u8]> {
    bytes
        .split(|&b| b == b'\n')
        .map(|line| {
            let end = line
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(0, |i| i + 1);
            &line[..end]
        })
        .filter(|line| !line.is_empty())
        .collect()
}

fn blob_at<'r>(repo: &'r Repository, tree: &Tree<'_>, path: &str) -> Option<Blob<'r>> {
    let entry = tree.get_path(Path::new(path)).ok()?;
    entry.to_object(repo).ok()?.into_blob().ok()
}

/// Did `commit` change `path` (repo-relative) against its first parent only in blank lines
/// or spaces at line ends?
pub(super) fn only_blank_changes(
    repo: &Repository,
    commit: &Commit<'_>,
    path: &str,
) -> Result<bool, git2::Error> {
    if commit.parent_count() == 0 {
        return Ok(false);
    }
    let new = blob_at(repo, &commit.tree()?, path);
    let old = blob_at(repo, &commit.parent(0)?.tree()?, path);
    Ok(match (old, new) {
        (Some(old), Some(new)) => saying(old.content()) == saying(new.content()),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_and_trailing_spaces_say_nothing_new() {
        assert_eq!(saying(b"x = 1\n"), saying(b"x = 1\n\n"));
        assert_eq!(saying(b"x = 1\n"), saying(b"x = 1   \r\n"));
        assert_eq!(saying(b"x = 1"), saying(b"\nx = 1\n"));
    }

    #[test]
    fn indentation_and_words_are_changes() {
        assert_ne!(
            saying(b"for i in r:\n    pass\nprint(i)\n"),
            saying(b"for i in r:\n    pass\n    print(i)\n")
        );
        assert_ne!(saying(b"x = 1\n"), saying(b"x = 2\n"));
        assert_ne!(saying(b""), saying(b"# TODO\n"));
    }
}
