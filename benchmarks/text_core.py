"""Throughput of the Kazakh text core: normalise + sentences + tokens + lemmas, one core.

Usage: python benchmarks/text_core.py [--data ../shared/data/kaznerd/IOB2_valid.txt] [--repeat 3]

The text is the KazNERD sentences joined back into paragraphs (20 sentences each), or the
bundled example articles when the corpus is absent. The baseline, measured in the same run on
the same text, is a bare regular-expression split (``\\w+|\\S``) with no normalisation, no
offsets kept and no lemmas: the ratio says what the text core costs over the cheapest tokeniser.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from qogam.nlp.kk.lemmatizer import lemmatize_name
from qogam.nlp.kk.morphology import lemma
from qogam.nlp.tokens import split_sentences

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"


def load_text(path: Path) -> str:
    """Return the corpus as plain text paragraphs, or the example articles when it is absent."""
    if not path.exists():
        return "\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "articles").glob("*.txt")))
    sentences: list[str] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            current.append(line.split()[0])
        elif current:
            sentences.append(" ".join(current))
            current = []
    return "\n".join(" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20))


def text_core(text: str) -> int:
    """Run the whole text core over ``text``; return the number of tokens."""
    count = 0
    for sentence in split_sentences(text):
        for tok in sentence.tokens:
            if tok.kind in ("word", "initials"):
                lemmatize_name(tok.norm) if tok.norm[:1].isupper() else lemma(tok.norm)
        count += len(sentence.tokens)
    return count


_BASELINE_RE = re.compile(r"\w+|\S")


def baseline(text: str) -> int:
    return len(_BASELINE_RE.findall(text))


def measure(func, text: str, repeat: int) -> tuple[int, float]:
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = func(text)
        best = min(best, time.perf_counter() - start)
    return count, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = load_text(args.data)
    # The first pass fills the per-word caches as a long ingest would; report it separately.
    cold_start = time.perf_counter()
    tokens = text_core(text)
    cold = time.perf_counter() - cold_start
    tokens, warm = measure(text_core, text, args.repeat)
    base_tokens, base = measure(baseline, text, args.repeat)
    print(f"text: {len(text):,} characters, {tokens:,} tokens (baseline split: {base_tokens:,})")
    print(f"text core, first pass (cold caches): {tokens / cold:,.0f} tokens/s")
    print(f"text core, warm caches:              {tokens / warm:,.0f} tokens/s")
    print(f"baseline regex split:                {base_tokens / base:,.0f} tokens/s")
    print(f"ratio text core (cold) / baseline:   {(tokens / cold) / (base_tokens / base):.3f}")


if __name__ == "__main__":
    main()
