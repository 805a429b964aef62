"""WhoSaid for Python: who is quoted in a news article, and what each side wants.

The same Rust core as the browser extension and the command line. Every report is a ``dict`` with the
same fields as ``whosaid analyze FILE`` prints (see the repository README); its offsets (``start``,
``end`` of every span) are **code points**, i.e. Python string indices into ``report["text"]``.

>>> import whosaid
>>> r = whosaid.analyze("“We will not back down,” Prime Minister Jane Roe said on Monday.")
>>> r["actors"][r["quotes"][0]["speaker"]]["name"]
'Jane Roe'
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _whosaid

__all__ = [
    "analyze",
    "analyze_html",
    "analyze_many",
    "quotes_table",
    "statements_table",
    "QUOTE_COLUMNS",
    "STATEMENT_COLUMNS",
    "__version__",
]

__version__: str = _whosaid.version()

Report = Dict[str, Any]
Row = Dict[str, Any]


def _text(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def analyze(text: str) -> Report:
    """Analyses plain text and returns its report (code-point offsets into ``report["text"]``)."""
    return json.loads(_whosaid.analyze(_text(text, "text")))


def analyze_html(html: str, url: Optional[str] = None) -> Report:
    """Analyses a page: finds the article in ``html``, then analyses its text. ``url`` (optional) is
    the page's address, for relative links and the report's metadata."""
    if url is not None:
        _text(url, "url")
    return json.loads(_whosaid.analyze_html(_text(html, "html"), url))


def analyze_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Report]:
    """Analyses many plain texts, in order, on ``threads`` threads (default: the machine's cores).
    The GIL is released while the core runs, so the batch scales with the cores."""
    items = [_text(t, "every text") for t in texts]
    if threads is not None and (not isinstance(threads, int) or threads < 1):
        raise ValueError("threads must be a positive int")
    return [json.loads(r) for r in _whosaid.analyze_many(items, threads)]


#: The columns of :func:`quotes_table`, in order.
QUOTE_COLUMNS = ("doc", "quote", "speaker", "role", "affiliation", "side", "kind", "text", "start", "end",
                 "cue", "confidence", "rule")
#: The columns of :func:`statements_table`, in order.
STATEMENT_COLUMNS = ("doc", "statement", "actor", "role", "affiliation", "side", "type", "text", "start",
                     "end", "via", "target", "quote", "conditional", "negated", "future", "confidence", "rule")


def _sides(report: Report) -> Dict[int, Optional[str]]:
    side = {}
    for group in report.get("sides", []):
        for a in group.get("actors", []):
            side[a["actor"]] = group.get("side")
    return side


def _ids(reports: Sequence[Report], ids: Optional[Sequence[Any]]) -> Sequence[Any]:
    if ids is None:
        return range(len(reports))
    if len(ids) != len(reports):
        raise ValueError(f"{len(ids)} ids for {len(reports)} reports")
    return ids


def _table(rows: List[Row], columns: Sequence[str], arrow: bool) -> Union[List[Row], Any]:
    if not arrow:
        return rows
    try:
        import pyarrow as pa
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("arrow=True needs pyarrow (pip install pyarrow)") from e
    return pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: [] for c in columns})


def quotes_table(reports: Sequence[Report], ids: Optional[Sequence[Any]] = None, arrow: bool = False):
    """One row per quote of every report (columns :data:`QUOTE_COLUMNS`), as a list of dicts, or a
    ``pyarrow.Table`` with ``arrow=True`` (``pandas.DataFrame(rows)`` works on the list). ``doc`` is the
    report's id from ``ids`` (default: its position)."""
    rows: List[Row] = []
    for doc, r in zip(_ids(reports, ids), reports):
        side = _sides(r)
        for q in r["quotes"]:
            a = r["actors"][q["speaker"]] if q.get("speaker") is not None else None
            rows.append({
                "doc": doc, "quote": q["id"],
                "speaker": a["name"] if a else None, "role": a["role"] if a else None,
                "affiliation": a["affiliation"] if a else None,
                "side": side.get(q["speaker"]) if a else None,
                "kind": q["kind"], "text": r["text"][q["span"]["start"]:q["span"]["end"]],
                "start": q["span"]["start"], "end": q["span"]["end"],
                "cue": q.get("cue_lemma"), "confidence": q.get("confidence"), "rule": q.get("rule"),
            })
    return _table(rows, QUOTE_COLUMNS, arrow)


def statements_table(reports: Sequence[Report], ids: Optional[Sequence[Any]] = None, arrow: bool = False):
    """One row per statement (demand, threat, commitment, rejection, denial, accusation, position) of
    every report (columns :data:`STATEMENT_COLUMNS`), as a list of dicts or a ``pyarrow.Table``."""
    rows: List[Row] = []
    for doc, r in zip(_ids(reports, ids), reports):
        side = _sides(r)
        for s in r["statements"]:
            a = r["actors"][s["actor"]]
            via = r["actors"][s["via"]]["name"] if s.get("via") is not None else None
            rows.append({
                "doc": doc, "statement": s["id"], "actor": a["name"], "role": a["role"],
                "affiliation": a["affiliation"], "side": side.get(s["actor"]), "type": s["type"],
                "text": r["text"][s["span"]["start"]:s["span"]["end"]],
                "start": s["span"]["start"], "end": s["span"]["end"], "via": via, "target": s.get("target"),
                "quote": s.get("quote"), "conditional": s.get("conditional"), "negated": s.get("negated"),
                "future": s.get("future"), "confidence": s.get("confidence"), "rule": s.get("rule"),
            })
    return _table(rows, STATEMENT_COLUMNS, arrow)
