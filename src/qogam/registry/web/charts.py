"""Horizontal bar charts drawn as inline SVG on the server: no script, nothing fetched."""
from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

_ROW = 22
_LABEL_WIDTH = 190
_BAR_WIDTH = 220
_WIDTH = _LABEL_WIDTH + _BAR_WIDTH + 50
_MAX_LABEL = 28


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[:_MAX_LABEL - 1] + "…"


def bar_chart(rows: Sequence[tuple[str, int]], title: str) -> SafeString:
    """Return an <svg> drawing one bar per (label, value), scaled to the largest value.

    Labels and the title are escaped; a long label is shortened, with the whole of it in a
    <title> tooltip. An empty ``rows`` gives an empty chart of one line's height.
    """
    top = max((value for _, value in rows), default=0) or 1
    bars = format_html_join("", (
        '<g transform="translate(0,{})"><title>{}: {}</title>'
        '<text x="{}" y="15" text-anchor="end">{}</text>'
        '<rect x="{}" y="4" height="14" width="{}" rx="2"></rect>'
        '<text x="{}" y="15">{}</text></g>'
    ), (
        (i * _ROW, label, value, _LABEL_WIDTH - 6, _short(label), _LABEL_WIDTH,
         round(_BAR_WIDTH * value / top, 1), _LABEL_WIDTH + round(_BAR_WIDTH * value / top) + 4, value)
        for i, (label, value) in enumerate(rows)
    ))
    height = max(len(rows), 1) * _ROW
    return format_html(
        '<svg class="bars" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
        'xmlns="http://www.w3.org/2000/svg">{}</svg>', title, _WIDTH, height, bars)
