#!/usr/bin/env python3
"""Mutated requirement lines for the corpus: real lines (the corpus files and issue 8's
reproducers) with 1 to 3 random edits each, from a fixed seed, so that pip's verdicts on
them (scripts/pip-verdicts.py) test our parser on input no one wrote by hand.

    python3 scripts/fuzz-lines.py tests/data/requirements 2000 \
        > tests/data/requirements/fuzz-mutations.txt
"""

import glob
import os
import random
import sys

ALPHABET = list("aZ09.-_[](),;@#'\"=<>!~* \t+/:${}&%\\") + [
    "pkg", "==", ">=", "; ", " @ ", "#egg=", "git+https://", ".whl", "-e ", "--hash=sha256:",
    "python_version", "extra", " and ", " or ", "(", ")", ".*", "+local", "~=", " not in ",
    " in ", "-r ", "--index-url ", "'3.8'", "file:///", "[x]", " -C a=b", "platform_machine",
    "os.name",
]


def main():
    corpus, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(8)
    seeds = []
    for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        if os.path.basename(path).startswith("fuzz-"):
            continue
        with open(path, encoding="utf-8", errors="ignore") as f:
            lines = [l.rstrip("\n") for l in f if l.strip() and len(l) < 300]
        seeds += lines[:15]
    for _ in range(count):
        s = list(rng.choice(seeds))
        for _ in range(rng.randint(1, 3)):
            op, at = rng.randint(0, 2), rng.randint(0, len(s))
            if op == 0:
                s[at:at] = list(rng.choice(ALPHABET))
            elif op == 1 and at < len(s):
                del s[at : at + rng.randint(1, 3)]
            elif at < len(s):
                s[at] = rng.choice(ALPHABET)[0]
        # One logical line each: no line breaks, no joining backslash at the end.
        line = "".join(s).replace("\n", " ").replace("\r", " ").rstrip("\\")
        print(line.replace("\x00", ""))


if __name__ == "__main__":
    main()
