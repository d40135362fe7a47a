//! `course ci init` (not implemented yet).
use anyhow::Result;

use crate::cli::{CiInitArgs, GlobalArgs};
use crate::exit::Code;

pub fn run(_global: &GlobalArgs, _args: &CiInitArgs) -> Result<Code> {
    Err(crate::exit::usage("course ci init is not implemented yet"))
}
