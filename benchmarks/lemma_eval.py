"""Evaluate the Kazakh name lemmatiser on inflected names found in KazNERD.

Usage (from the repository root)::

    .venv/bin/python benchmarks/lemma_eval.py [--data PATH] [--block heldout|all] [--errors N]

How the gold list is built (the corpus decides, never the lemmatiser):

1. Read the CoNLL file (``token LABEL``, IOB2, a blank line between sentences) and collect every
   PERSON, GPE and LOCATION span, as its words joined by one space.
2. The *attested forms* are all span strings of the whole file, plus the last word of every
   span (so "Асқар Маминнің" can be checked against "Мамин" seen elsewhere).
3. For each span, strip each ending of a fixed, generic list of Kazakh case endings written out
   below (``_CASE_ENDINGS``; no harmony or assimilation check, so it is deliberately more
   permissive than the lemmatiser). The -н/-на/-нда/-нан… endings that follow a possessive
   are tried only after a stem ending in -ы/-і. If the stripped span, or the stripped last word,
   is an attested form, the pair (span → stripped span) is gold; the longest such ending wins.
4. A span none of whose strippings is attested maps to itself when it is itself attested as
   the stem of another form ("Қызылорда" beside "Қызылордада") or when it does not end in
   anything that looks like a case ending at all ("Шардара", "Назарбаева"). Other spans
   (an inflected-looking form whose stem is never seen, e.g. a lone "Тасты") are left out:
   their gold is unknown.

The held-out block is the last contiguous 20% of the sentences: spans are taken from there,
attestation uses the whole file. The package's lexicons are written from general knowledge;
no entry was derived from this corpus (had one been, it would come from the first 80% only).

Limits of the method, seen when reviewing the generated gold by eye:

* a real name that ends in a case-like string is taken as inflected when the shorter name is
  also attested: "Арыстан" would become "Арыс" if both were entities in the corpus;
* a stem attested as a *different* entity can make a false pair (a surname equal to a place);
* self-mapped forms can be inflected forms whose stem never occurs alone (left out when they
  end in a case-like string, kept when they do not, e.g. a possessive-only form);
* annotation noise: spans that include a case-marked common noun, or cut a name in two;
* only names annotated in this corpus: foreign names are few, women's surnames are many.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"
ENTITY_TYPES = ("PERSON", "GPE", "LOCATION")

# Written out here on purpose (not read from the package) so that gold does not depend on the
# lemmatiser's tables. Longest first.
_PLAIN_ENDINGS = (
    "дағы", "дегі", "тағы", "тегі",
    "ның", "нің", "дың", "дің", "тың", "тің",
    "дан", "ден", "тан", "тен", "нан", "нен",
    "мен", "бен", "пен",
    "ға", "ге", "қа", "ке",
    "да", "де", "та", "те",
    "ны", "ні", "ды", "ді", "ты", "ті",
)
_AFTER_POSSESSIVE = ("ндағы", "ндегі", "нда", "нде", "на", "не", "н")
_CASE_ENDINGS = tuple(sorted(set(_PLAIN_ENDINGS + _AFTER_POSSESSIVE), key=len, reverse=True))


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Return the sentences of a CoNLL IOB2 file as lists of (token, label).

    Raises OSError when the file cannot be read.
    """
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            token, _, label = line.rpartition(" ")
            current.append((token, label))
    if current:
        sentences.append(current)
    return sentences


def entity_spans(sentences: list[list[tuple[str, str]]]) -> list[str]:
    """Return the PERSON, GPE and LOCATION spans of ``sentences`` in order, words joined by a space."""
    spans: list[str] = []
    for sentence in sentences:
        i = 0
        while i < len(sentence):
            label = sentence[i][1]
            if label.startswith("B-") and label[2:] in ENTITY_TYPES:
                kind = label[2:]
                j = i + 1
                while j < len(sentence) and sentence[j][1] == "I-" + kind:
                    j += 1
                spans.append(" ".join(token for token, _ in sentence[i:j]))
                i = j
            else:
                i += 1
    return spans


def _strippings(span: str) -> list[str]:
    """Return the span with each generic case ending removed from its last word, longest first."""
    out = []
    lower = span.lower()
    for ending in _CASE_ENDINGS:
        if not lower.endswith(ending):
            continue
        stem = span[: len(span) - len(ending)]
        if stem.endswith(("-", "'")):
            # "АҚШ-тың": an acronym's case ending is written after a hyphen.
            stem = stem[:-1]
        last = stem.rsplit(" ", 1)[-1]
        if len(last) < 2:
            continue
        if ending in _AFTER_POSSESSIVE and not stem.lower().endswith(("ы", "і")):
            continue
        out.append(stem)
    return out


def build_gold(spans: list[str], attested_spans: set[str]) -> dict[str, str]:
    """Return {form: nominative} for the spans whose gold the corpus decides (see module doc)."""
    attested = set(attested_spans) | {span.rsplit(" ", 1)[-1] for span in attested_spans}
    stems_of_others = {stem for span in attested_spans for stem in _strippings(span)}
    gold: dict[str, str] = {}
    for span in spans:
        if span in gold:
            continue
        chosen = None
        for stem in _strippings(span):
            if stem in attested or stem.rsplit(" ", 1)[-1] in attested:
                chosen = stem
                break
        if chosen is not None:
            gold[span] = chosen
        elif span in stems_of_others or not _strippings(span):
            gold[span] = span
    return gold


def evaluate(gold: dict[str, str]) -> tuple[float, list[tuple[str, str, str]], float]:
    """Return (accuracy, errors as (form, expected, got), words per second on a cold cache)."""
    from qogam.nlp.kk import lemmatizer, morphology

    for cached in (lemmatizer.lemmatize, lemmatizer._lemmatize, lemmatizer._name_cut, morphology._analyse_lower):
        cached.cache_clear()
    forms = list(gold)
    start = time.perf_counter()
    got = [lemmatizer.lemmatize(form) for form in forms]
    elapsed = time.perf_counter() - start
    words = sum(len(form.split()) for form in forms)
    errors = [(form, gold[form], out) for form, out in zip(forms, got) if out != gold[form]]
    accuracy = 1 - len(errors) / len(forms) if forms else 0.0
    return accuracy, errors, (words / elapsed if elapsed else 0.0)


def warm_speed(forms: list[str], rounds: int = 20) -> float:
    """Return words per second of :func:`lemmatize` once every form is cached."""
    from qogam.nlp.kk.lemmatizer import lemmatize

    for form in forms:
        lemmatize(form)
    start = time.perf_counter()
    for _ in range(rounds):
        for form in forms:
            lemmatize(form)
    elapsed = time.perf_counter() - start
    words = rounds * sum(len(form.split()) for form in forms)
    return words / elapsed if elapsed else 0.0


def heldout_gold(path: Path, block: str = "heldout") -> dict[str, str]:
    """Return the gold list of ``block`` ("heldout": last 20% of sentences, or "all")."""
    sentences = read_sentences(path)
    attested = set(entity_spans(sentences))
    if block == "heldout":
        sentences = sentences[int(len(sentences) * 0.8):]
    return build_gold(entity_spans(sentences), attested)


def main(argv: list[str] | None = None) -> int:
    """Print accuracy, errors and speed; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--block", choices=("heldout", "all", "both"), default="both")
    parser.add_argument("--errors", type=int, default=60, help="how many errors to print")
    parser.add_argument("--show-gold", action="store_true", help="print every gold pair for review")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2
    blocks = ("heldout", "all") if args.block == "both" else (args.block,)
    for block in blocks:
        gold = heldout_gold(args.data, block)
        inflected = sum(1 for form, nominative in gold.items() if form != nominative)
        accuracy, errors, speed = evaluate(gold)
        label = "held-out block (last 20% of sentences)" if block == "heldout" else "whole list"
        print(f"== {label}: {len(gold)} forms ({inflected} inflected), accuracy {accuracy:.4f}, "
              f"{speed:,.0f} words/s cold cache, {warm_speed(list(gold)):,.0f} warm")
        if args.show_gold:
            for form, nominative in gold.items():
                print(f"  gold  {form} -> {nominative}")
        kinds = Counter("cut wrongly" if got != form and exp == form else
                        "not cut" if got == form else "wrong cut" for form, exp, got in errors)
        if errors:
            print("   error kinds:", dict(kinds))
        for form, expected, got in errors[: args.errors]:
            print(f"   {form!r}: expected {expected!r}, got {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
