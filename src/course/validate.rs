//! Author checks for a course folder (not implemented yet).
