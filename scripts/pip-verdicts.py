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

    {"file", "line", "text", "ok", "kind", "name", "extras", "specifier", "marker", "error", "fs"}

`kind` is `requirement`, `editable` or `option` (`-r`/`-c` included, not followed); `name` is
pip's canonical project name where pip knows it without building anything; `extras` (sorted),
`specifier` (packaging's `str(SpecifierSet)`: sorted, comma-joined) and `marker` (packaging's
`str(Marker)`) are what pip will install against, null where pip has no requirement or marker;
`error` is the
first line of pip's message; `fs` is true where pip's verdict depends on files that exist
(a local path: pip is asked again with a project folder there, and answers otherwise), so
ours must be a local path or pip's verdict in the empty folder. Lines are judged in an empty
temporary directory with the `${VAR}` variables the corpus mentions unset, so the result does
not depend on the machine. The tests in `tests/check_requirements.rs` read this file, and
run this script live when a pip >= 26 is available.
"""

import contextlib
import io
import json
import os
import re
import shutil
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
from pip._internal.utils.urls import strip_extras
from pip._internal.vcs import is_url


def looks_like_path(text):
    """pip's `_looks_like_path` on what is not a URL: pip may look for a folder there."""
    text = text.split(";", 1)[0].strip()
    try:
        if is_url(text) or "://" in text:
            return False
    except ValueError:  # urlsplit refuses it: pip refuses the line whatever the files
        return False
    return "/" in text or text.startswith(".")


def project_at(text, editable, root):
    """Make `text` (a requirement that looks like a path) an installable folder under `root`
    for a second opinion; the folder made, or None when it would leave `root`."""
    if not editable:
        text = text.split(";", 1)[0].strip()
    text = strip_extras(text)[0]
    path = os.path.normpath(os.path.join(root, text))
    if path != root and not path.startswith(root + os.sep):
        return None
    try:
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "pyproject.toml"), "w") as f:
            f.write("")
    except OSError:
        return None
    return path


def verdict(parse_line, filename, lineno, line):
    out = {"ok": True, "kind": None, "name": None, "extras": None, "specifier": None,
           "marker": None, "error": None, "fs": False}
    out["kind"] = "option" if line.startswith("-") else "requirement"
    if line.startswith(("-e", "--editable")):
        out["kind"] = "editable"
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            args, opts = parse_line(line)
        parsed = ParsedLine(filename, lineno, args, opts, False)
        if parsed.requirement is None:
            out["kind"] = "option"
            return out
        out["kind"] = "editable" if parsed.is_editable else "requirement"
        ireq = install_req_from_parsed_requirement(handle_requirement_line(parsed))
        if ireq.req is not None:
            out["name"] = canonicalize_name(ireq.req.name)
            out["extras"] = sorted(ireq.req.extras)
            out["specifier"] = str(ireq.req.specifier)
        if ireq.markers is not None:
            out["marker"] = str(ireq.markers)
    except RecursionError:
        out.update(ok=False, error="RecursionError: nested too deeply for pip's parser")
    except Exception as exc:  # every refusal, whatever pip's exception class
        text = [getattr(exc, "reference", None) or str(exc).strip()]
        text = text[0].splitlines()
        out.update(ok=False, error=f"{type(exc).__name__}: {text[0] if text else ''}")
    return out


def judged(parse_line, filename, lineno, line):
    """pip's verdict in an empty folder; `fs` when a project folder at the requirement's
    path would change it (a local path: only the file system can say)."""
    root = os.getcwd()
    out = verdict(parse_line, filename, lineno, line)
    try:
        args, opts = parse_line(line)
    except BaseException:
        return out
    req = args or (opts.editables[0] if opts.editables else None)
    if req is None or not looks_like_path(req):
        return out
    try:
        made = project_at(req, bool(opts.editables) and not args, root)
    except Exception:  # pip's own strip_extras refuses it, whatever the files
        return out
    if made is None:
        # A path outside the sandbox (`/`, `../x`): it depends on files we cannot make.
        out["fs"] = True
        return out
    try:
        other = verdict(parse_line, filename, lineno, line)
    finally:
        for entry in os.listdir(root):
            full = os.path.join(root, entry)
            shutil.rmtree(full) if os.path.isdir(full) else os.remove(full)
    out["fs"] = (other["ok"], other["name"]) != (out["ok"], out["name"])
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
    # pip's warnings ("looks like a filename") and optparse's usage text go to stderr; the
    # verdicts carry what matters.
    quiet = open(os.devnull, "w")
    with tempfile.TemporaryDirectory() as empty, contextlib.redirect_stderr(quiet):
        os.chdir(empty)
        for name in sorted(files):
            with open(os.path.join(corpus, name), "rb") as f:
                content = _decode_req_file(f.read(), name)
            for var in ENV_VAR_RE.findall(content):
                os.environ.pop(var[1], None)
            for lineno, line in preprocess(content):
                row = {"file": name, "line": lineno, "text": line}
                row.update(judged(parse_line, name, lineno, line))
                print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    sys.setrecursionlimit(1000)
    main()
