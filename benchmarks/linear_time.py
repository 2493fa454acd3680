"""Is every text-core and extraction step linear in its input? Each step runs on texts that
double from 64 KB to 4 MB — pathological ones that used to blow up, and real news — and the
time ratio of each doubling is reported (linear: about 2; the bar is at most 2.5).

    python benchmarks/linear_time.py [--min-kb 64] [--max-kb 4096] [--steps tokenize,extract-kk]

Texts (each cut to the size, in characters):
- ``dashes``: "1-1-1-…" (the e-mail and address patterns once backtracked on it);
- ``at-signs``: "a@a-a.a@…" (the e-mail pattern's worst case);
- ``dots``: "www.www.…" and "a.a.a.…";
- ``org-nouns``: "қоғамдық бірлестігі қоғамдық кеңесі …" repeated (organisation extraction);
- ``one-line``: the real Kazakh news of ../shared (or the sample articles) joined into one line;
- ``real``: the same texts, paragraphs kept;
- ``combining``: letters each with a stack of combining marks.

Steps: normalize, tokenize, sentences, lemmatize (every word of the text, as one string),
extract-kk and extract-ru (rules and models). Times are the best of ``--repeat`` runs; a
ratio is counted from 50 ms (below it, noise); the
baseline of each row is the step's own time at the smallest size, so the ratios say how it
grows, measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"


def _real(lang: str = "kk") -> str:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted((NEWS / lang).glob("*.json"))]
    if not texts:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples" / "articles").glob("*.txt"))]
    return "\n\n".join(texts)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def texts() -> dict[str, Callable[[int], str]]:
    real = _real()
    one_line = " ".join(real.split())
    return {
        "dashes": lambda n: _repeat("1-", n),
        "at-signs": lambda n: _repeat("a@a-a.a", n),
        "dots": lambda n: _repeat("www.a.", n),
        "org-nouns": lambda n: _repeat("қоғамдық бірлестігі қоғамдық кеңесі ", n),
        "one-line": lambda n: _repeat(one_line + " ", n),
        "real": lambda n: _repeat(real + "\n\n", n),
        "combining": lambda n: _repeat("а\u0301\u0308\u0306 ", n),
    }


def steps() -> dict[str, Callable[[str], object]]:
    from qogam.nlp.extract import extract
    from qogam.nlp.kk.lemmatizer import lemmatize
    from qogam.nlp.normalize import normalize
    from qogam.nlp.tokens import split_sentences, tokenize

    return {
        "normalize": normalize,
        "tokenize": tokenize,
        "sentences": split_sentences,
        "lemmatize": getattr(lemmatize, "__wrapped__", lemmatize),  # not its cache: each run computes
        "extract-kk": lambda t: extract(t, lang="kk"),
        "extract-ru": lambda t: extract(t, lang="ru"),
    }


def timed(step: Callable[[str], object], text: str, repeat: int) -> float:
    """The best of ``repeat`` runs (every size the same number, so that the lexicons' caches
    are as warm at 4 MB as at 64 KB)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        step(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-kb", type=int, default=64)
    parser.add_argument("--max-kb", type=int, default=4096)
    parser.add_argument("--steps", default="", help="Comma-separated steps (default: all).")
    parser.add_argument("--texts", default="", help="Comma-separated texts (default: all).")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--bar", type=float, default=2.5)
    args = parser.parse_args()
    chosen_steps = {k: v for k, v in steps().items() if not args.steps or k in args.steps.split(",")}
    chosen_texts = {k: v for k, v in texts().items() if not args.texts or k in args.texts.split(",")}
    sizes = []
    size = args.min_kb * 1024
    while size <= args.max_kb * 1024:
        sizes.append(size)
        size *= 2
    worst = 0.0
    print(f"{'step':11} {'text':10} " + " ".join(f"{s // 1024:>7}K" for s in sizes) + "   ratios per doubling")
    for step_name, step in chosen_steps.items():
        step("warm up: Қазақстан")
        for text_name, make in chosen_texts.items():
            times = [timed(step, make(s), args.repeat) for s in sizes]
            # below 50 ms a ratio is mostly the timer's and the machine's noise: count it from there
            ratios = [b / a for a, b in zip(times, times[1:]) if a >= 0.05]
            worst = max([worst, *ratios])
            print(f"{step_name:11} {text_name:10} " + " ".join(f"{t:>7.2f}s" for t in times) + "   "
                  + " ".join(f"{r:.2f}" for r in ratios), flush=True)
    print(f"worst ratio per doubling: {worst:.2f} (bar {args.bar})")
    return 0 if worst <= args.bar else 1


if __name__ == "__main__":
    raise SystemExit(main())
