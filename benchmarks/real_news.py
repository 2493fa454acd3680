"""Extraction on the real news of ../shared/data/news, scored by the hidden sets' own scorer.

Usage:
    python benchmarks/real_news.py [--lang kk] [--part study|held|all] [--diff] [--no-model]

The set is split by outlet, never by text, since the hidden sets come from other outlets: the
outlets are ordered by the sha256 of their host name and taken in that order until they hold a
third of the texts (`held`); the rest is `study`, the part whose errors we read. `--diff`
prints, per text of the study part, what was missed and what was extra (it refuses the held
part: those texts stay unread). Predictions are written as `NN.json` next to nothing but a
temporary folder and scored with `../shared/tools/score_extract.py`, exactly as the hidden
evaluation does.

Also reported, from the same predictions: the precision of the facts whose confidence reaches
the review queue's bulk-accept threshold, and their share (the calibration figure). The split is
`qogam.nlp.extract.calibration.outlet_split`, the one the calibration is fitted with.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from qogam.nlp.extract import extract
from qogam.nlp.extract.calibration import BULK_ACCEPT_THRESHOLD, above_threshold, outlet_split

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
SCORER = REPO.parent / "shared" / "tools" / "score_extract.py"
def predict(files: list[Path], out: Path, use_model: bool) -> dict[str, object]:
    """Extract every file's text once; write NN.json for the scorer; return the results by text."""
    predictions = {}
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = extract(gold["text"], use_model=use_model)
        (out / path.name).write_text(json.dumps(result.to_json(), ensure_ascii=False), encoding="utf-8")
        predictions[gold["text"]] = result
    return predictions


def cached(predictions: dict[str, object]):
    """An extract function that answers from the predictions already made."""
    return lambda text: predictions[text]


def official_score(gold_dir: Path, pred_dir: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def _load_scorer():
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_extract", SCORER)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def diff(files: list[Path], predictions: dict[str, dict]) -> None:
    sc = _load_scorer()
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        aliases = {o["name"]: [o["name"], *o.get("aliases", [])] for o in gold["organizations"]}
        for post in gold.get("posts", []):
            post["_org_names"] = aliases.get(post.get("organization"))
        pred = predictions[gold["text"]].to_json()
        lines = []
        for kind, get in sc.KINDS.items():
            golds, preds = get(gold), get(pred)
            used: set[int] = set()
            missed = []
            for g in golds:
                hit = next((i for i, p in enumerate(preds) if i not in used and sc.EQ[kind](g, p)),
                           None)
                if hit is None:
                    missed.append(g)
                else:
                    used.add(hit)
            extra = [p for i, p in enumerate(preds) if i not in used]
            for g in missed:
                lines.append(f"  - {kind}: {_show(kind, g)}")
            for p in extra:
                lines.append(f"  + {kind}: {_show(kind, p)}")
        if lines:
            print(f"{path.name}")
            print("\n".join(lines))


def _show(kind: str, item) -> str:
    if kind == "posts":
        return f"{item['person']} | {item['role']} | {item.get('organization')}"
    if kind == "quotes":
        return f"{item['speaker']}: {item['text'][:70]}"
    if isinstance(item, list):
        return " / ".join(item)
    return str(item)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="kk", choices=["kk", "ru"])
    parser.add_argument("--part", default="all", choices=["study", "held", "all"])
    parser.add_argument("--diff", action="store_true", help="missed/extra items, study part only")
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--threshold", type=float, default=None,
                        help="bulk-accept threshold (default: the review queue's)")
    args = parser.parse_args()
    directory = NEWS / args.lang
    if not SCORER.exists() or not directory.is_dir():
        sys.exit(f"needs {directory} and {SCORER} (../shared beside the repository)")
    files = sorted(directory.glob("*.json"))
    study, held = outlet_split(files)
    if args.diff and args.part != "study":
        sys.exit("--diff reads the texts' errors: only with --part study")
    parts = {"study": study, "held": held, "all": files}
    chosen = [args.part] if args.part != "all" else ["study", "held", "all"]
    threshold = BULK_ACCEPT_THRESHOLD if args.threshold is None else args.threshold
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pred_all = root / "pred"
        pred_all.mkdir()
        needed = files if args.part == "all" else parts[args.part]
        predictions = predict(needed, pred_all, use_model=not args.no_model)
        for name in chosen:
            gold_dir = root / f"gold-{name}"
            gold_dir.mkdir()
            for path in parts[name]:
                (gold_dir / path.name).symlink_to(path)
            result = official_score(gold_dir, pred_all)
            result["texts"] = len(parts[name])
            result["above_threshold"] = above_threshold(parts[name], cached(predictions), threshold)["all"]
            print(name, json.dumps(result, ensure_ascii=False))
        if args.diff:
            diff(study, predictions)


if __name__ == "__main__":
    main()
