//! pip's view of Python packaging text, for the checks: PEP 508 requirements and PEP 440
//! specifiers ([`pep508`], [`version`]), what a requirement line installs ([`link`], with
//! URLs as Python splits them in `url`), and a whole `requirements.txt` ([`requirements_txt`],
//! its options in `options`), each parsed as pip 26 (26.3, checked December 2026) parses it.
//!
//! Our own parser rather than `pep508_rs`: 0.9.2 (its last release) panics on `numpy. x`
//! and `torch.*`, overflows the stack on deeply nested markers and is quadratic on long
//! extras lists, and it is stricter or looser than pip on bare URLs and `#egg=`. These
//! modules are pure (no I/O), bounded (marker depth [`pep508::MAX_MARKER_DEPTH`]) and linear in
//! their input; `tests/data/requirements/pip-verdicts.jsonl` holds pip's own verdicts on a
//! corpus of real files, PyTorch's install lines and samples of the property tests'
//! generators, which they are tested against (`scripts/pip-compare.sh` compares afresh).

pub mod link;
mod options;
pub mod pep508;
pub mod requirements_txt;
mod url;
pub mod version;

#[cfg(test)]
mod proptests;
