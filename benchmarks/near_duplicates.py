"""Near-duplicate detection (qogam.ingest.near_duplicates) on syndicated copies made from the
real news of ../shared/data/news: per edit (new headline, dateline, last fifth cut, a word
changed in every third sentence, all at once) the share of copies linked to their original
(recall), how many were linked to a wrong one, and how many pairs of different real articles
were taken for copies (precision is 1 - those over all links made).

    python benchmarks/near_duplicates.py

The baseline in the same run is the exact duplicate check (normalised text hash), which
finds none of these copies.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from qogam.ingest.near_duplicates import THRESHOLD, NearDuplicateIndex, signature
from qogam.ingest.near_duplicates import text_hash as content_hash
from tests.ingest.outlet_pages import news_texts
from tests.ingest.syndication import copies


def main() -> None:
    texts = [(lang, text) for lang in ("kk", "ru") for _, text in news_texts(lang)]
    if not texts:
        sys.exit("benchmarks/near_duplicates.py: ../shared/data/news is not beside the repository")
    start = time.perf_counter()
    index = NearDuplicateIndex()
    sigs = [signature(text) for _, text in texts]
    for key, sig in enumerate(sigs):
        index.add(key, sig)
    per_edit: dict[str, list[int]] = {}
    wrong = exact = made = 0
    hashes = {content_hash(text): k for k, (_, text) in enumerate(texts)}
    for key, (lang, text) in enumerate(texts):
        for edit, copy in copies(text, lang).items():
            got = index.first_copy_of(signature(copy))
            per_edit.setdefault(edit, []).append(got == key)
            wrong += got is not None and got != key
            exact += hashes.get(content_hash(copy)) == key
            made += 1
    false_pairs = sum(len([k for k in index.copies(sig) if k != key]) for key, sig in enumerate(sigs)) // 2
    seconds = time.perf_counter() - start
    pairs = len(texts) * (len(texts) - 1) // 2
    links = sum(sum(v) for v in per_edit.values()) + wrong + false_pairs
    print(f"{len(texts)} real articles, {made} copies, {pairs} pairs of different articles; threshold {THRESHOLD}")
    for edit, hits in per_edit.items():
        print(f"  {edit:9} recall {sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})")
    recall = sum(sum(v) for v in per_edit.values()) / made
    precision = (links - wrong - false_pairs) / max(1, links)
    print(f"all copies: recall {recall:.3f}, linked to a wrong original {wrong}, different articles taken for copies "
          f"{false_pairs}/{pairs}: precision {precision:.3f}")
    print(f"baseline (exact text hash): recall {exact / made:.3f}")
    same_event = _same_event_pairs()
    if same_event:
        worst = max(same_event)
        print(f"{len(same_event)} pairs of different articles naming two or more of the same people or organisations "
              f"(the same event or body reported twice): highest similarity {worst:.2f}, "
              f"{sum(s >= THRESHOLD for s in same_event)} taken for copies")
    print(f"{seconds:.1f} s for {len(sigs) + made} signatures and queries")


def _same_event_pairs() -> list[float]:
    """Similarities of the pairs of real articles whose gold names two or more of the same
    people or organisations: stories about one event or body by different outlets."""
    import itertools
    import json

    from qogam.ingest.near_duplicates import similarity
    from tests.ingest.outlet_pages import NEWS

    docs = []
    for lang in ("kk", "ru"):
        for path in sorted((NEWS / lang).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            names = {(x["name"] if isinstance(x, dict) else x) for key in ("persons", "organizations")
                     for x in gold.get(key, [])}
            docs.append((names, signature(gold["text"])))
    return [similarity(a[1], b[1]) for a, b in itertools.combinations(docs, 2) if len(a[0] & b[0]) >= 2]


if __name__ == "__main__":
    main()
