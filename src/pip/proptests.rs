//! Property tests of the pip parsers: arbitrary text and mutated real lines never panic,
//! always end, and keep the file's structure (one result per logical line, numbers rising).
//! A modest number of cases runs in the suite (proptest's default, 256); a longer run:
//! `scripts/fuzz-requirements.sh` (`PROPTEST_CASES=100000 cargo test --release --lib pip::proptests`).

use proptest::prelude::*;

use super::pep508::{parse_marker, parse_requirement};
use super::requirements_txt::{decode, parse};

/// Characters that matter to the grammar, so random text reaches deep into the parser.
const ALPHABET: &[char] = &[
    'a', 'Z', '0', '9', '.', '-', '_', '[', ']', '(', ')', ',', ';', '@', '#', '\\', '\'', '"',
    '=', '<', '>', '!', '~', '*', ' ', '\t', '\n', '\r', '+', '/', ':', '$', '{', '}', '&', '%',
    '한', 'ï', '\u{85}', '\u{2028}', '\x0b',
];

/// Real lines to mutate (from the corpus and issue 8).
const SEEDS: &[&str] = &[
    "torch==2.1.0  # 딥러닝",
    "numpy>=1.24,<2 ; python_version >= \"3.8\" and (platform_system == 'Linux')",
    "git+https://github.com/huggingface/accelerate@main#egg=accelerate",
    "https://x/bitsandbytes-0.41.1-py3-none-win_amd64.whl; platform_system == \"Windows\"",
    "-e git+https://github.com/edx/codejail.git@3.1.3#egg=codejail==3.1.3",
    "torch==2.1.0 \\\n  --hash=sha256:abc",
    "--extra-index-url https://download.pytorch.org/whl/cu118",
    "requests[security,socks] @ https://example.org/requests-2.0-py3-none-any.whl",
    "numpy. x",
];

fn grammar_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..200)
        .prop_map(|cs| cs.into_iter().collect())
}

/// A seed line with up to 8 random edits (insert, delete, replace, duplicate a span).
fn mutated() -> impl Strategy<Value = String> {
    crate::yaml::fuzz::mutated(SEEDS, ALPHABET, 8, 5)
}

fn structure_holds(text: &str) {
    let lines = parse(text);
    assert!(lines.windows(2).all(|w| w[0].number < w[1].number));
    // Every line separator Python's `splitlines` knows, `\r\n` counted twice: an upper bound.
    let separators = "\n\r\x0b\x0c\x1c\x1d\x1e\u{85}\u{2028}\u{2029}";
    let physical = text.chars().filter(|c| separators.contains(*c)).count() + 1;
    assert!(lines.last().is_none_or(|l| l.number as usize <= physical));
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        structure_holds(&text);
        let _ = parse_requirement(&text);
        let _ = parse_marker(&text);
    }

    #[test]
    fn grammar_characters_never_panic(text in grammar_text()) {
        structure_holds(&text);
        let _ = parse_requirement(&text);
        let _ = parse_marker(&text);
    }

    #[test]
    fn mutated_real_lines_never_panic(text in mutated()) {
        structure_holds(&text);
        let _ = parse_requirement(&text);
    }

    #[test]
    fn arbitrary_bytes_decode_or_name_a_line(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Ok(text) = decode(&bytes) {
            structure_holds(&text);
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed(depth in 0usize..3000) {
        let line = format!("x; {}os_name == 'nt'{}", "(".repeat(depth), ")".repeat(depth));
        let result = parse_requirement(&line);
        prop_assert_eq!(result.is_ok(), depth <= super::pep508::MAX_MARKER_DEPTH);
    }
}

/// Not a test: writes samples of the generators above to the file named by
/// `COURSE_PIP_SAMPLES` (`COURSE_PIP_SAMPLE_COUNT` of each, default 500, from the seed
/// `COURSE_PIP_SAMPLE_SEED`, default 9: the same text on every run), so that
/// `scripts/pip-compare.sh` can ask pip for its verdict on what the property tests feed our
/// parser. The committed `tests/data/requirements/proptest-samples.txt` is its default output.
#[test]
#[ignore = "run by scripts/pip-compare.sh"]
fn write_samples_for_pip() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let Some(path) = std::env::var_os("COURSE_PIP_SAMPLES") else {
        return;
    };
    let number = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(default)
    };
    let count = number("COURSE_PIP_SAMPLE_COUNT", 500);
    let seed = number("COURSE_PIP_SAMPLE_SEED", 9).to_le_bytes().repeat(4);
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &seed);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategies = [
        grammar_text().boxed(),
        mutated().boxed(),
        any::<String>().boxed(),
    ];
    let mut out = String::new();
    for strategy in strategies {
        for _ in 0..count {
            out.push_str(&strategy.new_tree(&mut runner).unwrap().current());
            out.push('\n');
        }
    }
    std::fs::write(path, out).unwrap();
}
