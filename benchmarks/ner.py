"""Kazakh NER: exact-match F1 and tagging speed on a contiguous held-out block of KazNERD.

Usage: python benchmarks/ner.py [--data ../shared/data/kaznerd/IOB2_valid.txt] [--heldout 0.2]
                                [--block last|first|2|3|4] [--extra src/qogam/nlp/ner/data/indomain.conll]
                                [--plain] [--probe]

Trains the tagger with the shipped settings (read from the shipped model's card) on all but
the last (or, with ``--block first``, the first) ``--heldout`` of the sentences (plus
``--extra`` files), then scores and times it on that block; ``--block 2``, ``3`` or ``4``
holds out the second, third or fourth fifth instead. Each block gives one estimate; their
spread is a reminder of how far one block's score is from the truth. A random sample
of sentences would overstate F1: neighbouring KazNERD sentences share entities. Baselines
measured in the same run on the same block:

* ``uncached``: the same model with the per-word-type feature cache turned off, so the
  ratio is what caching buys (the labels are identical);
* ``plain`` (with ``--plain``): a CRF trained on the same sentences with a plain feature set
  (word, lower case, 3-letter suffix and shape of the word and its ±1 neighbours, built per
  token with dicts), the textbook crfsuite recipe.

Speed is tokens per second of feature extraction + Viterbi on one core, cold cache, after
the model is loaded. Needs ../shared; training takes a few minutes.
"""
from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from qogam.nlp.ner import default_model_dir
from qogam.nlp.ner.features import FeatureExtractor
from qogam.nlp.ner.model import NerModel
from qogam.nlp.ner.scorer import score
from qogam.nlp.ner.train import fit, load_data, split_contiguous

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "kaznerd" / "IOB2_valid.txt"


class UncachedExtractor(FeatureExtractor):
    """The shipped feature set computed afresh for every token (the cache is never read)."""

    def _lookup(self, word: str) -> Any:
        return self._type_features(word)


def plain_features(tokens: Sequence[str]) -> list[dict[str, Any]]:
    """Return the textbook per-token feature dicts: word, lower, suffix, shape at -1, 0, +1."""

    def of(word: str, prefix: str) -> dict[str, Any]:
        return {
            prefix + "lower": word.lower(),
            prefix + "suf3": word[-3:].lower(),
            prefix + "title": word.istitle(),
            prefix + "upper": word.isupper(),
            prefix + "digit": word.isdigit(),
        }

    out = []
    for i, word in enumerate(tokens):
        feats: dict[str, Any] = {"bias": 1.0, "word": word, "suf2": word[-2:].lower(), **of(word, "")}
        feats.update(of(tokens[i - 1], "-1:") if i else {"BOS": True})
        feats.update(of(tokens[i + 1], "+1:") if i + 1 < len(tokens) else {"EOS": True})
        out.append(feats)
    return out


# The probe's exact-match F1 on the official KazNERD test split, as quoted in the NER issue:
# a rich-feature crfsuite CRF trained on IOB2_valid.txt only.
PROBE_TEST_F1 = {
    "overall": 85.8, "PERSON": 90.2, "ORGANISATION": 69.0, "POSITION": 83.7, "GPE": 89.8,
    "LOCATION": 64.7, "DATE": 89.0, "EVENT": 43.5,
}
# Feature switches that turn the shipped set into the list-free one.
LIST_FREE = {"gazetteers": False, "lookahead": False, "multiword": False}


def timed_tagging(tag: Any, sentences: list[list[str]]) -> tuple[list[list[str]], float]:
    """Return (labels of every sentence, tokens per second)."""
    started = time.perf_counter()
    labels = [tag(tokens) for tokens in sentences]
    elapsed = time.perf_counter() - started
    return labels, sum(map(len, sentences)) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--heldout", type=float, default=0.2)
    parser.add_argument(
        "--block", choices=("last", "first", "2", "3", "4"), default="last",
        help="which contiguous block to hold out: the last or first --heldout, or the 2nd, 3rd or 4th fifth",
    )
    parser.add_argument("--plain", action="store_true", help="also train and time the plain-feature CRF baseline")
    parser.add_argument("--probe", action="store_true", help="also train the list-free CRF and project onto the official test split")
    args = parser.parse_args()
    if not args.data.exists():
        raise SystemExit(f"{args.data} not found: this benchmark needs ../shared beside the repository")

    card = json.loads((default_model_dir() / "card.json").read_text(encoding="utf-8"))
    crf, features = card["crf"], card["features"]
    everything = load_data(args.data).sentences
    if args.block == "last":
        head, block = split_contiguous(everything, args.heldout)
    elif args.block == "first":
        block, head = split_contiguous(everything, 1 - args.heldout)
    else:
        k = int(args.block) - 1
        start, end = round(len(everything) * k / 5), round(len(everything) * (k + 1) / 5)
        block, head = everything[start:end], everything[:start] + everything[end:]
    train_part = head + [s for path in args.extra for s in load_data(path).sentences]
    sentences = [tokens for tokens, _ in block]
    gold = [labels for _, labels in block]
    n_tokens = sum(map(len, sentences))
    print(f"held-out block: {args.block} {len(block)} sentences ({n_tokens} tokens) of {args.data.name}; "
          f"training on {len(train_part)} sentences with {crf}")

    weights, config, seconds = fit(train_part, crf, features)
    model = NerModel(weights, {"features": config})
    labels, speed = timed_tagging(model.tag_tokens, sentences)
    rows = [("qogam (cached features)", score(gold, labels), speed, seconds, len(weights))]

    uncached = NerModel(weights, {"features": config})
    uncached.features = UncachedExtractor(config)
    labels_u, speed_u = timed_tagging(uncached.tag_tokens, sentences)
    assert labels_u == labels, "caching must not change a label"
    rows.append(("same model, uncached", score(gold, labels_u), speed_u, seconds, len(weights)))

    if args.plain:
        started = time.perf_counter()
        trainer = pycrfsuite.Trainer(verbose=False)
        for tokens, tags in train_part:
            trainer.append(plain_features(tokens), tags)
        trainer.set_params({"c1": crf["c1"], "c2": crf["c2"], "max_iterations": crf["max_iterations"],
                            "feature.possible_transitions": True})
        path = Path("/tmp") / f"qogam-ner-plain-{time.time_ns()}.crfsuite"
        trainer.train(str(path))
        plain_seconds = time.perf_counter() - started
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        labels_p, speed_p = timed_tagging(lambda t: tagger.tag(plain_features(t)), sentences)
        rows.append(("plain-feature CRF", score(gold, labels_p), speed_p, plain_seconds, path.stat().st_size))
        path.unlink()

    if args.probe:
        probe_weights, probe_config, probe_seconds = fit(train_part, crf, {**features, **LIST_FREE})
        probe = NerModel(probe_weights, {"features": probe_config})
        labels_f, speed_f = timed_tagging(probe.tag_tokens, sentences)
        rows.append(("list-free CRF", score(gold, labels_f), speed_f, probe_seconds, len(probe_weights)))

    base_speed = rows[1][2]
    print(f"\n{'':26} {'F1':>6} {'tokens/s':>9} {'× uncached':>10} {'train s':>8} {'bytes':>9}")
    for name, s, tps, secs, size in rows:
        print(f"{name:26} {100 * s.overall.f1:6.2f} {tps:9.0f} {tps / base_speed:10.2f} {secs:8.0f} {size:9d}")
    print("\nper label (qogam):")
    print(rows[0][1].table())
    if args.probe:
        ours, free = rows[0][1].as_dict(), rows[-1][1].as_dict()
        print("\nprojection onto the official test split (an estimate: probe's test F1 + qogam − list-free here):")
        print(f"{'label':<15} {'qogam':>6} {'free':>6} {'probe':>6} {'proj.':>6}")
        for label, published in PROBE_TEST_F1.items():
            if label in ours and label in free:
                a, b = ours[label]["f1"], free[label]["f1"]
                print(f"{label:<15} {a:6.2f} {b:6.2f} {published:6.1f} {published + a - b:6.1f}")


if __name__ == "__main__":
    main()
