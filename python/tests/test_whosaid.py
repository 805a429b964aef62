"""The Python package against the core's own CLI: the same report on the seed article and on PolNeAR
dev (when ../shared is there), the batch path, the tables, and errors as exceptions."""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

import whosaid

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed" / "000_64ce14edc3ca31c8.txt"
CLI = Path(os.environ.get("WHOSAID_BIN", ROOT / "target" / "release" / "whosaid"))
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if (p / "data").is_dir()), None)


def cli_report(text=None, path=None, html=False, url=None):
    if not CLI.exists():
        pytest.skip(f"the CLI is not built ({CLI}); cargo build --release --bin whosaid")
    with tempfile.TemporaryDirectory() as d:
        if path is None:
            path = Path(d) / ("page.html" if html else "doc.txt")
            path.write_text(text, encoding="utf-8")
        args = [str(CLI), "analyze"] + (["--url", url] if url else []) + [str(path)]
        out = subprocess.run(args, check=True, capture_output=True).stdout
    return json.loads(out)


def test_seed_report_equals_the_cli():
    text = SEED.read_text(encoding="utf-8")
    r = whosaid.analyze(text)
    assert r == cli_report(path=SEED)
    assert r["offsets"] == "code_point"
    q = r["quotes"][0]
    # code-point offsets: Python slices give the quote itself
    assert r["text"][q["span"]["start"]:q["span"]["end"]] == text[q["span"]["start"]:q["span"]["end"]]
    assert len(r["quotes"]) >= 10 and r["statements"]


def test_code_points_on_emoji():
    r = whosaid.analyze("😀 “We will win this,” Mayor Ann Lee said.")
    q = r["quotes"][0]
    assert q["span"]["start"] == 2
    assert r["text"][q["span"]["start"]:q["span"]["end"]] == "“We will win this,”"
    assert r["actors"][q["speaker"]]["name"] == "Ann Lee"


@pytest.mark.skipif(SHARED is None, reason="../shared is absent")
def test_polnear_dev_reports_equal_the_cli():
    lines = (SHARED / "data/quotes/polnear/polnear_dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(l)["text"] for l in lines if l.strip()]
    many = whosaid.analyze_many(texts, threads=2)
    assert len(many) == len(texts)
    for text, r in zip(texts, many):
        assert r == cli_report(text)


def test_batch_equals_one_by_one_on_any_thread_count():
    texts = [SEED.read_text(encoding="utf-8"), "", "“No,” she said.", "Plain words, no quotes."] * 3
    one = [whosaid.analyze(t) for t in texts]
    for threads in (None, 1, 2, 5):
        assert whosaid.analyze_many(texts, threads=threads) == one
    assert whosaid.analyze_many([]) == []


def test_html_page_and_url():
    html = "<html><body><article><p>“We stay,” said Mayor Ann Lee on Monday, as the council met in Northfield to vote on the budget for next year.</p><p>The vote was put off until the spring, when the council will also decide on the new bridge and the bus routes.</p></article></body></html>"
    r = whosaid.analyze_html(html, url="https://news.example/a")
    assert r == cli_report(html, html=True, url="https://news.example/a")
    assert r["article"]["url"] == "https://news.example/a" and r["source"] == "article"
    assert r["actors"][r["quotes"][0]["speaker"]]["name"] == "Ann Lee"


def test_tables_have_a_row_per_quote_and_statement():
    texts = [SEED.read_text(encoding="utf-8"), "“We will not back down,” Prime Minister Jane Roe said."]
    reports = whosaid.analyze_many(texts)
    quotes = whosaid.quotes_table(reports, ids=["seed", "short"])
    assert len(quotes) == sum(len(r["quotes"]) for r in reports)
    assert all(tuple(row) == whosaid.QUOTE_COLUMNS for row in quotes)
    short = [row for row in quotes if row["doc"] == "short"]
    assert short[0]["speaker"] == "Jane Roe" and short[0]["text"].startswith("“We will not back down")
    statements = whosaid.statements_table(reports)
    assert len(statements) == sum(len(r["statements"]) for r in reports)
    assert {row["type"] for row in statements} <= {"demand", "threat", "commitment", "rejection", "denial", "accusation", "position"}
    putin = [row for row in statements if row["actor"] == "Vladimir Putin"]
    assert putin and all(row["side"] == "Russia" for row in putin)
    with pytest.raises(ValueError):
        whosaid.quotes_table(reports, ids=["only one"])


def test_arrow_tables_when_pyarrow_is_there():
    pa = pytest.importorskip("pyarrow")
    t = whosaid.quotes_table([whosaid.analyze("“No,” Jane Roe said.")], arrow=True)
    assert isinstance(t, pa.Table) and t.num_rows == 1


def test_errors_are_exceptions():
    with pytest.raises(TypeError):
        whosaid.analyze(123)
    with pytest.raises(TypeError):
        whosaid.analyze_many(["ok", None])
    with pytest.raises(ValueError):
        whosaid.analyze_many(["ok"], threads=0)
    with pytest.raises(UnicodeEncodeError):
        whosaid.analyze("a lone surrogate \ud800")
    # odd but valid input is a report, not an error
    for s in ["", "\x00" * 1000, "“" * 500, "\u202eabc\u200b"]:
        assert isinstance(whosaid.analyze(s), dict)
