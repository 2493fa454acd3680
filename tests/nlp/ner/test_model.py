"""The NER model: save/load, the `qogam ner` CLI contract, bad input, and the shipped model on the seed article."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from qogam.cli import main
from qogam.errors import ModelError
from qogam.nlp.ner import EntitySpan, NerModel, default_model_dir, load_model
from qogam.nlp.ner.train import fit, train

# A tiny labelled corpus: enough for a CRF to learn names after "төрағасы" and places before "облысы".
_FIRST = ["Ерлан", "Айгүл", "Серік", "Жанар", "Марат", "Сәуле"]
_LAST = ["Оспанов", "Ниязова", "Қалиев", "Серікова", "Жұмабаев", "Әлиева"]
_PLACE = ["Түркістан", "Шымкент", "Алматы"]


def _tiny_corpus() -> list[tuple[list[str], list[str]]]:
    out = []
    for i, (first, last) in enumerate(zip(_FIRST * 3, _LAST[1:] * 3 + _LAST[:1] * 3)):
        place = _PLACE[i % 3]
        out.append(
            (
                ["Бірлестік", "төрағасы", first, last, place, "облысында", "сөйледі", "."],
                ["O", "O", "B-PERSON", "I-PERSON", "B-GPE", "I-GPE", "O", "O"],
            )
        )
    return out


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data") / "tiny.conll"
    data.write_text(
        "\n".join("".join(f"{t} {label}\n" for t, label in zip(*s)) for s in _tiny_corpus()), encoding="utf-8"
    )
    out = tmp_path_factory.mktemp("model")
    train([data], out, crf={"max_iterations": 30, "c1": 0.0, "c2": 0.01}, heldout_fraction=0.3)
    return out


def test_round_trip(tiny_model_dir: Path, tmp_path: Path) -> None:
    model = NerModel.load(tiny_model_dir)
    tokens = ["Бірлестік", "төрағасы", "Ерлан", "Оспанов", "Шымкент", "облысында", "сөйледі", "."]
    labels = model.tag_tokens(tokens)
    assert labels[2:6] == ["B-PERSON", "I-PERSON", "B-GPE", "I-GPE"]
    copy = model.save(tmp_path / "copy")
    again = NerModel.load(copy)
    assert again.tag_tokens(tokens) == labels
    assert again.card["features"] == model.card["features"]
    card = json.loads((tiny_model_dir / "card.json").read_text(encoding="utf-8"))
    assert card["data"][0]["sentences"] == 18 and len(card["data"][0]["sha256"]) == 64
    assert card["heldout"]["heldout_sentences"] == 5 and "overall" in card["heldout"]["scores"]
    assert (tiny_model_dir / "MODEL_CARD.md").read_text(encoding="utf-8").startswith("# ")
    assert model.tag_tokens([]) == []


def test_confidence_and_spans(tiny_model_dir: Path) -> None:
    model = NerModel.load(tiny_model_dir)
    tagged = model.tag_with_confidence(["Бірлестік", "төрағасы", "Серік", "Қалиев", "сөйледі"])
    assert all(0.0 <= p <= 1.0 for _, p in tagged)
    text = "Бірлестік төрағасы  Серік Қалиев Алматы облысында сөйледі."
    spans = model.spans(text)
    assert EntitySpan("PERSON", 20, 32, "Серік Қалиев", spans[0].confidence) == spans[0]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_fit_needs_sentences() -> None:
    with pytest.raises(ValueError):
        fit([])


def test_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a NER model directory"):
        NerModel.load(tmp_path)
    (tmp_path / "model.crfsuite").write_bytes(b"not a model")
    (tmp_path / "card.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelError):
        NerModel.load(tmp_path)


def _run(args: list[str], stdin: str | bytes | None = None) -> Any:
    return CliRunner().invoke(main, args, input=stdin)


def test_cli_conll_contract(tiny_model_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.conll"
    source.write_text(
        "Бірлестік\tX\tO\nтөрағасы\nМарат O\nЖұмабаев O\n\n   \nАлматы O\nоблысында O\n", encoding="utf-8"
    )
    result = _run(["ner", "tag", "--conll", str(source), "--model", str(tiny_model_dir)])
    assert result.exit_code == 0, result.stderr
    sentences = result.stdout.split("\n\n")
    assert len(sentences) == 2
    rows = [line.split("\t") for line in result.stdout.splitlines() if line]
    assert [r[0] for r in rows] == ["Бірлестік", "төрағасы", "Марат", "Жұмабаев", "Алматы", "облысында"]
    assert all(len(r) == 2 and (r[1] == "O" or r[1][:2] in ("B-", "I-")) for r in rows)
    piped = _run(["ner", "tag", "--conll", "-", "--model", str(tiny_model_dir)], source.read_bytes())
    assert piped.stdout == result.stdout


def test_cli_evaluate(tiny_model_dir: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.conll"
    gold.write_text("Бірлестік O\nтөрағасы O\nМарат B-PERSON\nЖұмабаев I-PERSON\n", encoding="utf-8")
    result = _run(["ner", "evaluate", str(gold), "--model", str(tiny_model_dir), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["PERSON"]["gold"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"a O\n\tB-PERSON\n", "bad.conll:2: no token"),
        ("caf\u00e9 O\n".encode("latin-1"), "not valid UTF-8"),
        (b"", "empty"),
        (b"\n \n\n", "empty"),
    ],
)
def test_cli_bad_conll(tiny_model_dir: Path, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.conll"
    path.write_bytes(content)
    for command in (["ner", "tag", "--conll"], ["ner", "evaluate"]):
        result = _run([*command, str(path), "--model", str(tiny_model_dir)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("qogam: error:") and message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_cli_missing_model(tmp_path: Path) -> None:
    source = tmp_path / "in.conll"
    source.write_text("a\n", encoding="utf-8")
    result = _run(["ner", "tag", "--conll", str(source), "--model", str(tmp_path)])
    assert result.exit_code == 3 and "not a NER model directory" in result.stderr


def test_library_never_imports_django() -> None:
    # in a fresh interpreter: the suite's own process has Django configured for the registry
    code = "import sys, qogam.nlp.ner.train; assert 'django' not in sys.modules; print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


# --- the shipped model ------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> NerModel:
    if not (default_model_dir() / "model.crfsuite").exists():
        pytest.skip("the shipped NER model is not built in this checkout (qogam train ner)")
    return load_model()


def test_shipped_model_loads_from_package(shipped: NerModel) -> None:
    assert "B-PERSON" in shipped.labels and "B-ORGANISATION" in shipped.labels
    assert shipped.card["heldout"]["scores"]["overall"]["f1"] > 80


def test_shipped_model_matches_the_word_lists(shipped: NerModel) -> None:
    """The features read the word lists in nlp/kk; an edited list needs a retrained model."""
    from qogam.nlp.ner.train import resource_digests

    changed = {name for name, digest in resource_digests().items() if shipped.card["resources"].get(name) != digest}
    assert not changed, f"retrain the NER model (qogam train ner): {sorted(changed)} changed since it was trained"


def _find(spans: list[EntitySpan], label: str, text: str) -> EntitySpan | None:
    return next((s for s in spans if s.label == label and s.text == text), None)


def test_shipped_model_on_seed_article(shipped: NerModel, seed_text: str, seed_gold: dict[str, Any]) -> None:
    spans = shipped.spans(seed_text)
    # Every person is found, each mention as a whole PERSON span (initials included).
    for person in seed_gold["persons"]:
        for mention in person["mentions"]:
            assert _find(spans, "PERSON", mention), f"{mention} not tagged PERSON"
    # KazNERD labels "<organisation> <post noun>" as one POSITION span, so each organisation
    # is found inside the POSITION span that names the post of its person, right before them.
    for post in seed_gold["posts"]:
        person = next(p for p in seed_gold["persons"] if p["name"] == post["person"])
        before = [
            spans[i - 1] for i, s in enumerate(spans) if i and s.label == "PERSON" and s.text in person["mentions"]
        ]
        positions = [s for s in before if s.label == "POSITION"]
        assert positions, f"no POSITION before {post['person']}"
        position = positions[0]
        assert position.text.lower().startswith(post["role"][:5]) or post["role"][:5] in position.text.split()[-1]
        org = post["organization"]
        if org is not None:
            head = org.rsplit(" ", 1)[0]  # the last word is inflected in the text ("бірлестігінің")
            assert position.text.startswith(head), f"{position.text!r} does not hold {org!r}"


def test_cli_train_ner(tmp_path: Path) -> None:
    data = tmp_path / "tiny.conll"
    data.write_text("\n".join("".join(f"{t} {label}\n" for t, label in zip(*s)) for s in _tiny_corpus()), encoding="utf-8")
    out = tmp_path / "model"
    result = _run(["train", "ner", "--data", str(data), "--out", str(out), "--max-iterations", "10", "--heldout", "0.2"])
    assert result.exit_code == 0, result.stderr
    card = json.loads((out / "card.json").read_text(encoding="utf-8"))
    assert card["crf"]["max_iterations"] == 10 and card["heldout"]["heldout_sentences"] == 4
    assert "train ner" in card["command"]
    bad = _run(["train", "ner", "--data", str(tmp_path / "missing.conll"), "--out", str(out)])
    assert bad.exit_code == 2 and "no such file" in bad.stderr
