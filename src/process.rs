//! Running subprocesses with a timeout (not implemented yet).
