#!/usr/bin/env python3
"""Article extraction evaluation: `whosaid extract` over the two article sets in ../shared.

* article-extraction-benchmark (127 pages): each page is extracted with its URL from ground-truth.json and
  scored with ../shared/tools/score_articles.py (F1 / precision / recall, the benchmark's metric).
* mozilla-readability test-pages (130 pages): extracted too, scored against expected.html (for information),
  and, like every page, checked to run without error (exit 0, no panic) within a time limit.

Prints the scores and the count of pages run without error; exits 1 when a page fails or F1 is below the bar.
Skips with a message (exit 0) when ../shared is absent. Never copies the corpus: predictions go to .eval/.

Per-page scores go to .eval/articles/scores-<set>.json; --compare DIR prints the pages whose F1 moved
since the run whose output is in DIR (a copy of an earlier .eval/articles).

Usage: scripts/eval_articles.py [--bin target/release/whosaid] [--shared ../shared] [--per-page] [--worst N]
                                [--compare DIR]
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

F1_BAR = 0.95
TIMEOUT_S = 60


def run_extract(binary, html_bytes, url, workdir, name):
    src = os.path.join(workdir, name + ".html")
    with open(src, "wb") as f:
        f.write(html_bytes)
    cmd = [binary, "extract", "--json"] + (["--url", url] if url else []) + [src]
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {TIMEOUT_S}s", TIMEOUT_S
    dt = time.monotonic() - t0
    os.unlink(src)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit {p.returncode}: {err[-1] if err else ''}", dt
    try:
        return json.loads(p.stdout), None, dt
    except json.JSONDecodeError as e:
        return None, f"bad JSON: {e}", dt


def score(scorer, truth, pred_dir, name, extra):
    cmd = [sys.executable, scorer, "--truth", truth, "--pred", pred_dir, "--name", name, "--n-bootstrap", "200"]
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as jf:
        jpath = jf.name
    p = subprocess.run(cmd + ["--json-out", jpath] + extra, capture_output=True, text=True)
    sys.stdout.write(p.stdout)
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
        return None
    with open(jpath) as f:
        out = json.load(f)
    os.unlink(jpath)
    return out


def compare(old_dir, scores, min_delta=0.002):
    """Prints each page whose F1 moved by at least `min_delta` since the run saved in `old_dir`."""
    for kind, sc in scores.items():
        path = os.path.join(old_dir, f"scores-{kind}.json")
        if not sc or not os.path.isfile(path):
            print(f"compare: no {path}")
            continue
        old = json.load(open(path))
        moved = sorted(
            (p["f1"] - old[k]["f1"], k, old[k]["f1"], p["f1"])
            for k, p in sc["pages"].items()
            if k in old and abs(p["f1"] - old[k]["f1"]) >= min_delta
        )
        worse = sum(1 for d, *_ in moved if d < 0)
        print(f"\n{kind}: {len(moved)} pages moved ({worse} worse, {len(moved) - worse} better):")
        for d, k, a, b in moved:
            print(f"  {d:+.3f}  {a:.3f} -> {b:.3f}  {k}")


def find_shared(root):
    """../shared next to the checkout (or next to its parent, for a worktree in a subfolder)."""
    for cand in (os.path.join(root, "..", "shared"), os.path.join(root, "..", "..", "shared")):
        if os.path.isdir(cand):
            return os.path.normpath(cand)
    return os.path.normpath(os.path.join(root, "..", "shared"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(root, "target", "release", "whosaid"))
    ap.add_argument("--shared", default=os.environ.get("WHOSAID_SHARED") or find_shared(root))
    ap.add_argument("--out", default=os.path.join(root, ".eval", "articles"))
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--worst", type=int, default=10, help="print the N worst pages by F1")
    ap.add_argument("--compare", help="an earlier run's output dir: print the pages whose F1 moved")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()

    bench = os.path.join(args.shared, "data", "articles", "article-extraction-benchmark")
    moz = os.path.join(args.shared, "data", "articles", "mozilla-readability", "test-pages")
    scorer = os.path.join(args.shared, "tools", "score_articles.py")
    if not (os.path.isdir(bench) and os.path.isfile(scorer)):
        print(f"eval-articles: skipped, {args.shared} (article sets and scorer) is absent")
        return 0
    if not os.path.isfile(args.bin):
        print(f"eval-articles: {args.bin} not found (cargo build --release first)", file=sys.stderr)
        return 2

    truth_path = os.path.join(bench, "ground-truth.json")
    truth = json.load(open(truth_path))
    jobs = []  # (set, id, bytes, url)
    for pid, t in sorted(truth.items()):
        path = os.path.join(bench, "html", pid + ".html.gz")
        if os.path.exists(path):
            jobs.append(("bench", pid, path, t.get("url")))
    if os.path.isdir(moz):
        for slug in sorted(os.listdir(moz)):
            path = os.path.join(moz, slug, "source.html")
            if os.path.exists(path):
                jobs.append(("moz", slug, path, f"http://fakehost/test/{slug}/"))

    pred = {"bench": os.path.join(args.out, "bench"), "moz": os.path.join(args.out, "moz")}
    for d in pred.values():
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            os.unlink(os.path.join(d, f))
    failures, times, meta = [], [], {}
    with tempfile.TemporaryDirectory() as work:

        def one(job):
            kind, pid, path, url = job
            raw = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
            out, err, dt = run_extract(args.bin, raw, url, work, f"{kind}-{pid}")
            return kind, pid, out, err, dt, len(raw)

        with ThreadPoolExecutor(args.jobs) as ex:
            for kind, pid, out, err, dt, size in ex.map(one, jobs):
                times.append((dt, f"{kind}/{pid}", size))
                if err:
                    failures.append(f"{kind}/{pid}: {err}")
                    continue
                with open(os.path.join(pred[kind], pid + ".txt"), "w") as f:
                    f.write(out["text"])
                meta[f"{kind}/{pid}"] = {"source": out["source"], **out["article"]}
    with open(os.path.join(args.out, "metadata.json"), "w") as f:
        json.dump(meta, f, indent=1, ensure_ascii=False)

    extra = ["--per-page"] if args.per_page else []
    s = score(scorer, truth_path, pred["bench"], "whosaid bench", extra)
    scores = {"bench": s}
    if os.path.isdir(moz):
        scores["moz"] = score(scorer, moz, pred["moz"], "whosaid readability-pages", [])
    for kind, sc in scores.items():
        if sc:
            with open(os.path.join(args.out, f"scores-{kind}.json"), "w") as f:
                json.dump(sc["pages"], f, indent=1)
    if args.compare:
        compare(args.compare, scores)
    if args.worst:
        # issue 17's bar: no page under 0.80, on either set
        for kind, name in (("bench", "benchmark"), ("moz", "Readability")):
            sc = scores.get(kind)
            if not sc:
                continue
            pages = sorted(sc["pages"].items(), key=lambda kv: kv[1]["f1"])
            under = sum(1 for _, p in pages if p["f1"] < 0.80)
            print(f"\nworst {args.worst} {name} pages (F1 P R id); {under} under 0.80:")
            for pid, p in pages[: args.worst]:
                print(f"  {p['f1']:.3f} {p['precision']:.3f} {p['recall']:.3f} {pid}")

    times.sort(reverse=True)
    srcs = {}
    for m in meta.values():
        srcs[m["source"]] = srcs.get(m["source"], 0) + 1
    print(f"\npages run without error: {len(jobs) - len(failures)}/{len(jobs)}; text source: {srcs}")
    print("slowest: " + ", ".join(f"{n} {t:.2f}s ({sz // 1024} KB)" for t, n, sz in times[:5]))
    for f in failures:
        print("FAILED " + f)
    ok = not failures
    if s:
        f1 = s["summary"]["f1"]
        if f1 < F1_BAR:
            print(f"F1 {f1:.3f} is below the bar {F1_BAR}")
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
