#!/bin/sh
# Time the issue 8 reproducers of hostile input against a built `course` (default: the
# release build). The tests assert behaviour, not speed; this prints the numbers.
#   cargo build --release && scripts/hostile-timings.sh [path/to/course]
set -eu
course="${1:-$(dirname "$0")/../target/release/course}"
course="$(cd "$(dirname "$course")" && pwd)/$(basename "$course")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
t() { # name, command...
    name="$1"; shift
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 && rc=0 || rc=$?
    end=$(date +%s.%N)
    printf '%-45s exit %-3s %6.2f s\n' "$name" "$rc" "$(echo "$end - $start" | bc)"
}
python3 -c "print('> ' * 10000 + 'x')" > quotes.md
python3 -c "print('- ' * 10000 + 'x')" > items.md
python3 -c "print(' -\n' * 9355)" > dashes.md
python3 -c "print('> ' * 500000 + 'x')" > quotes-1mib.md
t "lesson --file: 10,000 nested quotes" "$course" lesson --no-pager --file quotes.md
t "lesson --file: 10,000 nested list items" "$course" lesson --no-pager --file items.md
t "lesson --file: 9,355 lines of ' -'" "$course" lesson --no-pager --file dashes.md
t "lesson --file: 500,000 nested quotes (1 MiB)" "$course" lesson --no-pager --file quotes-1mib.md
t "lesson --file: /dev/urandom" timeout 20 "$course" lesson --no-pager --file /dev/urandom
mkfifo fifo.md
t "lesson --file: a FIFO" timeout 20 "$course" lesson --no-pager --file fifo.md
mkdir -p ws/configs && (cd ws && git init -q)
python3 -c "print('{a: ' * 250000)" > ws/configs/base.yaml
t "config-files: 250,000 nested '{a: '" timeout 600 "$course" --workspace ws check structure
mkfifo ws/.gitignore
t "git checks: a FIFO as .gitignore" timeout 60 "$course" --workspace ws grade
