//! `--format github` (not implemented yet).
