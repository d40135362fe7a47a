#!/usr/bin/env bash
# The size of the class report (issue 11) for a class of N submissions (default 200): builds a
# class in a temp folder (varied requirements.txt, half of them git repositories, a few that
# cannot be graded), grades it with the given binary and prints the sizes of class.html and
# class.md. Usage: scripts/class-report-size.sh [N] [BINARY]
set -euo pipefail
n="${1:-200}"
bin="${2:-target/debug/course}"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
good='torch==2.10.0  # model definition and training
numpy>=1.26  # arrays
pillow>=9.0  # camera images
pyyaml>=6.0  # config files
tqdm>=4.0  # progress bars'
export GIT_AUTHOR_NAME=s GIT_AUTHOR_EMAIL=s@example.com GIT_COMMITTER_NAME=s GIT_COMMITTER_EMAIL=s@example.com
for i in $(seq 1 "$n"); do
  d="$tmp/class/student-$(printf %04d "$i")"
  if (( i % 37 == 0 )); then mkdir -p "$tmp/class"; echo x > "$d"; continue; fi
  mkdir -p "$d/src"
  case $(( i % 4 )) in
    0) printf '%s\n' "$good" > "$d/requirements.txt" ;;
    1) printf 'numpy\ntorch\n' > "$d/requirements.txt" ;;
    2) printf 'numpy>=\ntorch  # t\n' > "$d/requirements.txt" ;;
    3) printf '%s\nnumpy  # again\n' "$good" > "$d/requirements.txt" ;;
  esac
  (( i % 3 == 0 )) && : > "$d/src/__init__.py"
  if (( i % 2 == 0 )); then
    git -C "$d" init -q -b main && git -C "$d" add . && git -C "$d" commit -qm "start"
  fi
done
cd "$tmp"
"$bin" --lang en grade --batch class --output grades.csv --report class.html --report class.md 2>/dev/null || true
printf 'submissions: %s\nclass.html: %s bytes\nclass.md: %s bytes\ngrades.csv: %s bytes\n' \
  "$n" "$(wc -c < class.html)" "$(wc -c < class.md)" "$(wc -c < grades.csv)"
