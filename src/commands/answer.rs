//! `course answer EXERCISE` (not implemented yet).
use anyhow::Result;

use crate::app::App;
use crate::cli::AnswerArgs;
use crate::exit::Code;

pub fn run(_app: &mut App, _args: &AnswerArgs) -> Result<Code> {
    Err(crate::exit::usage("course answer is not implemented yet"))
}
