"""examples/spark_corpus.py in Spark's local mode (local[2]): the quote and statement tables it writes
equal the package's own tables of the same articles (the sample article and generated ones)."""
import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed (pip install './python[spark]')")
pd = pytest.importorskip("pandas")

import whosaid  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "fixtures" / "seed" / "000_64ce14edc3ca31c8.txt").read_text(encoding="utf-8")


def example():
    spec = importlib.util.spec_from_file_location("spark_corpus", ROOT / "examples" / "spark_corpus.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def articles():
    names = ["Jane Roe", "Ann Lee", "Omar Haddad", "Maria Lopez"]
    docs = [("seed", SEED)]
    for i in range(12):
        a, b = names[i % 4], names[(i + 1) % 4]
        docs.append((f"gen-{i}", f"“We will not accept plan {i},” Minister {a} said on Monday. "
                                 f"{b} urged the council to hold talks about item {i}, a spokesman said."))
    docs.append(("empty", ""))
    return docs


def test_spark_tables_equal_the_package_tables(tmp_path):
    from pyspark.sql import SparkSession
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers use this environment's whosaid
    docs = articles()
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in docs), encoding="utf-8")
    spark = (SparkSession.builder.master("local[2]").appName("whosaid-test")
             .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    try:
        example().run(spark, str(src), str(tmp_path / "out"))
        got_q = spark.read.parquet(str(tmp_path / "out" / "quotes")).toPandas()
        got_s = spark.read.parquet(str(tmp_path / "out" / "statements")).toPandas()
    finally:
        spark.stop()
    reports = whosaid.analyze_many([t for _, t in docs])
    ids = [i for i, _ in docs]

    def canon(rows, columns):
        df = pd.DataFrame(rows, columns=list(columns))
        key = ["doc", columns[1]]
        return df.astype(object).where(df.notna(), None).sort_values(key).reset_index(drop=True)

    want_q = canon(whosaid.quotes_table(reports, ids=ids), whosaid.QUOTE_COLUMNS)
    want_s = canon(whosaid.statements_table(reports, ids=ids), whosaid.STATEMENT_COLUMNS)
    assert len(want_q) > 20 and len(want_s) > 10
    pd.testing.assert_frame_equal(canon(got_q.to_dict("records"), whosaid.QUOTE_COLUMNS), want_q, check_dtype=False)
    pd.testing.assert_frame_equal(canon(got_s.to_dict("records"), whosaid.STATEMENT_COLUMNS), want_s, check_dtype=False)
