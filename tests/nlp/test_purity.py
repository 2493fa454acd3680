"""The language library never imports Django, and every module of it imports cleanly."""
from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import qogam.nlp
for info in pkgutil.walk_packages(qogam.nlp.__path__, "qogam.nlp."):
    importlib.import_module(info.name)
assert "django" not in sys.modules, sorted(m for m in sys.modules if m.startswith("django"))
print("ok")
"""


def test_nlp_never_imports_django() -> None:
    proc = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


RUSSIAN = """
import sys
from qogam.nlp.extract import extract
result = extract("Председатель общественного объединения «Жастар» Айгерим ТУРСЫНОВОЙ открыла встречу.")
assert [p.name for p in result.persons] == ["Айгерим Турсынова"], result.persons
# natasha's package imports pymorphy2, which fails with setuptools >= 82: neither is loaded
assert "natasha" not in sys.modules and "pymorphy2" not in sys.modules
assert "pymorphy3" in sys.modules and "slovnet" in sys.modules
print("ok")
"""


def test_russian_runs_without_natasha_or_pymorphy2() -> None:
    proc = subprocess.run([sys.executable, "-c", RUSSIAN], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
