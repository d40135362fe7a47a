#!/usr/bin/env python3
"""Issue 12 measurements: the sandbox's cost per launch, and `course grade --batch --exec`
throughput on a class of 40 passing submissions.

    scripts/sandbox-timings.py [COURSE_BINARY] [--before OLD_BINARY]

The class is the complete passing workspace of benches/support/workspace.rs (its files are
read from there, so what is measured is what the tests build), copied 40 times. Each batch
is graded three times per mode; the best and median wall times are printed.
"""
import json, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUBMISSIONS = 40
RUNS = 3


def support_consts():
    text = open(os.path.join(ROOT, "benches/support/workspace.rs"), encoding="utf-8").read()
    return {m.group(1): m.group(2) for m in
            re.finditer(r'pub const (\w+): &str = "\\\n(.*?)";', text, re.S)}


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def git(root, *args):
    env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_SYSTEM="/dev/null",
               GIT_AUTHOR_NAME="Learner", GIT_AUTHOR_EMAIL="l@example.com",
               GIT_COMMITTER_NAME="Learner", GIT_COMMITTER_EMAIL="l@example.com")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def template(root):
    c = support_consts()
    write(root, "requirements.txt", c["REQUIREMENTS"])
    write(root, "README.md", c["README"])
    write(root, ".gitignore", c["GITIGNORE"])
    write(root, "configs/base.yaml",
          "model:\n  name: vla-small\ntraining:\n  lr: 0.0001\n  epochs: 10\n")
    for pkg in ["src", "src/model", "src/data", "src/training", "src/utils"]:
        write(root, pkg + "/__init__.py", "")
    write(root, "src/model/vla.py", "class VLAModel:\n    pass\n")
    write(root, "scripts/train.py", "print('training')\n")
    write(root, "notebooks/.gitkeep", "")
    write(root, "tests/test_model.py", "def test_model():\n    assert True\n")
    write(root, "answers/jupyter_vs_script.yaml", c["ANSWERS"])
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "프로젝트 구조 추가")
    write(root, "scripts/train.py", "print('training for 10 epochs')\n")
    git(root, "commit", "-q", "-am", "학습 스크립트 수정")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", os.path.join(root, ".venv")],
                   check=True)
    lib = os.path.join(root, ".venv/lib")
    site = os.path.join(lib, next(d for d in os.listdir(lib) if d.startswith("python")),
                        "site-packages")
    for name, version in [("torch", "2.1.0"), ("numpy", "1.26.4")]:
        write(site, name + "/__init__.py", '__version__ = "%s"\n' % version)
        info = "%s-%s.dist-info" % (name, version)
        write(site, info + "/METADATA",
              "Metadata-Version: 2.1\nName: %s\nVersion: %s\n" % (name, version))
        write(site, info + "/INSTALLER", "pip\n")
        write(site, info + "/top_level.txt", name + "\n")
        write(site, info + "/RECORD", "%s/__init__.py,,\n%s/METADATA,,\n%s/RECORD,,\n"
              % (name, info, info))


def timed(cmd, **kw):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, **kw)
    return time.perf_counter() - start, out


def launch_cost(course, tmp):
    box = os.path.join(tmp, "box")
    for sub in ["home", "tmp"]:
        os.makedirs(os.path.join(box, sub), exist_ok=True)
    py = shutil.which("python3")
    prefix = os.path.dirname(os.path.dirname(os.path.realpath(py)))
    plan = {
        "limits": {"cpu-secs": 30, "memory-mib": 2048, "address-space-mib": 16384,
                   "processes": 1024, "file-size-mib": 64, "open-files": 1024},
        "read": ["/usr", "/lib", "/lib64", "/bin", "/etc", "/proc", "/sys", "/dev", prefix, tmp],
        "write": box,
        "env": [["PATH", "/usr/local/bin:/usr/bin:/bin"], ["HOME", box + "/home"],
                ["LANG", "C.UTF-8"]],
        "cwd": tmp, "deadline_ms": 30000,
        "status": os.path.join(tmp, "status.json"), "layers": os.path.join(tmp, "layers.json"),
        "require": False,
    }
    print("launch cost (median of 30, ms):")
    for label, argv in [("/bin/true", ["/bin/true"]), ("python3 -c pass", [py, "-c", "pass"])]:
        for how, cmd in [("direct", argv),
                         ("sandboxed", [course, "__sandbox", json.dumps(plan), "--", *argv])]:
            runs = [timed(cmd) for _ in range(30)]
            if any(out.returncode != 0 for _, out in runs):
                sys.exit("%s %s failed: %s" % (label, how, runs[0][1].stderr.decode()))
            times = [t * 1000 for t, _ in runs]
            print("  %-16s %-10s %7.1f" % (label, how, statistics.median(times)))
    with open(plan["status"]) as f:
        print("  layers:", ", ".join("%s=%s%s" % (l["name"], l["applied"],
              " (%s)" % l["note"] if l["note"] else "") for l in json.load(f)["layers"]))


def batch(course, klass, out, extra):
    times = []
    for _ in range(RUNS):
        t, res = timed([course, "--lang", "en", "grade", "--batch", klass, "--exec",
                        "--output", out, *extra])
        if res.returncode != 0:
            sys.exit("grading failed (%d): %s" % (res.returncode, res.stderr.decode()[-2000:]))
        times.append(t)
    with open(out, encoding="utf-8") as f:
        rows = f.read().splitlines()[1:]
    full = sum(1 for r in rows if r.split(",")[1] == r.split(",")[2])
    return min(times), statistics.median(times), full


def main():
    args = sys.argv[1:]
    before = None
    if "--before" in args:
        i = args.index("--before")
        before = args[i + 1]
        del args[i:i + 2]
    course = os.path.abspath(args[0] if args else os.path.join(ROOT, "target/release/course"))
    with tempfile.TemporaryDirectory() as tmp:
        launch_cost(course, tmp)
        tpl = os.path.join(tmp, "template")
        template(tpl)
        klass = os.path.join(tmp, "class")
        for i in range(SUBMISSIONS):
            shutil.copytree(tpl, os.path.join(klass, "student-%02d" % i), symlinks=True)
        out = os.path.join(tmp, "grades.csv")
        modes = []
        if before:
            modes.append(("before (old binary: 2 launches, no sandbox)", before, []))
        modes += [("no sandbox, 1 launch", course, ["--no-sandbox"]),
                  ("sandbox, 1 launch", course, [])]
        print("grade --batch --exec, %d submissions, %d runs, %d cores:"
              % (SUBMISSIONS, RUNS, os.cpu_count()))
        for label, binary, extra in modes:
            best, median, full = batch(binary, klass, out, extra)
            print("  %-45s best %5.2f s (%5.1f subs/s)  median %5.2f s  full marks %d/%d"
                  % (label, best, SUBMISSIONS / best, median, full, SUBMISSIONS))
        print("load average:", open("/proc/loadavg").read().split()[:3])


if __name__ == "__main__":
    main()
