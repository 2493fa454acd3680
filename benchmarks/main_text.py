"""What the HTML reader keeps of an article page: the real news of ../shared/data/news poured
into the outlet page templates of benchmarks/page_templates, read back by
qogam.ingest.documents.html_document (trafilatura).

    python benchmarks/main_text.py [--json]

Prints, per template and language and over all: the share of the article's characters kept
(goal ≥ 0.95) and the share of the stored text that is boilerplate (goal ≤ 0.05), weighted by
characters, with the time per page; the baseline is reading the same pages' bytes as UTF-8
text (what ingest did before: 100 % kept, the whole page's markup stored).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qogam.ingest.documents import html_document
from tests.ingest.outlet_pages import build_page, measure, news_texts, templates


def run() -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    total = {"kept": 0.0, "boilerplate": 0.0, "chars": 0.0, "stored": 0.0, "pages": 0.0, "seconds": 0.0,
             "baseline_boilerplate": 0.0, "baseline_stored": 0.0}
    for lang in ("kk", "ru"):
        texts = news_texts(lang)
        for template_name, template in templates().items():
            row = dict.fromkeys(total, 0.0)
            for name, text in texts:
                title = f"{name} жаңалығы"
                page = build_page(template, text, lang, title=title)
                start = time.perf_counter()
                doc = html_document(page.encode(), name)
                row["seconds"] += time.perf_counter() - start
                result = measure(text, doc.text, title)
                row["kept"] += result.kept * len(text)
                row["boilerplate"] += result.boilerplate * len(doc.text)
                row["chars"] += len(text)
                row["stored"] += len(doc.text)
                row["pages"] += 1
                baseline = measure(text, page, title)
                row["baseline_boilerplate"] += baseline.boilerplate * len(page)
                row["baseline_stored"] += len(page)
            for key in total:
                total[key] += row[key]
            rows[f"{lang}/{template_name}"] = _summary(row)
    rows["all"] = _summary(total)
    return rows


def _summary(row: dict[str, float]) -> dict[str, float]:
    return {
        "pages": int(row["pages"]), "kept": round(row["kept"] / max(1, row["chars"]), 4),
        "boilerplate": round(row["boilerplate"] / max(1, row["stored"]), 4),
        "baseline_boilerplate": round(row["baseline_boilerplate"] / max(1, row["baseline_stored"]), 4),
        "ms_per_page": round(1000 * row["seconds"] / max(1, row["pages"]), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    rows = run()
    if rows["all"]["pages"] == 0:
        sys.exit("benchmarks/main_text.py: ../shared/data/news is not beside the repository")
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    print(f"{'set':28} {'pages':>5} {'kept':>6} {'boilerplate':>11} {'baseline bp':>11} {'ms/page':>8}")
    for name, row in rows.items():
        print(f"{name:28} {row['pages']:>5} {row['kept']:>6.3f} {row['boilerplate']:>11.3f} "
              f"{row['baseline_boilerplate']:>11.3f} {row['ms_per_page']:>8.1f}")


if __name__ == "__main__":
    main()
