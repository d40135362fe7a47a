#!/usr/bin/env python3
"""pip's own verdict on every logical line of the requirements corpus.

Usage (with pip >= 26 in the interpreter that runs it):

    python3 -m venv /tmp/pip26 && /tmp/pip26/bin/pip install 'pip==26.*'
    /tmp/pip26/bin/python scripts/pip-verdicts.py tests/data/requirements \
        > tests/data/requirements/pip-verdicts.jsonl

Every file named in `SOURCES` is read as pip reads a requirements file (its decoding, line
joining, comment stripping and `${VAR}` expansion: `preprocess`), and each logical line is
judged on its own by pip's line parser and `install_req_from_parsed_requirement`, the code
`pip install -r` runs. One JSON object per line:

    {"file", "line", "text", "ok", "kind", "name", "error", "fs"}

`kind` is `requirement`, `editable` or `option` (`-r`/`-c` included, not followed); `name` is
pip's canonical project name where pip knows it without building anything; `error` is the
first line of pip's message; `fs` is true where pip's verdict depends on files that exist
(a local path), so only the classification can be compared. Lines are judged in an empty
temporary directory with the `${VAR}` variables the corpus mentions unset, so the result does
not depend on the machine. The tests in `tests/check_requirements.rs` read this file, and
run this script live when a pip >= 26 is available.
"""

import contextlib
import io
import json
import os
import re
import sys
import tempfile

import pip
from pip._internal.req.req_file import (
    ENV_VAR_RE,
    ParsedLine,
    _decode_req_file,
    get_line_parser,
    handle_requirement_line,
    preprocess,
)
from pip._internal.req.constructors import install_req_from_parsed_requirement
from pip._vendor.packaging.utils import canonicalize_name
from pip._internal.vcs import is_url


def looks_like_path(text):
    """A local path (pip's `_looks_like_path`, and no `scheme://`, no `name @`): pip's verdict
    then depends on whether the folder exists."""
    text = text.split(";", 1)[0].strip()
    if "://" in text or text.lower().startswith("file:") or "@" in text.split("/", 1)[0]:
        return False
    return "/" in text or "\\" in text or text.startswith(".")


def verdict(parse_line, filename, lineno, line):
    out = {"ok": True, "kind": None, "name": None, "error": None, "fs": False}
    out["kind"] = "option" if line.startswith("-") else "requirement"
    if line.startswith(("-e", "--editable", "--e")):
        out["kind"] = "editable"
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            args, opts = parse_line(line)
        parsed = ParsedLine(filename, lineno, args, opts, False)
        if parsed.requirement is None:
            out["kind"] = "option"
            return out
        out["kind"] = "editable" if parsed.is_editable else "requirement"
        out["fs"] = looks_like_path(parsed.requirement)
        ireq = install_req_from_parsed_requirement(handle_requirement_line(parsed))
        if ireq.req is not None:
            out["name"] = canonicalize_name(ireq.req.name)
    except RecursionError:
        out.update(ok=False, error="RecursionError: nested too deeply for pip's parser")
    except Exception as exc:  # every refusal, whatever pip's exception class
        text = [getattr(exc, "reference", None) or str(exc).strip()]
        text = text[0].splitlines()
        out.update(ok=False, error=f"{type(exc).__name__}: {text[0] if text else ''}")
    return out


def main():
    corpus = os.path.abspath(sys.argv[1])
    if int(pip.__version__.split(".")[0]) < 26:
        sys.exit(f"pip {pip.__version__} is too old; the verdicts are pip 26's")
    files = []
    with open(os.path.join(corpus, "SOURCES"), encoding="utf-8") as f:
        for row in f:
            if row.strip() and not row.startswith("#"):
                files.append(row.split("\t", 1)[0])
    parse_line = get_line_parser(None)
    with tempfile.TemporaryDirectory() as empty:
        os.chdir(empty)
        for name in sorted(files):
            with open(os.path.join(corpus, name), "rb") as f:
                content = _decode_req_file(f.read(), name)
            for var in ENV_VAR_RE.findall(content):
                os.environ.pop(var[1], None)
            for lineno, line in preprocess(content):
                row = {"file": name, "line": lineno, "text": line}
                row.update(verdict(parse_line, name, lineno, line))
                print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    sys.setrecursionlimit(1000)
    main()
