//! The sizes of HEAD's blobs, read only where one could be over the limit.
//!
//! Reading a loose object's header opens its file, reads it and sets up an inflater: five
//! system calls and about 15k instructions for each distinct blob of HEAD. The size of the
//! object's file alone bounds its content: deflate spends at least 2 bits on its longest
//! match (258 bytes), so a loose object file of `n` bytes inflates to at most 1,032·n
//! bytes. A blob whose file is that small is within the limit after one `stat`. Anything
//! else (a packed object, a file too large for the bound, something that is not a file) has
//! its header read as before; after one blob that is not loose, the others are not looked
//! for as loose files (a clone keeps its objects packed).

use std::collections::HashMap;
use std::path::PathBuf;

use git2::{ObjectType, Odb, Oid};

/// The most bytes deflate can produce from one byte of its stream.
const MAX_DEFLATE_RATIO: u64 = 1032;

pub(super) struct Sizes<'r> {
    odb: Odb<'r>,
    /// The repository's `objects` folder.
    objects: PathBuf,
    /// The limit in bytes.
    limit: u64,
    /// Still looking for loose object files.
    loose: bool,
    known: HashMap<Oid, Option<usize>>,
}

impl<'r> Sizes<'r> {
    /// The empty blob (every empty `__init__.py`) is known without looking.
    pub fn new(odb: Odb<'r>, objects: PathBuf, limit: u64) -> Sizes<'r> {
        let empty = Oid::hash_object(ObjectType::Blob, &[]).unwrap_or(Oid::ZERO_SHA1);
        Sizes {
            odb,
            objects,
            limit,
            loose: true,
            known: HashMap::from([(empty, Some(0))]),
        }
    }

    /// The size of blob `id` when it may be over the limit; `None` when it surely is not,
    /// or when it cannot be read. Each distinct blob is looked at once.
    pub fn get(&mut self, id: Oid) -> Option<usize> {
        if let Some(known) = self.known.get(&id) {
            return *known;
        }
        let size = if self.surely_within(id) {
            None
        } else {
            self.odb.read_header(id).ok().map(|(size, _)| size)
        };
        self.known.insert(id, size);
        size
    }

    fn surely_within(&mut self, id: Oid) -> bool {
        if !self.loose {
            return false;
        }
        let hex = id.to_string();
        let file = self.objects.join(&hex[..2]).join(&hex[2..]);
        match std::fs::metadata(file) {
            Ok(m) => m.is_file() && m.len().saturating_mul(MAX_DEFLATE_RATIO) <= self.limit,
            Err(_) => {
                self.loose = false;
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob(repo: &git2::Repository, bytes: &[u8]) -> Oid {
        repo.blob(bytes).unwrap()
    }

    #[test]
    fn only_blobs_that_may_be_over_the_limit_have_their_size_read() {
        let dir = tempfile::tempdir().unwrap();
        let repo = git2::Repository::init(dir.path()).unwrap();
        let small = blob(&repo, b"print('hello')\n");
        // 100,000 zeros deflate to a few hundred bytes, still too many to rule out 50,000.
        let zeros = blob(&repo, &[0; 100_000]);
        // Incompressible bytes: the object file is about as large as the blob.
        let mut x: u64 = 1;
        let noise: Vec<u8> = (0..60_000)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 56) as u8
            })
            .collect();
        let noisy = blob(&repo, &noise);
        let objects = repo.path().join("objects");
        let mut sizes = Sizes::new(repo.odb().unwrap(), objects.clone(), 50_000);
        assert_eq!(sizes.get(small), None);
        assert_eq!(sizes.get(zeros), Some(100_000));
        assert_eq!(sizes.get(noisy), Some(60_000));
        // Under a 100 MB limit the same object file is small enough to rule it out.
        let mut sizes = Sizes::new(repo.odb().unwrap(), objects.clone(), 100_000_000);
        assert_eq!(sizes.get(zeros), None);
        // An object that is not a loose file (as in a packed clone) has its header read.
        let mut sizes = Sizes::new(repo.odb().unwrap(), dir.path().join("nowhere"), 50_000);
        assert_eq!(sizes.get(small), Some(15));
        assert!(!sizes.loose);
    }
}
