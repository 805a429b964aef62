#!/usr/bin/env python3
"""WASM size: the shipped module raw and gzipped, and what each crate contributes.

The shipped module (extension/pkg/whosaid_bg.wasm, after wasm-bindgen and wasm-opt -Oz) has no names,
so the breakdown reads rustc's own output (target/wasm32-unknown-unknown/release/whosaid.wasm, whose
name section names every function): code bytes per crate (a function belongs to the first crate in its
path; generic std/core/alloc code instantiated for a crate's types counts as std), plus the data
segments (string constants, lexicons) and the rest. Each crate's share is then applied to the shipped
gzipped size as an estimate (measured, not guessed: the shares are of real function bodies).

Usage: scripts/bench_size.py [--out FILE] [--top N]
"""

import argparse
import gzip
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SHIPPED = os.path.join(ROOT, "extension", "pkg", "whosaid_bg.wasm")
RUSTC = os.path.join(ROOT, "target", "wasm32-unknown-unknown", "release", "whosaid.wasm")
TARGET_GZIP_KB = 600


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sections(b):
    assert b[:4] == b"\0asm", "not a WebAssembly module"
    i = 8
    while i < len(b):
        sid = b[i]
        size, j = leb(b, i + 1)
        yield sid, b[j : j + size]
        i = j + size


def analyse(b):
    n_imported = 0
    bodies = []
    names = {}
    per_section = {}
    for sid, body in sections(b):
        if sid == 0:
            nlen, k = leb(body, 0)
            cname = body[k : k + nlen].decode("utf-8", "replace")
            per_section[f"custom:{cname}"] = per_section.get(f"custom:{cname}", 0) + len(body)
            if cname == "name":
                k += nlen
                while k < len(body):
                    sub = body[k]
                    ssize, k = leb(body, k + 1)
                    if sub == 1:
                        cnt, m = leb(body, k)
                        for _ in range(cnt):
                            idx, m = leb(body, m)
                            ln, m = leb(body, m)
                            names[idx] = body[m : m + ln].decode("utf-8", "replace")
                            m += ln
                    k += ssize
            continue
        per_section[{1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}.get(sid, str(sid))] = len(body)
        if sid == 2:
            cnt, k = leb(body, 0)
            for _ in range(cnt):
                for _f in range(2):
                    ln, k = leb(body, k)
                    k += ln
                kind = body[k]
                k += 1
                if kind == 0:
                    _, k = leb(body, k)
                    n_imported += 1
                elif kind == 1:
                    k += 1
                    flags, k = leb(body, k)
                    _, k = leb(body, k)
                    if flags & 1:
                        _, k = leb(body, k)
                elif kind == 2:
                    flags, k = leb(body, k)
                    _, k = leb(body, k)
                    if flags & 1:
                        _, k = leb(body, k)
                elif kind == 3:
                    k += 2
        if sid == 10:
            cnt, k = leb(body, 0)
            for f in range(cnt):
                size, k2 = leb(body, k)
                bodies.append((n_imported + f, size + (k2 - k)))
                k = k2 + size
    return bodies, names, per_section


def legacy_first(name):
    """The first path component of a legacy-mangled Rust name (_ZN<len><ident>...E), unescaped."""
    m = re.match(r"_ZN(\d+)", name)
    if not m:
        return name
    n = int(m.group(1))
    comp = name[m.end() : m.end() + n]
    comp = comp.replace("$LT$", "<").replace("$GT$", ">").replace("$RF$", "&").replace("$u20$", " ").replace("..", "::").replace("$C$", ",").replace("$u5b$", "[").replace("$u5d$", "]").replace("$BP$", "*").replace("$u7b$", "{").replace("$u7d$", "}")
    return comp.lstrip("_")


def crate_of(name):
    n = legacy_first(name.strip())
    n = re.sub(r"^(<|&|\*const |\*mut |mut |dyn |\(|\[)+", "", n)
    n = n.lstrip("<&([ ")
    m = re.match(r"([A-Za-z_][A-Za-z0-9_]*)", n)
    if not m:
        return "(unnamed)"
    c = m.group(1)
    if len(c) == 1 or c in ("core", "alloc", "std", "hashbrown", "compiler_builtins", "dlmalloc", "memchr", "__rustc", "rust_begin_unwind"):
        return "std/core/alloc (incl. generic code)"
    if c.startswith("__wbg") or c.startswith("__wbindgen") or c.startswith("wasm_bindgen") or c in ("js_sys", "serde_wasm_bindgen", "console_error_panic_hook"):
        return "wasm-bindgen/js-sys/serde-wasm-bindgen"
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--top", type=int, default=14)
    a = ap.parse_args()
    res = {}
    if not os.path.exists(SHIPPED):
        print("bench_size: extension/pkg/whosaid_bg.wasm is missing (make build); skipping")
        return
    shipped = open(SHIPPED, "rb").read()
    gz = len(gzip.compress(shipped, 9))
    res["final"] = {"raw": len(shipped), "gzip": gz}
    print(f"\nWASM size: extension/pkg/whosaid_bg.wasm {len(shipped):,} bytes raw, {gz:,} bytes gzip -9 (target ≤ {TARGET_GZIP_KB} KB gzip: {'yes' if gz / 1e3 <= TARGET_GZIP_KB else 'NO'})")
    if not os.path.exists(RUSTC):
        print("bench_size: the rustc output is missing; no breakdown")
    else:
        b = open(RUSTC, "rb").read()
        bodies, names, per_section = analyse(b)
        code = sum(s for _, s in bodies)
        by = {}
        for idx, size in bodies:
            c = crate_of(names.get(idx, "(unnamed)"))
            by[c] = by.get(c, 0) + size
        data = per_section.get("data", 0)
        other = len(b) - code - data - sum(v for k, v in per_section.items() if k.startswith("custom:"))
        rows = sorted(by.items(), key=lambda kv: -kv[1])
        total = code + data + other
        print(f"What each crate contributes (rustc output {len(b):,} bytes with names; {code:,} code + {data:,} data + {other:,} other sections; shares applied to the shipped gzip size as an estimate)")
        print(f"  {'crate':<40} {'code bytes':>11} {'share':>6} {'≈ gzip KB':>10}")
        res["breakdown"] = []
        shown = 0
        for c, s in rows[: a.top]:
            print(f"  {c:<40} {s:>11,} {100 * s / total:>5.1f}% {gz * s / total / 1e3:>10.1f}")
            res["breakdown"].append({"crate": c, "code_bytes": s, "share": s / total})
            shown += s
        rest = code - shown
        print(f"  {'(other crates)':<40} {rest:>11,} {100 * rest / total:>5.1f}% {gz * rest / total / 1e3:>10.1f}")
        print(f"  {'data segments (strings, lexicons, tables)':<40} {data:>11,} {100 * data / total:>5.1f}% {gz * data / total / 1e3:>10.1f}")
        print(f"  {'types, imports, exports, tables…':<40} {other:>11,} {100 * other / total:>5.1f}% {gz * other / total / 1e3:>10.1f}")
        groups = {
            "article extraction (dom_smoothie, dom_query, html5ever, markup5ever, selectors, cssparser, …)": ("dom_smoothie", "dom_query", "html5ever", "markup5ever", "selectors", "cssparser", "tendril", "string_cache", "precomputed_hash", "phf", "foldhash", "flagset", "gjson", "bit_set", "nodeset", "tinyvec", "unicode_segmentation", "smallvec", "servo_arc", "encoding_rs", "utf8", "web_atoms", "mac", "futf", "new_debug_unreachable"),
            "whosaid (the analysis)": ("whosaid",),
            "aho_corasick": ("aho_corasick",),
            "serde / serde_json": ("serde", "serde_json", "serde_core", "ryu", "itoa"),
        }
        res["groups"] = {}
        print("  grouped:")
        for g, crates in groups.items():
            s = sum(v for k, v in by.items() if k in crates)
            res["groups"][g] = s
            print(f"    {g:<90} {s:>9,} code bytes ({100 * s / total:.1f}%, ≈ {gz * s / total / 1e3:.0f} KB gzip)")
        res["rustc_bytes"] = len(b)
    if a.out:
        json.dump(res, open(a.out, "w"), indent=1)
    if gz / 1e3 > TARGET_GZIP_KB:
        sys.exit(1)


if __name__ == "__main__":
    main()
