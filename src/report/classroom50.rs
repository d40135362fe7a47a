//! `--format classroom50` (not implemented yet).
