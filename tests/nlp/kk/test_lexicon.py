"""The one reader of the Kazakh word lists: every list is read through it, the same way."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from qogam.errors import ModelError
from qogam.nlp.kk import lexicon

SRC = Path(__file__).resolve().parents[3] / "src" / "qogam" / "nlp"


def test_sections_entries_and_words() -> None:
    assert "облыстық" in lexicon.words("org_words.txt", "level")
    assert lexicon.entries("org_words.txt", "no such section") == ()
    assert lexicon.pairs("org_words.txt", "standalone")["Мәжіліс"] == "state_body"
    # all sections together, lower case
    assert {"мүгедектер", "армян"} <= lexicon.words("org_words.txt")
    assert "жанболат" in lexicon.first_names()


def test_a_missing_list_is_a_model_error() -> None:
    with pytest.raises(ModelError):
        lexicon.entries("no_such_list.txt")


@pytest.mark.parametrize("module", sorted(p.name for p in (SRC / "extract").glob("*.py")))
def test_extraction_keeps_no_kazakh_word_list_in_code(module: str) -> None:
    """Open word classes live in nlp/kk data files: no module of the extraction defines a set,
    tuple or list literal of three or more Kazakh words."""
    tree = ast.parse((SRC / "extract" / module).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Set, ast.Tuple, ast.List, ast.Dict)):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            words = [
                e.value for e in items
                if isinstance(e, ast.Constant) and isinstance(e.value, str) and any("а" <= c <= "я" or c in "әғқңөұүһі" for c in e.value.lower())
            ]
            assert len(words) < 3, f"{module}:{node.lineno}: {words[:5]}"
