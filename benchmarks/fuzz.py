"""A long fuzz run of the text core, the name keys and extraction: the properties of
``tests/nlp/test_properties.py`` checked on random strings for a set time (default 30 minutes),
with hypothesis generating and shrinking.

    python benchmarks/fuzz.py [--minutes 30] [--seed 1]

Each property gets an equal share of the time; the run prints, per property, how many
examples it checked and how many failed (the first failure of each, shrunk, is printed and
the exit status is 1). Figures go in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

REPO = Path(__file__).resolve().parents[1]
PROPERTIES = ("test_normalisation", "test_tokens_and_sentences", "test_name_keys_never_raise_and_are_stable",
              "test_extraction_never_raises_and_its_spans_slice")


def _module():  # the properties, from the test file (one definition of them)
    spec = importlib.util.spec_from_file_location("properties", REPO / "tests" / "nlp" / "test_properties.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(name: str, seconds: float, start_seed: int) -> tuple[int, int, str]:
    """Run property ``name`` for ``seconds``; return (examples, failures, first failure)."""
    module = _module()
    inner = getattr(module, name).hypothesis.inner_test
    counted = {"n": 0}
    if "extraction" in name:
        def counting(text: str, lang: str) -> None:
            counted["n"] += 1
            inner(text, lang)

        argument_strategies = [module.texts, module.st.sampled_from(["kk", "ru", "auto"])]
    else:
        def counting(text: str) -> None:  # type: ignore[misc]
            counted["n"] += 1
            inner(text)

        argument_strategies = [module.texts]

    deadline = time.monotonic() + seconds
    failures, first, round_seed = 0, "", start_seed
    while time.monotonic() < deadline:
        test = settings(max_examples=2000, deadline=None, database=None, derandomize=False,
                        phases=[Phase.generate, Phase.shrink], suppress_health_check=list(HealthCheck))(
            seed(round_seed)(given(*argument_strategies)(counting)))
        try:
            test()
        except Exception:  # a property failed: count it, keep the first, go on with another seed
            failures += 1
            first = first or traceback.format_exc(limit=3)
        round_seed += 1
    return counted["n"], failures, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    share = args.minutes * 60 / len(PROPERTIES)
    total_failures = 0
    print(f"{'property':48} {'examples':>9} {'failures':>8}")
    for name in PROPERTIES:
        examples, failures, first = run(name, share, args.seed)
        total_failures += failures
        print(f"{name:48} {examples:>9} {failures:>8}", flush=True)
        if first:
            print(first, file=sys.stderr)
    print(f"{args.minutes:g} minutes, {total_failures} failures")
    return 1 if total_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
