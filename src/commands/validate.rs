//! `course validate` (not implemented yet).
use anyhow::Result;

use crate::cli::{GlobalArgs, ValidateArgs};
use crate::exit::Code;

pub fn run(_global: &GlobalArgs, _args: &ValidateArgs) -> Result<Code> {
    Err(crate::exit::usage("course validate is not implemented yet"))
}
