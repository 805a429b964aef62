"""WhoSaid over a corpus on Spark: a Parquet or JSONL file of articles in, quote and statement tables out.

Input rows have an ``id`` and a ``text`` (plain text) or an ``html`` (a page; an optional ``url``
column gives its address). Each Spark task analyses its batch of articles with
``whosaid.analyze_many`` (the GIL released, every core of the executor used) and the reports become
two Parquet tables, ``OUT/quotes`` and ``OUT/statements``, with the columns of
``whosaid.QUOTE_COLUMNS`` / ``whosaid.STATEMENT_COLUMNS`` (offsets are code points into the article's
analysed text).

Local:    python examples/spark_corpus.py articles.jsonl out/
Cluster:  build the wheel once (``pip wheel ./python -w dist``), then
          spark-submit --master yarn --py-files dist/whosaid-*.whl examples/spark_corpus.py s3://…/articles.parquet s3://…/out
          (or install the wheel on every executor: it is a compiled module, so it must match their
          platform and Python, e.g. built on the same image).
"""
from __future__ import annotations

import argparse
import json
from typing import Iterator

import pandas as pd

import whosaid

_TYPES = {"doc": "string", "quote": "long", "statement": "long", "start": "long", "end": "long",
          "confidence": "double", "conditional": "boolean", "negated": "boolean", "future": "boolean"}


def schema(columns) -> str:
    """A Spark DDL schema for a whosaid table (every column a string unless typed above)."""
    return ", ".join(f"`{c}` {_TYPES.get(c, 'string')}" for c in columns)


def _reports(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """(id, text or html[, url]) batches → (id, report) batches, the report as JSON text."""
    for pdf in batches:
        ids = [str(i) for i in pdf["id"]]
        if "text" in pdf.columns:
            reports = whosaid.analyze_many([t if isinstance(t, str) else "" for t in pdf["text"]])
        else:
            urls = pdf["url"] if "url" in pdf.columns else [None] * len(pdf)
            reports = [whosaid.analyze_html(h if isinstance(h, str) else "", u if isinstance(u, str) else None)
                       for h, u in zip(pdf["html"], urls)]
        yield pd.DataFrame({"id": ids, "report": [json.dumps(r) for r in reports]})


def _rows(table, columns):
    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for pdf in batches:
            reports = [json.loads(r) for r in pdf["report"]]
            rows = table(reports, ids=list(pdf["id"]))
            yield pd.DataFrame(rows, columns=list(columns))
    return run


def run(spark, source: str, out: str) -> None:
    """Reads the articles at `source` (Parquet, or JSON lines when it ends in .jsonl/.json) and writes
    `out`/quotes and `out`/statements as Parquet."""
    reader = spark.read.json if source.endswith((".jsonl", ".json")) else spark.read.parquet
    articles = reader(source)
    reports = articles.mapInPandas(_reports, schema="id string, report string").cache()
    reports.mapInPandas(_rows(whosaid.quotes_table, whosaid.QUOTE_COLUMNS), schema=schema(whosaid.QUOTE_COLUMNS)) \
        .write.mode("overwrite").parquet(f"{out}/quotes")
    reports.mapInPandas(_rows(whosaid.statements_table, whosaid.STATEMENT_COLUMNS),
                        schema=schema(whosaid.STATEMENT_COLUMNS)) \
        .write.mode("overwrite").parquet(f"{out}/statements")
    reports.unpersist()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", help="articles: Parquet, or JSON lines (.jsonl)")
    ap.add_argument("out", help="output folder: quotes/ and statements/ (Parquet)")
    args = ap.parse_args()
    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("whosaid-corpus").getOrCreate()
    try:
        run(spark, args.source, args.out)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
