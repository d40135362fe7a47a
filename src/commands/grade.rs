//! `course grade` (not implemented yet).
use anyhow::Result;

use crate::app::App;
use crate::cli::GradeArgs;
use crate::exit::Code;

pub fn run(_app: &mut App, _args: &GradeArgs) -> Result<Code> {
    Err(crate::exit::usage("course grade is not implemented yet"))
}
