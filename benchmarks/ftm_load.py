"""Load an FtM export (one entity a line) with whatever followthemoney this Python has, and say
what survived: run by ``ftm_compat.py`` under followthemoney 3.5.9, the version OCCRP Aleph 4.1
pins. Imports nothing of Qogam.

    python ftm_load.py EXPORT.jsonl   →  one JSON object of counts on stdout; exit 1 on any loss
"""
from __future__ import annotations

import json
import sys
from collections import Counter

import followthemoney
from followthemoney import model
from followthemoney.exc import InvalidData

INTERVALS = ("Membership", "Occupancy", "Representation")


def main(path: str) -> int:
    entities, errors, carried = [], [], 0
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            data = json.loads(line)
            try:
                proxy = model.get_proxy(data)
            except InvalidData as exc:
                errors.append(f"line {number}: {exc}")
                continue
            invalid = proxy.schema.validate(data)
            if invalid:
                errors.append(f"line {number}: {invalid}")
            dropped = set(data.get("properties", {})) - set(proxy.properties)
            if dropped:
                errors.append(f"line {number}: {proxy.schema.name} lost {sorted(dropped)}")
            entities.append(proxy)
            if data["schema"] in INTERVALS and ({"sourceUrl", "description"} & set(data.get("properties", {}))):
                carried += 1
    ids = {e.id for e in entities}
    unresolved = [(e.id, prop.name, value) for e in entities for prop, value in e.itervalues()
                  if prop.type.name == "entity" and value not in ids]
    schemas = Counter(e.schema.name for e in entities)
    evidence = sum(1 for e in entities if e.schema.name in ("Documentation", "Mention") and e.get("document"))
    intervals = [e for e in entities if e.schema.name in INTERVALS]
    kept = sum(1 for e in intervals if e.get("sourceUrl") or e.get("description"))
    report = {"followthemoney": followthemoney.__version__, "entities": len(entities), "schemas": dict(schemas),
              "errors": errors[:20], "n_errors": len(errors), "unresolved": unresolved[:20], "n_unresolved": len(unresolved),
              "evidence_entities": evidence, "intervals": len(intervals), "intervals_with_evidence_written": carried,
              "intervals_with_evidence_loaded": kept}
    print(json.dumps(report, ensure_ascii=False))
    return 1 if errors or unresolved or kept < carried else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
