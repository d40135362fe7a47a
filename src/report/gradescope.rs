//! `--format gradescope` (not implemented yet).
