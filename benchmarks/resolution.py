"""Who is who: precision and recall of the registry's candidate pairs, and the time to find them.

    python benchmarks/resolution.py quality [--show]
    python benchmarks/resolution.py speed [--orgs 10000]

**quality** builds a registry from the gold of the real news in ../shared/data/news (kk and ru)
and of examples/articles, the way ingest and review would leave it: one entry per name key
(ingest links an exact key itself), each article a source with evidence for the people and
bodies it names, each gold post a membership. The pairs that are one person or one body in
truth are the ``same`` pairs of tests/nlp/data/name_pairs.tsv and org_pairs.tsv whose origin is
"news" (judged by reading both texts), those of benchmarks/resolution_pairs.tsv (the candidates
judged from the posts and outlets of each name; "unsure" ones count neither way), and two
entries of exactly one name; every other pair is two — ``--show`` prints every candidate and
every missed pair. A second part adds the written names of name_pairs_unseen.tsv (24 same
pairs, 16 close names of different people), one entry per name and nothing else known: the
names alone, scored on the labelled pairs only. Reported: the candidates at the
queue's threshold (precision, recall) and at the top of the queue (score ≥ 0.95).

**speed** fills a registry with ``qogam demo-data --orgs N`` and times the candidate search
of both kinds (``refresh_candidates``) against a baseline measured in the same run: the
comparisons every pair of people would cost (the name comparison of a random sample of
pairs, times the number of pairs).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NEWS = REPO.parent / "shared" / "data" / "news"
PAIRS = REPO / "tests" / "nlp" / "data"


def _django(data: Path) -> None:
    os.environ["QOGAM_DATA_DIR"] = str(data)
    os.environ.pop("DATABASE_URL", None)
    from qogam.registry import setup_django

    setup_django()
    from qogam.registry import commands

    with open(os.devnull, "w") as sink:
        commands.setup(sink)


def _labelled(name: str, origin: str | None = None) -> list[tuple[str, str, bool]]:
    rows = []
    for line in (PAIRS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, verdict, *rest = line.split("\t")
        if origin is None or (rest and rest[0] == origin):
            rows.append((a, b, verdict == "same"))
    return rows


def _gold_files() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for lang in ("kk", "ru"):
        for path in sorted((NEWS / lang).glob("*.json")):
            found.append((f"{lang}/{path.name}", json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted((REPO / "examples" / "articles").glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(path.name.replace(".gold.json", ".txt"))
        if text.exists():
            gold["text"] = text.read_text(encoding="utf-8")
            found.append((f"examples/{path.name}", gold))
    return found


def build_news_registry() -> tuple[dict[str, int], dict[str, int]]:
    """The registry of the gold; returns the person and organisation ids by name."""
    from django.contrib.contenttypes.models import ContentType

    from qogam.nlp.name_keys import organization_key, person_key
    from qogam.registry.core.models import Membership, Organization, Person, Source

    people: dict[str, int] = {}
    orgs: dict[str, int] = {}
    by_key: dict[tuple[str, str], int] = {}
    person_type = ContentType.objects.get_for_model(Person)
    org_type = ContentType.objects.get_for_model(Organization)
    types = set(Organization.Type.values)
    for n, (name, gold) in enumerate(_gold_files()):
        text = gold.get("text") or ""
        source = Source.objects.create(text=text, title=name, content_hash=f"{n:064d}", language=gold.get("lang", "kk"))
        here: dict[str, int] = {}
        for org in gold.get("organizations", []):
            key = ("o", organization_key(org["name"]))
            if key not in by_key:
                lang = "name_ru" if gold.get("lang") == "ru" else "name_kk"
                kind = org.get("type") if org.get("type") in types else "other"
                by_key[key] = Organization.objects.create(**{lang: org["name"]}, classification=kind).pk
            orgs.setdefault(org["name"], by_key[key])
            here[org["name"]] = by_key[key]
            _cite(source, text, org_type, by_key[key], [org["name"], *org.get("aliases", [])])
        for person in gold.get("persons", []):
            key = ("p", person_key(person["name"]))
            if key not in by_key:
                by_key[key] = Person.objects.create(name=person["name"]).pk
            people.setdefault(person["name"], by_key[key])
            _cite(source, text, person_type, by_key[key], person.get("mentions") or [person["name"]])
        for post in gold.get("posts", []):
            pk = people.get(post.get("person") or "")
            if pk and post.get("organization") in here:
                Membership.objects.get_or_create(person_id=pk, organization_id=here[post["organization"]], role=post["role"])
    return people, orgs


def _cite(source: Any, text: str, content_type: Any, pk: int, forms: list[str]) -> None:
    from qogam.registry.core.models import Evidence

    for form in forms:
        start = text.find(form)
        if start >= 0:
            Evidence.objects.get_or_create(source=source, content_type=content_type, object_id=pk, start=start,
                                           end=start + len(form))
            return


def _labels(ids: dict[str, int]) -> tuple[set[frozenset[int]], set[frozenset[int]]]:
    """The judged pairs of these entries: (same, unsure) — everything else is two."""
    same: set[frozenset[int]] = set()
    unsure: set[frozenset[int]] = set()
    rows = [(a, b, "same" if same_ else "different") for a, b, same_ in
            _labelled("name_pairs.tsv", "news") + _labelled("org_pairs.tsv", "news")]
    for line in (REPO / "benchmarks" / "resolution_pairs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b, verdict, *_ = line.split("\t")
            rows.append((a, b, verdict))
    for a, b, verdict in rows:
        if a in ids and b in ids and ids[a] != ids[b]:
            pair = frozenset({ids[a], ids[b]})
            (same if verdict == "same" else unsure if verdict == "unsure" else set()).add(pair)
    return same, unsure


def _score(found: list[Any], same: set[frozenset[int]], unsure: set[frozenset[int]], threshold: float) -> dict[str, Any]:
    offered = {frozenset({c.left, c.right}) for c in found if c.score >= threshold} - unsure
    right = offered & same
    return {"threshold": threshold, "offered": len(offered), "right": len(right), "same_pairs": len(same),
            "precision": round(len(right) / len(offered), 3) if offered else None,
            "recall": round(len(right) / len(same), 3) if same else None}


def quality(show: bool) -> None:
    if not NEWS.exists():
        sys.exit(f"{NEWS} not found: this benchmark reads ../shared beside the repository")
    with tempfile.TemporaryDirectory() as tmp:
        _django(Path(tmp))
        from qogam.registry.core.models import Organization, Person
        from qogam.registry.core.services.resolution import QUEUE_THRESHOLD, find_candidates

        people, orgs = build_news_registry()
        names = {("person", pk): n for pk, n in Person.objects.values_list("pk", "name")}
        names.update({("organization", pk): kk or ru for pk, kk, ru in Organization.objects.values_list("pk", "name_kk", "name_ru")})
        report: dict[str, Any] = {"entries": {"people": Person.objects.count(), "organizations": Organization.objects.count()}}
        for kind, ids in (("person", people), ("organization", orgs)):
            same, unsure = _labels(ids)
            found = find_candidates(kind)
            same |= {frozenset({c.left, c.right}) for c in found if names[(kind, c.left)] == names[(kind, c.right)]}
            report[kind] = {"queue": _score(found, same, unsure, QUEUE_THRESHOLD), "top": _score(found, same, unsure, 0.95),
                            "unsure": len(unsure)}
            if show:
                for c in found:
                    pair = frozenset({c.left, c.right})
                    mark = "SAME " if pair in same else "?    " if pair in unsure else "     "
                    print(f"{mark}{c.score:.3f}  {names[(kind, c.left)]}  |  {names[(kind, c.right)]}")
                for pair in same - {frozenset({c.left, c.right}) for c in found if c.score >= QUEUE_THRESHOLD}:
                    a, b = sorted(pair)
                    print(f"MISSED        {names[(kind, a)]}  |  {names[(kind, b)]}")
        # the written pairs, names alone: one entry per name; scored on the labelled pairs only
        rows = [(a, b, same) for a, b, same in _labelled("name_pairs_unseen.tsv") if a != b]  # one name: one entry
        entry: dict[str, int] = {}
        for a, b, _same in rows:
            for name in (a, b):
                if name not in entry:
                    entry[name] = Person.objects.create(name=name).pk
        by_pk = {pk: name for name, pk in entry.items()}
        labelled = {frozenset({entry[a], entry[b]}): same for a, b, same in rows}
        written = {pair for pair, same in labelled.items() if same}
        found = [c for c in find_candidates("person") if frozenset({c.left, c.right}) in labelled]
        report["written_unseen"] = {"entries": len(entry), "pairs": len(labelled),
                                    "queue": _score(found, written, set(), QUEUE_THRESHOLD),
                                    "top": _score(found, written, set(), 0.95)}
        if show:
            for c in found:
                mark = "SAME " if frozenset({c.left, c.right}) in written else "     "
                print(f"{mark}{c.score:.3f}  {by_pk[c.left]}  |  {by_pk[c.right]}")
        print(json.dumps(report, ensure_ascii=False, indent=1))


SPEED_CHILD = """
import json, random, sys, time
from qogam.registry import setup_django
setup_django()
from qogam.nlp.name_match import compare
from qogam.registry.core.models import Organization, Person
from qogam.registry.core.services import resolution
start = time.perf_counter()
counts = resolution.refresh_candidates()
blocked = time.perf_counter() - start
names = list(Person.objects.values_list("name", flat=True))
rng = random.Random(7)
sample = [(rng.choice(names), rng.choice(names)) for _ in range(20000)]
t = time.perf_counter()
for a, b in sample:
    compare(a, b)
per_pair = (time.perf_counter() - t) / len(sample)
n = len(names)
print(json.dumps({"people": n, "organizations": Organization.objects.count(), "candidates": counts,
                  "seconds": round(blocked, 2), "all_pairs_people": n * (n - 1) // 2,
                  "all_pairs_seconds_estimate": round(per_pair * n * (n - 1) / 2, 1),
                  "ratio": round(blocked / (per_pair * n * (n - 1) / 2), 5)}))
"""


def speed(orgs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QOGAM_DATA_DIR=tmp)
        env.pop("DATABASE_URL", None)
        qogam = [sys.executable, "-m", "qogam.cli"]
        subprocess.run([*qogam, "setup"], env=env, check=True, capture_output=True)
        subprocess.run([*qogam, "demo-data", "--orgs", str(orgs), "--no-progress"], env=env, check=True, capture_output=True)
        out = subprocess.run([sys.executable, "-c", SPEED_CHILD], env=env, check=True, capture_output=True, text=True)
        print(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    q = sub.add_parser("quality", help="precision and recall of the candidates on the pairs built from the data")
    q.add_argument("--show", action="store_true", help="print every candidate and every missed pair")
    s = sub.add_parser("speed", help="time of the candidate search on a synthetic registry")
    s.add_argument("--orgs", type=int, default=10000)
    args = parser.parse_args()
    if args.what == "quality":
        quality(args.show)
    else:
        speed(args.orgs)


if __name__ == "__main__":
    main()
