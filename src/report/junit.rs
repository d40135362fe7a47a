//! `--format junit` (not implemented yet).
