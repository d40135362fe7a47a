#!/usr/bin/env bash
# Runs many course commands under valgrind memcheck on a RELEASE build with the system
# allocator and prints every command that valgrind finds reading or writing memory it should
# not. Why: rustc 1.95.0 miscompiled `course answer` in the release build only (a String
# freed before its last write; issue 9's fifth audit saw it as a hang at exit inside
# mimalloc). The code has no `unsafe`, the debug build was right, so no test could see it.
# By hand, not CI (about 15 minutes on 2 cores, plus the build):
#   scripts/memcheck-release.sh            builds target/memcheck/release/course and runs
#   scripts/memcheck-release.sh BINARY     runs an existing build
# Interactive paths (pager, home, answer's line editor) need a terminal: run them under
# valgrind in tmux by hand (README, Development).
set -u
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  BIN=$(realpath "$1")
else
  cargo build --release --locked --features system-allocator --target-dir target/memcheck >&2 || exit 2
  BIN=$PWD/target/memcheck/release/course
fi
command -v valgrind >/dev/null || { echo "error: valgrind is not installed" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export HOME=$W/home COURSE_LANG= NO_COLOR=1
mkdir -p "$HOME" "$W/ws"
git config --global user.name Learner; git config --global user.email l@example.com
git config --global init.defaultBranch main
cd "$W/ws"
failed=0
vg() {
  local out rc
  out=$(timeout 600 valgrind -q --error-exitcode=99 --error-limit=no "$BIN" "$@" </dev/null 2>&1 >/dev/null)
  rc=$?
  if [ $rc = 99 ] || grep -q "Invalid\|uninitialised" <<<"$out"; then
    echo "MEMCHECK ERROR: course $*"; head -30 <<<"$out"; failed=1
  else
    echo "ok (exit $rc): course $*"
  fi
}
vg init --lang ko
exercises="requirements environment structure git-workflow jupyter-vs-script"
for l in ko en; do
  vg --lang $l next; vg --lang $l list; vg --lang $l check; vg --lang $l doctor; vg --lang $l --help
  for f in json junit github gradescope csv classroom50 canvas moodle; do vg --lang $l check --format $f; done
  for i in 1 2 3 4 5 6 7; do vg --lang $l lesson $i --no-pager; done
  for e in $exercises; do vg --lang $l hint $e; vg --lang $l check $e; done
done
# A workspace with something wrong in every exercise.
printf 'torch==2.10.0#딥러닝\nnumpy>=1.26  # 중요\nsklearn  # 설명\nnumpy\n' > requirements.txt
mkdir -p src/models data notebooks; touch src/__init__.py; printf '# x\n- src/: src\n' > README.md
printf 'data/\n' > .gitignore
git init -q; git add -A; git commit -qm asdf; git commit -q --allow-empty -m ㅁㄴㅇㄹ
mkdir -p answers; printf 'data_exploration:\n  choice: jupyter\n  reason: [unclosed\n' > answers/jupyter_vs_script.yaml
for l in ko en; do
  vg --lang $l check; vg --lang $l next; vg --lang $l grade; vg --lang $l grade --format json; vg --lang $l list
done
vg skip environment; vg skip --undo environment; vg reset requirements --yes; vg validate
printf 'jupyter\nyou can see plots next to the code\nscript\nit runs unattended on a server\njupyter\nquick charts for the team\nscript\nruns for hours without a browser\ny\n' > "$W/in.txt"
out=$(timeout 600 valgrind -q --error-exitcode=99 "$BIN" --lang en answer jupyter-vs-script < "$W/in.txt" 2>&1 >/dev/null)
if [ $? = 99 ]; then echo "MEMCHECK ERROR: course answer (piped)"; head -30 <<<"$out"; failed=1; else echo "ok: course answer (piped)"; fi
# A small class of copies of this workspace.
mkdir -p "$W/class"
for i in 1 2 3; do cp -a "$W/ws" "$W/class/student-$i"; done
vg --lang ko grade --batch "$W/class" --output "$W/g.csv"
vg --lang en grade --batch "$W/class" --output "$W/g.json" --format json
exit $failed
