//! Check kind `gitignore` (not implemented yet).

use serde::Deserialize;

use super::{CheckContext, Finding};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {}

pub fn run(_params: &Params, _ctx: &CheckContext) -> Vec<Finding> {
    vec![Finding::skip(crate::tr!(
        "not checked yet",
        "아직 확인하지 않음"
    ))]
}
