#!/usr/bin/env python3
"""A case-insensitive, case-preserving view of a folder, as macOS (APFS default) and Windows
(NTFS) file systems behave: `open("readme.md")` opens `README.md`, a listing shows names as
they were created. For trying `course` by hand where Linux has no such file system (this
kernel has no CONFIG_UNICODE for ext4 casefold and no vfat).

Needs fusepy and libfuse2 (`pip install fusepy`, `apt-get install libfuse2`), and /dev/fuse.

    python3 scripts/cifs.py BACKING MOUNTPOINT     # runs in the foreground; Ctrl-C or
    fusermount -u MOUNTPOINT                        # unmounts
"""

import errno
import os
import sys

from fuse import FUSE, FuseOSError, Operations


class CaseInsensitive(Operations):
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def _real(self, path, create=False):
        """The backing path for `path`, each part matched ignoring case when the exact name
        is absent. With `create`, the last part may be new (kept as given)."""
        real = self.root
        parts = [p for p in path.split("/") if p]
        for i, part in enumerate(parts):
            exact = os.path.join(real, part)
            if os.path.lexists(exact):
                real = exact
                continue
            try:
                match = next(
                    (n for n in os.listdir(real) if n.casefold() == part.casefold()), None
                )
            except OSError:
                match = None
            if match is None:
                if create and i == len(parts) - 1:
                    return exact
                return exact  # absent: the caller's call fails with ENOENT
            real = os.path.join(real, match)
        return real

    # Metadata
    def getattr(self, path, fh=None):
        st = os.lstat(self._real(path))
        return {
            k: getattr(st, k)
            for k in (
                "st_atime", "st_ctime", "st_gid", "st_ino", "st_mode", "st_mtime", "st_nlink",
                "st_size", "st_uid",
            )
        }

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._real(path))

    def readlink(self, path):
        return os.readlink(self._real(path))

    def access(self, path, mode):
        if not os.access(self._real(path), mode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path, mode):
        os.chmod(self._real(path), mode)

    def utimens(self, path, times=None):
        os.utime(self._real(path), times)

    def statfs(self, path):
        st = os.statvfs(self._real(path))
        return {k: getattr(st, k) for k in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files",
            "f_flag", "f_frsize", "f_namemax")}

    # Names
    def mkdir(self, path, mode):
        os.mkdir(self._real(path, create=True), mode)

    def rmdir(self, path):
        os.rmdir(self._real(path))

    def unlink(self, path):
        os.unlink(self._real(path))

    def symlink(self, target, source):
        os.symlink(source, self._real(target, create=True))

    def rename(self, old, new):
        # The new last name is taken as given, whatever case the old one had: a
        # case-preserving file system renames `readme.md` to `README.md`. Any other entry of
        # that name in another case is replaced, as rename(2) replaces.
        parent, name = os.path.split(new)
        target = os.path.join(self._real(parent), name)
        source = self._real(old)
        clash = self._real(new)
        if clash != target and os.path.lexists(clash) and not os.path.samefile(clash, source):
            os.unlink(clash)
        os.rename(source, target)

    def link(self, target, source):
        os.link(self._real(source), self._real(target, create=True))

    # Contents
    def open(self, path, flags):
        return os.open(self._real(path), flags)

    def create(self, path, mode, fi=None):
        return os.open(self._real(path, create=True), os.O_WRONLY | os.O_CREAT, mode)

    def read(self, path, length, offset, fh):
        os.lseek(fh, offset, os.SEEK_SET)
        return os.read(fh, length)

    def write(self, path, buf, offset, fh):
        os.lseek(fh, offset, os.SEEK_SET)
        return os.write(fh, buf)

    def truncate(self, path, length, fh=None):
        with open(self._real(path), "r+b") as f:
            f.truncate(length)

    def flush(self, path, fh):
        return os.fsync(fh)

    def release(self, path, fh):
        return os.close(fh)

    def fsync(self, path, fdatasync, fh):
        return os.fsync(fh)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    # use_ino: one entry has one inode under every spelling, as on APFS and NTFS (course asks
    # "is `WS` the same entry as `ws`?" by inode).
    FUSE(CaseInsensitive(sys.argv[1]), sys.argv[2], foreground=True, nothreads=True, use_ino=True)
