"""``qogam extract`` on a file or a folder of articles, and writing its JSON safely."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from qogam.errors import InputError
from qogam.ingest.articles import article_paths, read_article
from qogam.nlp.extract import extract

Warn = Callable[[str], None]


def extract_source(source: str | Path, *, lang: str = "auto", use_model: bool = True, warn: Warn) -> dict[str, Any]:
    """Return the extraction JSON of one article; warnings go to ``warn`` and stay in the JSON."""
    name, text, published = read_article(source)
    result = extract(text, lang=lang, published=published, use_model=use_model).to_json()
    for message in result["warnings"]:
        warn(f"{name}: {message}")
    return result


def extract_directory(directory: Path, *, lang: str = "auto", use_model: bool = True, warn: Warn) -> Iterator[dict[str, Any]]:
    """Yield one extraction per article of ``directory``, with its "source"; a bad file is
    reported through ``warn`` and given as {"source", "error"} rather than stopping the run."""
    from tqdm import tqdm

    paths = article_paths(directory)
    for path in tqdm(paths, unit="article", disable=not sys.stderr.isatty(), leave=False):
        try:
            result = extract_source(path, lang=lang, use_model=use_model, warn=warn)
        except InputError as exc:
            warn(str(exc))
            yield {"source": path.name, "error": str(exc)}
            continue
        yield {"source": path.name, **result}


def write_output(documents: Iterable[dict[str, Any]], output: Path | None, *, lines: bool) -> None:
    """Write documents as JSON (indented, or one per line) to ``output`` or stdout.

    A file is written whole or not at all: to a temporary file first, then renamed.
    """
    def render(doc: dict[str, Any]) -> str:
        if lines:
            return json.dumps(doc, ensure_ascii=False) + "\n"
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"

    if output is None:
        for doc in documents:
            sys.stdout.write(render(doc))
            sys.stdout.flush()
        return
    directory = output.resolve().parent
    fd, tmp = tempfile.mkstemp(prefix=".qogam-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            for doc in documents:
                fh.write(render(doc))
        os.replace(tmp, output)
    except BaseException:
        os.unlink(tmp)
        raise
