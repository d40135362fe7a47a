//! The `course` binary: everything lives in the library so benches and tests share it.
#![forbid(unsafe_code)]
use std::process::ExitCode;

fn main() -> ExitCode {
    course::main()
}
