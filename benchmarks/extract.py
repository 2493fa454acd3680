"""Accuracy and speed of `qogam extract` (qogam.nlp.extract) on the article sets with gold.

Usage: python benchmarks/extract.py [--sets examples,extract_dev,extract_blind] [--no-model]

Accuracy: per set, precision/recall/F1 of persons (by name), organisations (by name), posts
(person, role, organisation) and quotes (speaker, text), compared after normalisation, and
their macro F1 — the measure of the held-out evaluation (qogam.nlp.extract.scoring).

Real text: with --kaznerd PATH, persons are also scored on the last contiguous 20 % of the
KazNERD sentences (real television news): every PERSON span of two or more words, brought to
the nominative, against the persons `extract` finds in the sentence (word order ignored, so
"Сүйінбаев Жанболат" matches "Жанболат Сүйінбаев"). One-word names are left out on both
sides (KazNERD marks "Тоқаевтың" alone as a person; extraction keeps a lone name only when it
joins a full name of the document or the model agrees). Note: the shipped NER model was trained
on all of KazNERD, this block included, so with the model the recall here is optimistic;
`--no-model` gives the rules' own figure.

Speed: tokens per second of the whole extraction (NER model included unless --no-model) over
all the articles of the sets plus the seed article, repeated to about 100k tokens, on one
core. The baseline measured in the same run on the same text is the text core alone
(normalisation, sentences, tokens): the ratio is what extraction costs on top of reading.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from qogam.nlp.extract import extract
from qogam.nlp.extract.scoring import KINDS, Score, score
from qogam.nlp.tokens import split_sentences

REPO = Path(__file__).resolve().parents[1]
SETS = {
    "examples": REPO / "examples" / "articles",
    "extract_dev": REPO / "benchmarks" / "extract_dev",
    "extract_blind": REPO / "benchmarks" / "extract_blind",
    "extract_blind2": REPO / "benchmarks" / "extract_blind2",
    "seed": REPO.parent / "shared" / "data" / "seed",
}


def evaluate(directory: Path, use_model: bool) -> dict[str, Score]:
    totals = {kind: Score(0, 0, 0) for kind in KINDS}
    for path in sorted(directory.glob("*.txt")):
        gold_path = path.with_suffix(".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        predicted = extract(path.read_text(encoding="utf-8"), use_model=use_model).to_json()
        for kind, value in score(predicted, gold).items():
            totals[kind] = totals[kind] + value
    return totals


def kaznerd_persons(path: Path, use_model: bool) -> Score:
    """Multi-word PERSON spans of KazNERD's last 20 % of sentences against extracted persons."""
    from qogam.nlp.kk.lemmatizer import lemmatize_name
    from qogam.nlp.normalize import fold_case

    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        token, _, label = line.partition(" ")
        current.append((token, label.strip()))
    if current:
        sentences.append(current)
    total = Score(0, 0, 0)
    for sentence in sentences[int(len(sentences) * 0.8) :]:
        spans: list[list[str]] = []
        for token, label in sentence:
            if label == "B-PERSON":
                spans.append([token])
            elif label == "I-PERSON" and spans:
                spans[-1].append(token)
        key = lambda name: tuple(sorted(fold_case(name).split()))  # noqa: E731
        gold = {key(lemmatize_name(" ".join(span))) for span in spans if len(span) >= 2}
        text = " ".join(token for token, _ in sentence)
        found = {key(p.name) for p in extract(text, lang="kk", use_model=use_model).persons if " " in p.name}
        total = total + Score(len(gold & found), len(found), len(gold))
    return total


def speed(texts: list[str], use_model: bool, target_tokens: int = 100_000) -> tuple[float, float, int]:
    """Return (extraction tokens/s, text-core tokens/s, tokens) over ``texts`` repeated."""
    tokens_once = sum(len(s.tokens) for t in texts for s in split_sentences(t))
    repeat = max(1, target_tokens // max(tokens_once, 1))
    corpus = texts * repeat
    start = time.perf_counter()
    for text in corpus:
        split_sentences(text)
    core = time.perf_counter() - start
    start = time.perf_counter()
    for text in corpus:
        extract(text, use_model=use_model)
    full = time.perf_counter() - start
    total = tokens_once * repeat
    return total / full, total / core, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="seed,examples,extract_dev,extract_blind,extract_blind2")
    parser.add_argument("--no-model", action="store_true", help="rules only")
    parser.add_argument("--kaznerd", type=Path, help="KazNERD IOB2 file: also score persons on real text")
    args = parser.parse_args()
    use_model = not args.no_model
    texts: list[str] = []
    for name in args.sets.split(","):
        directory = SETS[name]
        if not directory.is_dir():
            print(f"{name}: {directory} not found, skipped")
            continue
        texts += [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
        totals = evaluate(directory, use_model)
        cells = "  ".join(f"{k} P {v.precision:.3f} R {v.recall:.3f} F1 {v.f1:.3f}" for k, v in totals.items())
        macro = sum(v.f1 for v in totals.values()) / len(totals)
        print(f"{name}: macro F1 {macro:.3f}  |  {cells}")
    if args.kaznerd:
        result = kaznerd_persons(args.kaznerd, use_model)
        print(f"kaznerd (last 20 %, multi-word PERSON): P {result.precision:.3f} R {result.recall:.3f} "
              f"F1 {result.f1:.3f} ({result.gold} names)")
    if texts:
        rate, core, total = speed(texts, use_model)
        print(f"speed over {total:,} tokens: extraction {rate:,.0f} tokens/s; "
              f"baseline text core {core:,.0f} tokens/s; ratio {rate / core:.3f}")


if __name__ == "__main__":
    main()
