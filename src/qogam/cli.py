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


@main.group()
def names() -> None:
    """Compare names of people across Kazakh, Russian and Latin spellings."""


@names.command("compare")
@reports_errors
def names_compare() -> None:
    """Read NAME_A<TAB>NAME_B lines on stdin; print SCORE<TAB>candidate|different for each.

    "candidate" means the registry would offer the pair to a reviewer as one person (never a
    merge): "Жақыпов Қабиболла Қабенұлы" and "Джакупов Кабибулла Кабенович" are candidates,
    "Ержан Тұрсынов" and "Ерлан Тұрсынов" are different. The score is in [0, 1]; the bar is
    qogam.nlp.name_match.CANDIDATE_THRESHOLD. An empty line gives an empty line; a line with
    no tab is an error (exit 2) and nothing is printed.
    """
    from qogam.errors import InputError
    from qogam.ingest.files import decode_text
    from qogam.nlp.name_match import CANDIDATE_THRESHOLD, compare

    text = decode_text(sys.stdin.buffer.read(), "<stdin>", allow_empty=True)
    pairs: list[tuple[str, str] | None] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            pairs.append(None)
            continue
        a, tab, b = line.partition("\t")
        if not tab or not a.strip() or not b.strip():
            raise InputError(f"<stdin> line {number}: expected NAME_A<TAB>NAME_B, got {line[:60]!r}")
        pairs.append((a.strip(), b.strip()))
    out = sys.stdout
    for pair in pairs:
        if pair is not None:
            score = compare(*pair)
            out.write(f"{score:.3f}\t{'candidate' if score >= CANDIDATE_THRESHOLD else 'different'}")
        out.write("\n")
    out.flush()


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
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@click.option("--lang", type=click.Choice(["kk", "ru", "auto"]), default="auto", show_default=True, help="Language of the text.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path), help="Write to this file instead of stdout.")
@click.option("--no-model", is_flag=True, help="Rules only: skip the named-entity model.")
@reports_errors
def extract(source: str, lang: str, output: Path | None, no_model: bool) -> None:
    """Extract organisations, people, posts, quotes, events and places from SOURCE.

    SOURCE is a text file, "-" for standard input, a JSON article ({"text": …, "date": …})
    or a directory. A file gives one JSON document (schema in the README); a directory gives
    one JSON line per article (*.txt and *.json, gold and meta files skipped), with its
    "source". Problems with the text itself (empty, not Kazakh, unbalanced «») give an empty
    or partial result and a note on stderr, not an error.
    """
    from qogam.extraction_io import extract_directory, extract_source, write_output

    if source != "-" and Path(source).is_dir():
        rows = extract_directory(Path(source), lang=lang, use_model=not no_model, warn=_warn)
        write_output(rows, output, lines=True)
        return
    document = extract_source(source, lang=lang, use_model=not no_model, warn=_warn)
    write_output([document], output, lines=False)


def _warn(message: str) -> None:
    click.echo(f"qogam: note: {message}", err=True)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def report(directory: Path | None) -> None:
    """Run the language core over the sample articles and print what it finds.

    DIRECTORY defaults to the bundled examples/articles of a source checkout.
    """
    from qogam.demo import default_articles_dir, run_demo

    run_demo(directory or default_articles_dir(), sys.stdout)


# --- the registry (Django is imported only inside these commands) ----------------------

_HOST = click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
_PORT = click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to serve on.")


@main.command()
@reports_errors
def setup() -> None:
    """Create or migrate the registry database and load the shipped areas and centres.

    Idempotent: a second run changes nothing, and edits made in the registry are kept. The
    database is SQLite in QOGAM_DATA_DIR (default: the user's data directory,
    ~/.local/share/qogam on Linux), or PostgreSQL from DATABASE_URL. The only command that
    creates a registry; the others name the one they use and refuse a missing one.
    """
    from qogam.registry import commands

    commands.setup(sys.stdout)


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="PATH|URL|-...")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@reports_errors
def ingest(sources: tuple[str, ...], progress: bool | None) -> None:
    """Store the articles of each PATH (file or folder, recursively), URL or "-" and propose what they say.

    Reads .txt (with an optional .meta.json sidecar), .json and .jsonl articles (title, url,
    date, outlet, text or html), HTML pages (the article's main text, title, date, author by
    trafilatura), RSS/Atom feeds (each entry's page is fetched) and http(s) URLs of any of
    these; UTF-8, UTF-16, Windows-1251 and KZ-1048. Each article is stored once (an article
    already stored is a duplicate; a near-copy of a stored story is linked to it and proposes
    nothing); its people, organisations, posts, quotes, events and places become proposals
    for review. Prints a JSON summary (stored, duplicates, near_duplicates, failed, failures,
    …) naming the registry used; exits 1 when an item failed. The registry must exist
    (`qogam setup`); it is never created here.
    """
    from qogam.registry import commands

    summary = commands.ingest(list(sources), progress=progress)
    for note in summary.pop("notes"):  # type: ignore[attr-defined]
        _warn(note)
    for failure in summary["failures"]:  # type: ignore[attr-defined]
        click.echo(f"qogam: failed: {failure['item']}: {failure['reason']}", err=True)
    write_json_lines([summary])
    if summary["failed"]:
        sys.exit(1)


@main.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["popolo", "ftm", "ftm-statements", "csv", "xlsx", "gexf", "cytoscape"]),
              help="popolo: one Popolo JSON document; ftm: FollowTheMoney entities, one JSON a line; "
                   "ftm-statements: FtM statements (CSV); csv: one CSV a kind, zipped; xlsx: one sheet a kind; "
                   "gexf (Gephi) and cytoscape (Cytoscape.js JSON): the graph of people and organisations, with "
                   "posts, memberships and seats on behalf of a body as edges.")
@click.option("-o", "--output", metavar="PATH", help="Write to PATH (required for csv and xlsx); default standard output.")
@click.option("--area", metavar="SLUG", help="Only what this area and the areas inside it are about (and what that refers to).")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="YYYY-MM-DD",
              help="Only the facts that rest on an article published on or after this day.")
@click.option("--include-pending", is_flag=True,
              help="Add the proposals still waiting for review (ftm-statements: as external statements; csv and "
                   "xlsx: a proposals table). Popolo and ftm hold confirmed facts only.")
@reports_errors
def export(fmt: str, output: str | None, area: str | None, since: Any, include_pending: bool) -> None:
    """Write the registry's accepted facts in an analysts' format: people, organisations, posts
    and memberships (with "on behalf of"), areas, events, statements and their sources, each
    fact with the evidence spans it rests on. A scoped export (--area, --since) holds everything
    its facts refer to. A file is written whole or not at all."""
    from qogam.registry import commands

    commands.export(fmt, output, area=area, since=since.date() if since else None, include_pending=include_pending)


@main.command()
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["person", "organization"]),
              help="Only people or only organisations (default: both).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@reports_errors
def resolve(kinds: tuple[str, ...], progress: bool | None) -> None:
    """Recompute the pairs of registry entries that may be one person or one organisation.

    Compares the entries that share a name word (never every pair), scores each pair by its
    names and what the registry knows of both (organisations, areas, people, BIN, articles) and
    stores the pairs at 0.8 or above for the review page of candidates (/review/candidates/);
    pairs judged "different" are left out. Prints {"person": N, "organization": N, "queued":
    {…}} (queued: at the queue's threshold, 0.9). The page of candidates offers the same
    recomputation to reviewers when entries have changed since.
    """
    from qogam.registry import commands

    write_json_lines([commands.resolve(list(kinds) or ["person", "organization"], progress=progress)])


@main.group()
def token() -> None:
    """API tokens of staff members (Authorization: Bearer KEY on /api/v1/)."""


@token.command("create")
@click.argument("username")
@click.option("--name", default="", help="What the token is for (a script, a tool).")
@reports_errors
def token_create(username: str, name: str) -> None:
    """Make a token for USERNAME (who needs a staff role); prints the key once."""
    from qogam.registry import commands

    click.echo(commands.token_create(username, name))


@token.command("revoke")
@click.argument("prefix")
@reports_errors
def token_revoke(prefix: str) -> None:
    """Revoke the token whose key begins with PREFIX (as `qogam token list` shows it)."""
    from qogam.registry import commands

    click.echo(f"{commands.token_revoke(prefix)} token revoked")


@token.command("list")
@reports_errors
def token_list() -> None:
    """Every token, one JSON object a line (never the key)."""
    from qogam.registry import commands

    write_json_lines(commands.token_list())


@main.group()
def feeds() -> None:
    """The RSS/Atom feeds of the outlets the registry follows (polled by `qogam watch`)."""


@feeds.command("add")
@click.argument("url")
@click.option("--outlet", default="", help="The outlet's name (default: the site's name on each page).")
@click.option("--area", default="", metavar="SLUG", help="The area the outlet covers (an area's slug).")
@click.option("--lang", "language", type=click.Choice(["kk", "ru", ""]), default="", help="Its language (default: detect).")
@reports_errors
def feeds_add(url: str, outlet: str, area: str, language: str) -> None:
    """Follow the feed at URL; prints it as JSON."""
    from qogam.registry import commands

    write_json_lines([commands.feeds_add(url, outlet, area, language)])


@feeds.command("list")
@reports_errors
def feeds_list() -> None:
    """Print every feed, one JSON object a line: address, outlet, area, active, last success and error."""
    from qogam.registry import commands

    write_json_lines(commands.feeds_list())


_EVERY = {"s": 1, "m": 60, "h": 3600}


def _interval(value: str | None) -> int | None:
    if value is None:
        return None
    unit = value[-1:].lower()
    number = value[:-1] if unit in _EVERY else value
    if not number.isdigit() or int(number) <= 0:
        raise click.BadParameter("a period such as 90s, 15m or 1h", param_hint="--every")
    return int(number) * _EVERY.get(unit, 60)  # a bare number is minutes


@main.command()
@click.option("--once", is_flag=True, help="Poll every active feed once and exit (for cron or a systemd timer).")
@click.option("--every", metavar="PERIOD", help="Poll the feeds that are due every PERIOD (90s, 15m, 1h) until Ctrl-C.")
@reports_errors
def watch(once: bool, every: str | None) -> None:
    """Poll the active feeds: new entries are fetched and ingested once each (conditional GET).

    --once polls every active feed; --every loops, and there a failing feed backs off (15
    minutes, doubling up to a day). Prints one JSON report per feed polled; --once exits 1
    when a feed failed.
    """
    import time

    from qogam.registry import commands

    period = _interval(every)
    if once == (period is not None):
        raise click.UsageError("give --once or --every PERIOD")
    while True:
        reports = commands.watch_once(every_feed=period is None)
        write_json_lines(reports)
        if period is None:
            if any(not r["ok"] or r["failed"] for r in reports):
                sys.exit(1)
            return
        time.sleep(period)


@main.command()
@click.argument("username", default="admin")
@click.option("--reset", is_flag=True, help="Give an existing account a new generated password.")
@reports_errors
def createadmin(username: str, reset: bool) -> None:
    """Create the superuser USERNAME (default: admin) with a generated password, printed once."""
    from qogam.registry import commands

    commands.create_admin(username, reset, sys.stdout)


@main.command()
@_HOST
@_PORT
@click.option("--production", is_flag=True,
              help="Serve with gunicorn (several workers, static files through whitenoise) instead of Django's "
                   "development server; HTTPS-only settings come with QOGAM_PRODUCTION=1 (README, Deploying).")
@click.option("--workers", type=click.IntRange(1, 64), help="gunicorn worker processes (default: 2 × CPUs + 1, at most 9).")
@click.option("--threads", type=click.IntRange(1, 32), default=2, show_default=True, help="Threads per gunicorn worker.")
@reports_errors
def serve(host: str, port: int, production: bool, workers: int | None, threads: int) -> None:
    """Serve the registry's web pages, API and admin until Ctrl-C: Django's development server,
    or gunicorn with --production."""
    from qogam.registry import commands

    if production:
        commands.serve_production(host, port, workers, threads, sys.stdout)
    elif workers is not None:
        raise click.UsageError("--workers needs --production (the development server is one process)")
    else:
        commands.serve(host, port, sys.stdout)


@main.command()
@click.option("--deploy", is_flag=True, help="Also the deployment checks (HTTPS, cookies, HSTS, secret key, DEBUG).")
@reports_errors
def check(deploy: bool) -> None:
    """Run Django's system checks under Qogam's settings; exit 1 when any warning or error is found.
    With QOGAM_PRODUCTION=1, `qogam check --deploy` finds none."""
    from qogam.registry import commands

    if commands.check(deploy, sys.stdout):
        sys.exit(1)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def backup(path: Path) -> None:
    """Copy the registry to PATH while it runs: SQLite's online backup, or pg_dump's archive for
    PostgreSQL. The file is readable by its owner only (it holds password hashes)."""
    from qogam.registry import commands

    commands.backup(path, sys.stdout)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@reports_errors
def restore(path: Path) -> None:
    """Replace the registry with the backup PATH (made by qogam backup). SQLite: the registry as
    it was is kept in the data directory's backups/ first. Stop the server before restoring."""
    from qogam.registry import commands

    commands.restore(path, sys.stdout)


@main.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@_HOST
@_PORT
@click.option("--no-serve", is_flag=True, help="Stop after setting up, without serving.")
@reports_errors
def demo(directory: Path | None, host: str, port: int, no_serve: bool) -> None:
    """The main job: set up the registry, ingest the sample articles, create the admin, serve.

    Sets up the database with its fixtures, ingests DIRECTORY (default: the bundled
    examples/articles) into the review queue, creates the "admin" account (printing its
    generated password the first time) and serves on http://HOST:PORT/ until Ctrl-C.
    """
    from qogam.demo import default_articles_dir
    from qogam.registry import commands

    commands.demo(directory or default_articles_dir(), host, port, not no_serve, sys.stdout)


@main.command("demo-data")
@click.option("--orgs", type=click.IntRange(min=1), required=True, help="Organisations to create.")
@click.option("--mentions", type=click.IntRange(min=0), help="Mentions in synthetic news (default: 10 per organisation).")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed: the same seed gives the same data.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@reports_errors
def demo_data(orgs: int, mentions: int | None, seed: int, progress: bool | None) -> None:
    """Fill the registry with a synthetic one: ORGS organisations, their people, posts and news.

    Deterministic for a seed; about ten mentions per synthetic news item, one item in five
    left pending in the review queue. For demonstrations and benchmarks (benchmarks/
    web_latency.py). Prints the counts as JSON; run `qogam setup` first.
    """
    from qogam.registry import setup_django

    setup_django()
    from qogam.registry.review.synthetic import generate

    write_json_lines([generate(orgs, mentions, seed=seed, progress=progress).as_dict()])


@main.group()
def ner() -> None:
    """Kazakh named entities (KazNERD labels: PERSON, ORGANISATION, POSITION, GPE, …)."""


@ner.command("tag")
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@click.option("--conll", "conll", is_flag=True, help="SOURCE is CoNLL (token first, blank line between sentences); print token<TAB>LABEL lines.")
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path), help="Model directory (default: the shipped model).")
@reports_errors
def ner_tag(source: str, conll: bool, model_dir: Path | None) -> None:
    """Tag the entities of SOURCE (a file or "-").

    With --conll: one "token<TAB>LABEL" line per input token (IOB2), a blank line between
    sentences, same tokens in the same order. Without: raw text in, one JSON line per
    entity {"label", "start", "end", "text", "confidence"} with original character offsets.
    """
    from qogam.nlp.ner import load_model

    if conll:
        from qogam.nlp.ner.conll import format_sentences, read_conll

        sentences = [s.tokens for s in read_conll(source)]
        model = load_model(model_dir)
        out = sys.stdout
        out.writelines(format_sentences(zip(sentences, model.tag_many(sentences))))
        out.flush()
        return
    from qogam.ingest.files import read_text

    _, text = read_text(source)
    write_json_lines(
        {"label": s.label, "start": s.start, "end": s.end, "text": s.text, "confidence": s.confidence}
        for s in load_model(model_dir).spans(text)
    )


@ner.command("evaluate")
@click.argument("source", type=click.Path(allow_dash=True, path_type=str))
@click.option("--model", "model_dir", type=click.Path(file_okay=False, path_type=Path), help="Model directory (default: the shipped model).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@reports_errors
def ner_evaluate(source: str, model_dir: Path | None, as_json: bool) -> None:
    """Score the model on labelled CoNLL SOURCE: exact-match P/R/F1 overall and per label."""
    from qogam.nlp.ner import load_model
    from qogam.nlp.ner.conll import read_labelled
    from qogam.nlp.ner.train import evaluate

    scores = evaluate(load_model(model_dir), read_labelled(source))
    click.echo(json.dumps(scores.as_dict(), ensure_ascii=False) if as_json else scores.table())


@main.group()
def train() -> None:
    """Train the models that ship with Qogam."""


@train.command("ner")
@click.option("--data", "data", multiple=True, required=True, type=click.Path(dir_okay=False, path_type=str), help="Labelled CoNLL file (repeat for more); the held-out block is the end of the first.")
@click.option("--out", "out", type=click.Path(file_okay=False, path_type=Path), help="Model directory to write (default: the shipped model's).")
@click.option("--c1", type=float, help="L1 regularisation (default: the shipped setting).")
@click.option("--c2", type=float, help="L2 regularisation (default: the shipped setting).")
@click.option("--max-iterations", type=int, help="L-BFGS iterations (default: the shipped setting).")
@click.option("--heldout", type=float, default=0.2, show_default=True, help="Fraction at the end of the first file scored by a first run (0 to skip).")
@reports_errors
def train_ner(data: tuple[str, ...], out: Path | None, c1: float | None, c2: float | None, max_iterations: int | None, heldout: float) -> None:
    """Train the Kazakh NER model on --data and write it with its card (train + held-out runs)."""
    from qogam.nlp.ner import default_model_dir
    from qogam.nlp.ner.train import train as train_model

    crf = {k: v for k, v in {"c1": c1, "c2": c2, "max_iterations": max_iterations}.items() if v is not None}
    target = out or default_model_dir()
    command = " ".join(
        ["qogam train ner", *(f"--data {path}" for path in data), *(f"--out {out}" for _ in [out] if out),
         *(f"--{k.replace('_', '-')} {v}" for k, v in crf.items()), f"--heldout {heldout}"]
    )
    train_model(data, target, crf=crf, heldout_fraction=heldout, command=command, log=lambda message: click.echo(message, err=True))
    click.echo(f"model written to {target}", err=True)


@train.command("calibration")
@click.option("--gold", "gold", required=True, multiple=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of annotated news (NN.json with source, text and the gold facts); repeat for more (Kazakh and Russian).")
@click.option("--all", "use_all", is_flag=True, help="Fit on every file (default: the study part of the outlet split).")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              help="Table to write (default: the shipped calibration.json).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal).")
@reports_errors
def train_calibration(gold: tuple[Path, ...], use_all: bool, out: Path | None, progress: bool | None) -> None:
    """Measure each extraction rule's precision on --gold and write the confidence table.

    Each folder is split by outlet (a third of the texts held out, see qogam.nlp.extract.calibration);
    the table is fitted on the study parts unless --all. Prints the precision and share of the
    facts at or above the bulk-accept threshold, on the study and held parts (all folders, and
    each folder), as JSON.
    """
    from tqdm import tqdm

    from qogam.errors import InputError
    from qogam.nlp.extract import calibration
    from qogam.nlp.extract import extract as run_extract

    parts: dict[str, tuple[list[Path], list[Path]]] = {}
    for folder in gold:
        found = sorted(p for p in folder.glob("*.json") if not p.name.endswith(".pred.json"))
        if not found:
            raise InputError(f"{folder}: no annotated *.json files")
        parts[str(folder)] = calibration.outlet_split(found)
    files = [p for study_part, held_part in parts.values() for p in sorted(study_part + held_part)]
    study = [p for study_part, _ in parts.values() for p in study_part]
    held = [p for _, held_part in parts.values() for p in held_part]
    fitted_on = files if use_all else study
    target = out or Path(calibration.__file__).with_name(calibration.TABLE_FILE)
    command = " ".join(["qogam train calibration", *(f"--gold {folder}" for folder in gold), *(["--all"] if use_all else []),
                        *([f"--out {out}"] if out else [])])
    show = sys.stderr.isatty() if progress is None else progress
    extracted: dict[str, Any] = {}

    def raw(text: str) -> Any:
        # each text is extracted once: for fitting, then for the report under the new table
        if text not in extracted:
            extracted[text] = run_extract(text, calibrated=False)
        return extracted[text]

    with tqdm(total=len(fitted_on), desc="fitting", unit="text", disable=not show, file=sys.stderr) as bar:
        table = calibration.fit(fitted_on, raw, command, bar.update)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(target)  # never a half-written table
    fitted = calibration.Table.from_json(table)

    def with_table(text: str) -> Any:
        result = raw(text)
        calibration.calibrate(result, fitted)
        return result

    report: dict[str, Any] = {"table": str(target), "fitted_on": len(fitted_on)}
    for name, part in (("study", study), ("held", held)):
        if part:
            report[name] = calibration.above_threshold(part, with_table)
    if len(parts) > 1:
        report["folders"] = {
            folder: {name: calibration.above_threshold(part, with_table) for name, part in (("study", s_), ("held", h_)) if part}
            for folder, (s_, h_) in parts.items()
        }
    write_json_lines([report])


if __name__ == "__main__":  # pragma: no cover
    main()
