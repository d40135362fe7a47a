//! The `course` binary: everything lives in the library so benches and tests share it.
#![forbid(unsafe_code)]
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a batch grade allocates and frees small strings by the
/// thousand per submission (paths, messages, YAML values), and glibc's free was about a fifth
/// of the instructions of `course grade --batch`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    course::main()
}
