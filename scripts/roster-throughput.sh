#!/bin/sh
# Clone + grade throughput of `course grade --roster` for a class of N local repositories
# (default 200), reached through file:// URLs: the first run clones every repository, the
# second fetches into the same clones, and a --batch over the clones times grading alone.
# Each repository is a small honest workspace with three commits (a full history: the git
# checks need it). Prints the wall time of each run and submissions per second.
#   cargo build --release && scripts/roster-throughput.sh [N] [path/to/course]
set -eu
n="${1:-200}"
course="${2:-$(dirname "$0")/../target/release/course}"
course="$(cd "$(dirname "$course")" && pwd)/$(basename "$course")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export GIT_AUTHOR_NAME=Student GIT_AUTHOR_EMAIL=s@example.com
export GIT_COMMITTER_NAME=Student GIT_COMMITTER_EMAIL=s@example.com
mkdir template && cd template
git init -q -b main
printf '# my-vla-project\n\nsrc/ holds the package, configs/ the settings, data/ the datasets.\n' > README.md
printf 'data/\n.venv/\n__pycache__/\n*.ckpt\n' > .gitignore
mkdir -p src/model configs data
: > src/__init__.py
: > src/model/__init__.py
printf 'print("train")\n' > src/train.py
printf 'lr: 0.001\n' > configs/base.yaml
git add -A && git commit -q -m "project structure"
printf '# deep learning framework\ntorch>=2.2\n# arrays and numerics\nnumpy>=1.24\n' > requirements.txt
git add -A && git commit -q -m "requirements"
printf 'print("train for real")\n' > src/train.py
git add -A && git commit -q -m "train script"
cd ..
mkdir remotes
echo "student,repo" > roster.csv
i=1
while [ "$i" -le "$n" ]; do
    name=$(printf 's%03d' "$i")
    git clone -q --bare --no-local template "remotes/$name.git"
    echo "$name,file://$tmp/remotes/$name.git" >> roster.csv
    i=$((i + 1))
done
t() { # label, command...
    label="$1"; shift
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$tmp/stderr" && rc=0 || rc=$?
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc)
    printf '%-38s exit %s %7.2f s  %6.1f submissions/s\n' "$label" "$rc" "$secs" "$(echo "$n / $secs" | bc -l)"
}
echo "$n repositories, $(nproc) cores, $("$course" --version 2>/dev/null || echo course)"
t "roster, first run (clone + grade)" "$course" grade --roster roster.csv --clones clones --output grades.csv
t "roster, second run (fetch + grade)" "$course" grade --roster roster.csv --clones clones --output grades.csv
t "batch over the clones (grade only)" "$course" grade --batch clones --output batch.csv
echo "rows with a score: $(awk -F, 'NR > 1 && $2 != ""' grades.csv | wc -l) of $n"
