#!/usr/bin/env python3
"""The Python batch path against the native CLI, in one run (part of `make bench`).

Texts: PolNeAR dev from ../shared (or the seed article repeated when it is absent). Prints MB/s of
`whosaid.analyze_many` on one and on two threads and of the native `whosaid analyze --jsonl` on the
same texts, and the ratios; the GIL-free batch should scale with the cores. Needs the package
installed (`pip install ./python`); skips with a message when it is not.

Usage: scripts/bench_python.py [--bin target/release/whosaid] [--repeat N]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts_to_bench():
    for shared in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        dev = shared / "data/quotes/polnear/polnear_dev.jsonl"
        if dev.exists():
            return "PolNeAR dev", [json.loads(l)["text"] for l in dev.read_text(encoding="utf-8").splitlines() if l.strip()]
    seed = (ROOT / "tests/fixtures/seed/000_64ce14edc3ca31c8.txt").read_text(encoding="utf-8")
    return "the seed x40", [seed] * 40


def best_of(n, f):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/whosaid"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    try:
        import whosaid
    except ImportError:
        print("bench_python: the whosaid package is not installed (pip install ./python); skipped")
        return 0
    name, texts = texts_to_bench()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t1 = best_of(args.repeat, lambda: whosaid.analyze_many(texts, threads=1))
    t2 = best_of(args.repeat, lambda: whosaid.analyze_many(texts, threads=2))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": i, "text": t}) + "\n")
    try:
        tn = best_of(args.repeat, lambda: subprocess.run([args.bin, "analyze", "--jsonl", f.name], check=True,
                                                         stdout=subprocess.DEVNULL))
    finally:
        os.unlink(f.name)
    print(f"python batch on {name} ({len(texts)} texts, {mb:.2f} MB), best of {args.repeat}:")
    print(f"  analyze_many, 1 thread : {mb / t1:6.2f} MB/s")
    print(f"  analyze_many, 2 threads: {mb / t2:6.2f} MB/s   ({t1 / t2:.2f}x one thread)")
    print(f"  native CLI --jsonl     : {mb / tn:6.2f} MB/s   (python 1 thread = {tn / t1:.2f}x native)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
