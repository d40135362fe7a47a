#!/bin/sh
# A long property-test run of the requirements and PEP 508 parsers (src/pip/proptests.rs):
# arbitrary text, grammar-heavy text, mutated real lines, arbitrary bytes, deep nesting.
# The test suite runs 256 cases of each; this runs many more, optimised.
#   scripts/fuzz-requirements.sh            # 100,000 cases per property
#   scripts/fuzz-requirements.sh 1000000    # more
set -eu
cd "$(dirname "$0")/.."
PROPTEST_CASES="${1:-100000}" exec cargo test --release --lib pip::proptests
