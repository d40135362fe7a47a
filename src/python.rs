//! Finding Python environments in a workspace and probing their interpreters (not implemented yet).

use std::path::Path;

/// The result of looking for the workspace's environment.
#[derive(Clone, Debug)]
pub enum EnvLookup {
    NotFound,
}

pub fn find_environment(_root: &Path) -> EnvLookup {
    EnvLookup::NotFound
}
