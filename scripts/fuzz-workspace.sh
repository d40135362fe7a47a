#!/bin/sh
# A long property-test run of the parsers a workspace or a course feeds (issue 8): answer
# files, config YAML, exercise files, .gitignore (src/course/proptests.rs) and Markdown
# (src/render/proptests.rs). The suite runs 256 cases of each (32 for .gitignore, which
# makes a git repository per case); this runs many more, optimised.
#   scripts/fuzz-workspace.sh           # 20,000 cases per property
#   scripts/fuzz-workspace.sh 200000    # more
set -eu
cd "$(dirname "$0")/.."
PROPTEST_CASES="${1:-20000}" exec cargo test --release --lib -- course::proptests render::proptests
