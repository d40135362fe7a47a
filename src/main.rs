//! The `course` binary: everything lives in the library so benches and tests share it.
use std::process::ExitCode;

fn main() -> ExitCode {
    course::main()
}
