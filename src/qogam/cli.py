"""The ``qogam`` command: parses arguments, calls the library, prints JSON lines.

Thin by design: every command reads its input with :mod:`qogam.ingest.files`, calls a
function of :mod:`qogam.nlp` (or, later, the registry) and writes the result. A
:class:`~qogam.errors.QogamError` becomes a one-line message on stderr and a non-zero exit.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from qogam import __version__
from qogam.errors import QogamError

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> None:
    click.echo(f"qogam: error: {message}", err=True)
    sys.exit(code)


def reports_errors(func: F) -> F:
    """Turn a :class:`QogamError` raised by ``func`` into a one-line error and its exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except QogamError as exc:
            _fail(str(exc), exc.exit_code)
        except BrokenPipeError:
            # `qogam tokens big.txt | head` is normal use; stop quietly.
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            _fail("interrupted", 130)

    return wrapper  # type: ignore[return-value]


def write_json_lines(rows: Iterable[dict[str, Any]]) -> None:
    """Write each row as one compact JSON object per line on stdout, UTF-8, not escaped."""
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")
    out.flush()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="qogam")
def main() -> None:
    """Qogam: a registry of Kazakhstan's civil society, fed by Kazakh news.

    Each command reads a file or "-" for standard input and writes JSON lines on stdout.
    """


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@reports_errors
def sentences(source: str) -> None:
    """Print each sentence of SOURCE (a file or "-") as {"start", "end", "text"}.

    Offsets are character offsets into the text as read (UTF-8 decoded, BOM dropped).
    A quotation in «…» stays in one sentence however many sentences it holds.
    """
    from qogam.ingest.files import read_text
    from qogam.nlp.tokens import split_sentences

    _, text = read_text(source)
    write_json_lines({"start": s.start, "end": s.end, "text": s.text} for s in split_sentences(text))


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@reports_errors
def tokens(source: str) -> None:
    """Print each token of SOURCE (a file or "-") as {"start", "end", "text", "norm", "kind"}.

    "text" is the token as written; "norm" its normalised form (look-alike letters fixed,
    quotes and dashes unified); "kind" is word, number, punct, abbrev, initial, initials,
    url or email.
    """
    from qogam.ingest.files import read_text
    from qogam.nlp.tokens import tokenize

    _, text = read_text(source)
    write_json_lines(
        {"start": t.start, "end": t.end, "text": t.text, "norm": t.norm, "kind": t.kind}
        for t in tokenize(text)
    )


@main.command()
@reports_errors
def lemma() -> None:
    """Read one name or word per line on stdin; print its nominative form, line for line.

    Names lose their case ending on the last word ("Қасым-Жомарт Тоқаевтың" → "Қасым-Жомарт
    Тоқаев", "Түркістан облысына" → "Түркістан облысы"); common nouns lose possessive and
    plural too ("бірлестігінің" → "бірлестік"). An empty line gives an empty line.
    """
    from qogam.ingest.files import decode_text
    from qogam.nlp.kk.lemmatizer import lemmatize

    text = decode_text(sys.stdin.buffer.read(), "<stdin>", allow_empty=True)
    out = sys.stdout
    for line in text.splitlines():
        out.write(lemmatize(line.strip()) if line.strip() else "")
        out.write("\n")
    out.flush()


@main.command()
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@click.option("--sentences", "per_sentence", is_flag=True, help="Also print the language of every sentence.")
@reports_errors
def langid(source: str, per_sentence: bool) -> None:
    """Print the language of SOURCE: kk, ru or other, with a confidence in [0, 1]."""
    from qogam.ingest.files import read_text
    from qogam.nlp.langid import detect_language
    from qogam.nlp.tokens import split_sentences

    name, text = read_text(source)
    result = detect_language(text)
    rows: list[dict[str, Any]] = [{"source": name, "lang": result.lang, "confidence": round(result.confidence, 3)}]
    if per_sentence:
        for s in split_sentences(text):
            r = detect_language(s.text)
            rows.append({"start": s.start, "end": s.end, "lang": r.lang, "confidence": round(r.confidence, 3)})
    write_json_lines(rows)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def demo(directory: Path | None) -> None:
    """Run the language core over the sample articles and print what it finds.

    DIRECTORY defaults to the bundled examples/articles of a source checkout.
    """
    from qogam.demo import default_articles_dir, run_demo

    run_demo(directory or default_articles_dir(), sys.stdout)


if __name__ == "__main__":  # pragma: no cover
    main()
