"""An article's text as HTML, with the spans that registry facts rest on marked and linked.

Spans may nest (a person's name inside the post mention that names them) or cross. The text
is cut at every span boundary; each piece covered by at least one span becomes one <mark>
linked to the innermost span covering it, so that no link is ever nested in another and
every piece of text is escaped exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True, slots=True)
class Span:
    """``text[start:end]`` supports a fact: ``label`` says which, ``url`` is where it lives (or "")."""

    start: int
    end: int
    kind: str
    label: str
    url: str = ""


def highlight(text: str, spans: list[Span]) -> SafeString:
    """Return ``text`` escaped, with each stretch covered by ``spans`` wrapped in <mark>.

    Neighbouring pieces whose innermost span is the same become one mark, so a name inside a
    longer mention stays whole. Spans outside the text or empty are ignored. Never raises.
    """
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in usable), *(s.end for s in usable)})
    # (left, right, innermost span or None, every span covering the stretch)
    runs: list[tuple[int, int, Span | None, list[Span]]] = []
    for left, right in zip(cuts, cuts[1:]):
        covering = [s for s in usable if s.start <= left and right <= s.end]
        inner = min(covering, key=lambda s: (s.end - s.start, s.start)) if covering else None
        if runs and runs[-1][2] == inner:
            start, _, _, seen = runs[-1]
            runs[-1] = (start, right, inner, seen + [s for s in covering if s not in seen])
        else:
            runs.append((left, right, inner, covering))
    out: list[str] = []
    for left, right, inner, covering in runs:
        piece = text[left:right]
        if inner is None:
            out.append(escape(piece))
            continue
        title = "; ".join(dict.fromkeys(s.label for s in sorted(covering, key=lambda s: s.end - s.start)))
        body = format_html('<a href="{}">{}</a>', inner.url, piece) if inner.url else escape(piece)
        out.append(format_html('<mark class="{}" title="{}" data-start="{}" data-end="{}">{}</mark>',
                               inner.kind, title, inner.start, inner.end, body))
    return mark_safe("".join(out))
