//! The `course` binary: everything lives in the library so benches and tests share it.
#![forbid(unsafe_code)]
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a batch grade allocates and frees small strings by the
/// thousand per submission (paths, messages, YAML values), and glibc's free was about a fifth
/// of the instructions of `course grade --batch`. The `system-allocator` feature leaves it
/// out, so that valgrind sees every allocation (`scripts/memcheck-release.sh`).
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    course::main()
}
