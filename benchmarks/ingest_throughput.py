"""Throughput of ingest on one core, SQLite: N articles (default 1,000) made from the real
news of ../shared — each a new mix of sentences, so that none is a copy of another — ingested
into a fresh registry; the baseline in the same run is the extraction alone on the same texts.

    python benchmarks/ingest_throughput.py [--articles 1000]

Prints articles/s and tokens/s of both, and what the registry part (hashing, near-duplicate
search, linking, writing) costs against the extraction (goal: no more than it).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def articles(n: int, seed: int = 7) -> list[str]:
    from tests.ingest.outlet_pages import news_texts
    from tests.ingest.syndication import sentences

    pool = [s for lang in ("kk", "ru") for _, text in news_texts(lang) for s in sentences(text)]
    if not pool:
        sys.exit("benchmarks/ingest_throughput.py: ../shared/data/news is not beside the repository")
    rng = random.Random(seed)
    return [" ".join(rng.sample(pool, 10)) for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    texts = articles(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QOGAM_DATA_DIR"] = str(Path(tmp) / "data")
        os.environ.pop("DATABASE_URL", None)
        os.environ["DJANGO_SETTINGS_MODULE"] = "qogam.registry.settings"
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        from qogam.nlp.extract import extract
        from qogam.nlp.tokens import tokenize

        tokens = sum(len(tokenize(t)) for t in texts)
        extract(texts[0], lang="auto")  # the models load outside both timings
        start = time.perf_counter()
        for text in texts:
            extract(text, lang="auto")
        extraction = time.perf_counter() - start

        import io

        from qogam.registry import commands

        commands.setup(io.StringIO())
        from qogam.registry.core.services.ingest import ingest_path

        start = time.perf_counter()
        report = ingest_path(folder, progress=False)
        ingest = time.perf_counter() - start
    n = len(texts)
    print(f"{n} articles, {tokens} tokens, one core, SQLite")
    print(f"extraction alone (baseline): {n / extraction:7.1f} articles/s {tokens / extraction:9.0f} tokens/s")
    print(f"qogam ingest:                {n / ingest:7.1f} articles/s {tokens / ingest:9.0f} tokens/s"
          f"  (stored {report.stored}, copies {report.near_duplicates}, duplicates {report.duplicates})")
    registry = ingest - extraction
    print(f"registry part: {registry:.1f} s = {registry / extraction:.2f} × the extraction")


if __name__ == "__main__":
    main()
