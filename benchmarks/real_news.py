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

Also reported, from the same predictions: the precision of the items whose confidence reaches
the review queue's bulk-accept threshold, and their share (the calibration figure).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from qogam.nlp.extract import extract

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
SCORER = REPO.parent / "shared" / "tools" / "score_extract.py"
HOST_PREFIXES = ("www.", "m.", "new.", "old.", "kz.", "rus.", "ru.")
HELD_SHARE = 1 / 3


def outlet(source: str) -> str:
    """The outlet of a source URL: its host, lower case, without www./m./language prefixes."""
    host = (urlparse(source).hostname or "").lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    return host


def split(files: list[Path]) -> tuple[list[Path], list[Path]]:
    """(study, held): whole outlets, in sha256 order, held until they reach a third of the texts."""
    by_outlet: dict[str, list[Path]] = {}
    for path in files:
        source = json.loads(path.read_text(encoding="utf-8"))["source"]
        by_outlet.setdefault(outlet(source), []).append(path)
    held: list[Path] = []
    for name in sorted(by_outlet, key=lambda o: hashlib.sha256(o.encode()).hexdigest()):
        if len(held) >= HELD_SHARE * len(files):
            break
        held.extend(by_outlet[name])
    held_set = set(held)
    return [p for p in files if p not in held_set], sorted(held)


def predict(files: list[Path], out: Path, use_model: bool) -> dict[str, dict]:
    predictions = {}
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = extract(gold["text"], use_model=use_model).to_json()
        (out / path.name).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        predictions[path.name] = result
    return predictions


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


def calibration(files: list[Path], predictions: dict[str, dict], threshold: float) -> dict:
    """Precision and share of the scored items whose confidence is at least `threshold`."""
    sc = _load_scorer()
    counts = {kind: [0, 0, 0] for kind in sc.KINDS}  # above: correct, total; all items
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        aliases = {o["name"]: [o["name"], *o.get("aliases", [])] for o in gold["organizations"]}
        for post in gold.get("posts", []):
            post["_org_names"] = aliases.get(post.get("organization"))
        pred = predictions[path.name]
        for kind, get in sc.KINDS.items():
            golds = get(gold)
            items = pred.get(kind, [])
            values = get(pred)
            for item, value in zip(items, values):
                counts[kind][2] += 1
                if _confidence(item) < threshold:
                    continue
                counts[kind][1] += 1
                if any(sc.EQ[kind](g, value) for g in golds):
                    counts[kind][0] += 1
    correct = sum(c[0] for c in counts.values())
    above = sum(c[1] for c in counts.values())
    total = sum(c[2] for c in counts.values())
    return {
        "threshold": threshold,
        "precision": round(correct / above, 3) if above else None,
        "share": round(above / total, 3) if total else None,
        "per_kind": {k: {"precision": round(c[0] / c[1], 3) if c[1] else None,
                         "share": round(c[1] / c[2], 3) if c[2] else None}
                     for k, c in counts.items()},
    }


def _confidence(item: dict) -> float:
    if "confidence" in item:
        return float(item["confidence"])
    evidence = item.get("evidence")
    if isinstance(evidence, dict):
        return float(evidence.get("confidence", 0.0))
    return 0.0


def diff(files: list[Path], predictions: dict[str, dict]) -> None:
    sc = _load_scorer()
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        aliases = {o["name"]: [o["name"], *o.get("aliases", [])] for o in gold["organizations"]}
        for post in gold.get("posts", []):
            post["_org_names"] = aliases.get(post.get("organization"))
        pred = predictions[path.name]
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
    study, held = split(files)
    if args.diff and args.part != "study":
        sys.exit("--diff reads the texts' errors: only with --part study")
    parts = {"study": study, "held": held, "all": files}
    chosen = [args.part] if args.part != "all" else ["study", "held", "all"]
    if args.threshold is None:
        from qogam.nlp.extract.confidence import BULK_ACCEPT_THRESHOLD
        threshold = BULK_ACCEPT_THRESHOLD
    else:
        threshold = args.threshold
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
            result["calibration"] = calibration(parts[name], predictions, threshold)
            print(name, json.dumps(result, ensure_ascii=False))
        if args.diff:
            diff(study, predictions)


if __name__ == "__main__":
    main()
