"""Speed of Russian extraction, model load included, against reading the text alone.

Usage: python benchmarks/extract_ru.py [--tokens 40000]

The texts are the real Russian news of ../shared/data/news/ru, repeated to about --tokens
tokens. Each measure runs in a fresh Python process on one core (``taskset -c 0`` when
available), so the time includes importing the code and loading natasha's NER model, the
embeddings and pymorphy3's dictionary. The baseline, measured in the same run on the same
text, is razdel's sentences and tokens alone (the text core of the Russian pipeline): the
ratio is what extraction costs on top of reading the text.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news" / "ru"

_CHILD = r"""
import json, sys, time
start = time.perf_counter()
texts = json.load(sys.stdin)
if sys.argv[1] == "core":
    from razdel import sentenize, tokenize
    for text in texts:
        for s in sentenize(text):
            list(tokenize(s.text))
else:
    from qogam.nlp.extract import extract
    for text in texts:
        extract(text, lang="ru")
print(time.perf_counter() - start)
"""


def _run(mode: str, texts: list[str]) -> float:
    command = [sys.executable, "-c", _CHILD, mode]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    started = time.perf_counter()
    done = subprocess.run(command, input=json.dumps(texts), capture_output=True, text=True, check=True)
    wall = time.perf_counter() - started
    return max(float(done.stdout.strip().splitlines()[-1]), 0.0) or wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=40_000, help="about how many tokens to extract from")
    args = parser.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"benchmarks/extract_ru.py: {NEWS} is missing (../shared beside the repository)")
    from razdel import tokenize

    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(NEWS.glob("*.json"))]
    once = sum(len(list(tokenize(t))) for t in texts)
    corpus = texts * max(1, args.tokens // once)
    tokens = once * max(1, args.tokens // once)
    core = _run("core", corpus)
    full = _run("extract", corpus)
    print(f"Russian extraction over {tokens:,} tokens, one process each, load included: "
          f"extraction {tokens / full:,.0f} tokens/s ({full:.1f} s); baseline razdel alone "
          f"{tokens / core:,.0f} tokens/s ({core:.1f} s); ratio {core / full:.3f}")


if __name__ == "__main__":
    main()
