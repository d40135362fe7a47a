#!/bin/sh
# Compare our requirements.txt parser (src/pip/) with today's pip, line by line: pip's own
# parser (scripts/pip-verdicts.py) judges every logical line, and the integration test
# `corpus_lines_get_the_verdicts_of_the_pip_on_this_machine` compares our verdict (accepted
# or refused, project name, extras, specifier, marker) with pip's and lists every line where
# they differ. Run by hand, not by CI.
#
# It needs the network once: the first run makes a venv at $PIP_VENV (default
# /tmp/course-pip26) and installs the newest pip 26 from PyPI into it. Nothing is resolved
# or downloaded for the lines themselves (pip's parser runs offline, in an empty folder).
#
#   scripts/pip-compare.sh                # the corpus, then 5,000 fresh samples per generator
#   scripts/pip-compare.sh 20000 7        # 20,000 samples per generator, seed 7
#   scripts/pip-compare.sh --record       # rewrite the committed proptest-samples.txt (500
#                                         # per generator, seed 9) and pip-verdicts.jsonl
#
# Samples come from the property tests' generators (src/pip/proptests.rs:
# grammar characters, mutated real lines, arbitrary text), written by its ignored test
# `write_samples_for_pip`.
set -eu
cd "$(dirname "$0")/.."
venv="${PIP_VENV:-/tmp/course-pip26}"
if ! "$venv/bin/python" -c 'import pip, sys; sys.exit(int(pip.__version__.split(".")[0]) < 26)' 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade 'pip>=26'
fi
python="$venv/bin/python"
echo "pip $("$python" -c 'import pip; print(pip.__version__)')" >&2
corpus=tests/data/requirements

samples() { # count seed file
    COURSE_PIP_SAMPLES="$3" COURSE_PIP_SAMPLE_COUNT="$1" COURSE_PIP_SAMPLE_SEED="$2" \
        cargo test --quiet --lib pip::proptests::write_samples_for_pip -- --ignored >/dev/null
}

if [ "${1:-}" = "--record" ]; then
    samples 500 9 "$PWD/$corpus/proptest-samples.txt"
    "$python" scripts/pip-verdicts.py "$corpus" > "$corpus/pip-verdicts.jsonl"
    wc -l "$corpus/pip-verdicts.jsonl" >&2
    exit 0
fi

live() { # corpus folder
    COURSE_TEST_PIP_PYTHON="$python" COURSE_TEST_PIP_CORPUS="$1" \
        cargo test --quiet --test integration \
        requirements_corpus::corpus_lines_get_the_verdicts_of_the_pip_on_this_machine \
        -- --nocapture 2>&1 | grep -E 'lines (agree|differ)|^\(|^test result' || true
}

echo "== the corpus ($corpus)" >&2
live "$PWD/$corpus"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
samples "${1:-5000}" "${2:-1}" "$work/samples.txt"
printf 'samples.txt\tgenerated\t-\t-\n' > "$work/SOURCES"
echo "== ${1:-5000} samples per generator, seed ${2:-1}" >&2
live "$work"
