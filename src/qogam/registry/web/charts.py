"""Charts drawn as inline SVG on the server — bars, columns by month, timelines: no script,
nothing fetched. Each page shows the numbers of a chart in a table beside it."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

_ROW = 22
_LABEL_WIDTH = 190
_BAR_WIDTH = 220
_WIDTH = _LABEL_WIDTH + _BAR_WIDTH + 50
_MAX_LABEL = 28


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[:_MAX_LABEL - 1] + "…"


def _join(parts: Iterable[SafeString]) -> SafeString:
    """Pieces of SVG, each already escaped, as one."""
    return format_html_join("", "{}", ((p,) for p in parts))


def _svg(cls: str, title: str, width: float, height: float, body: SafeString) -> SafeString:
    """The <svg> of a chart: an image named ``title`` for screen readers, as wide as its box."""
    return format_html('<svg class="{}" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
                       'xmlns="http://www.w3.org/2000/svg">{}</svg>', cls, title, width, height, body)


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
    return _svg("bars", title, _WIDTH, height, bars)


def grouped_bars(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], title: str) -> SafeString:
    """An <svg> with one group of bars per row, one bar per series ("NGOs", "council seats"),
    each series scaled to its own largest value. Series are told apart by class (``s0``, ``s1``)."""
    tops = [max((values[i] for _, values in rows), default=0) or 1 for i in range(len(series))]
    group = 8 + 12 * len(series)
    bars = []
    for row, (label, values) in enumerate(rows):
        y = row * group
        parts = [format_html('<text x="{}" y="{}" text-anchor="end">{}</text>', _LABEL_WIDTH - 6, y + 4 + 6 * len(series),
                             _short(label))]
        for i, (name, value) in enumerate(zip(series, values)):
            width = round(_BAR_WIDTH * value / tops[i], 1)
            parts.append(format_html(
                '<g><title>{}, {}: {}</title><rect class="s{}" x="{}" y="{}" height="10" width="{}" rx="2"></rect>'
                '<text x="{}" y="{}">{}</text></g>', label, name, value, i, _LABEL_WIDTH, y + 2 + 12 * i, width,
                _LABEL_WIDTH + width + 4, y + 11 + 12 * i, value))
        bars.append(format_html("<g>{}</g>", _join(parts)))
    height = max(len(rows), 1) * group
    return _svg("bars grouped", title, _WIDTH, height, _join(bars))


_COLUMN = 26
_COLUMNS_HEIGHT = 140


def columns(rows: Sequence[tuple[str, Sequence[int]]], series: Sequence[str], title: str) -> SafeString:
    """An <svg> of columns, one group per row (a month, "2024-03"), one column per series, all on
    one scale; the month under each group and the year under its first month and each January."""
    top = max((v for _, values in rows for v in values), default=0) or 1
    width = max(max(len(rows), 1) * _COLUMN + 10, _WIDTH)
    bar = max(4, (_COLUMN - 6) // max(len(series), 1))
    groups = []
    for n, (label, values) in enumerate(rows):
        x = 5 + n * _COLUMN
        parts = []
        for i, (name, value) in enumerate(zip(series, values)):
            h = round(_COLUMNS_HEIGHT * value / top, 1)
            parts.append(format_html('<g><title>{} {}: {}</title><rect class="s{}" x="{}" y="{}" width="{}" height="{}"></rect></g>',
                                     label, name, value, i, x + i * bar, round(_COLUMNS_HEIGHT - h, 1) + 4, bar - 1, h))
        middle = x + (bar * len(series)) // 2
        parts.append(format_html('<text x="{}" y="{}" text-anchor="middle">{}</text>', middle, _COLUMNS_HEIGHT + 18, label[5:]))
        if n == 0 or label.endswith("-01"):
            parts.append(format_html('<text x="{}" y="{}" text-anchor="start">{}</text>', x, _COLUMNS_HEIGHT + 32, label[:4]))
        groups.append(format_html("<g>{}</g>", _join(parts)))
    return _svg("months", title, width, _COLUMNS_HEIGHT + 38, _join(groups))


def timeline(rows: Sequence[tuple[str, date | None, date | None, Sequence[date]]], today: date | None = None) -> SafeString | None:
    """An <svg> of posts and memberships over time, one row each: a bar from its start (or the
    start of the chart) to its end (or today, drawn as still held) when the registry has its
    dates; otherwise, a mark at each day an article that names it was published ("seen").
    A row is (label, start, end, the days it was seen). None when no row has a date."""
    today = today or date.today()
    shown = [(label, start, end, sorted(seen)) for label, start, end, seen in rows if start or end or seen]
    if not shown:
        return None
    days = [d for _, s, e, seen in shown for d in (s, e, *seen) if d]
    first, last = min(days), max([today, *days])
    first_year, last_year = first.year, last.year + 1
    span = (date(last_year, 1, 1) - date(first_year, 1, 1)).days or 1

    def x(day: date) -> float:
        return round(_LABEL_WIDTH + _BAR_WIDTH * (day - date(first_year, 1, 1)).days / span, 1)

    bars = []
    for i, (label, start, end, seen) in enumerate(shown):
        if start or end:
            begin, finish = start or first, end or today
            mark = format_html('<rect class="{}" x="{}" y="4" height="14" width="{}" rx="2"></rect>',
                               "" if end else "open", x(begin), max(2.0, round(x(finish) - x(begin), 1)))
            when = f"{start.isoformat() if start else '…'} – {end.isoformat() if end else '…'}"
        else:
            mark = format_html_join("", '<circle class="seen" cx="{}" cy="11" r="4"></circle>', ((x(d),) for d in seen))
            when = _("named in the news: %(days)s") % {"days": ", ".join(d.isoformat() for d in seen)}
        bars.append(format_html(
            '<g transform="translate(0,{})"><title>{}: {}</title><text x="{}" y="15" text-anchor="end">{}</text>{}</g>',
            i * _ROW, label, when, _LABEL_WIDTH - 6, _short(label), mark))
    step = max(1, (last_year - first_year) // 6)
    ticks = format_html_join("", '<text x="{}" y="{}" text-anchor="middle">{}</text>', (
        (x(date(year, 1, 1)), len(shown) * _ROW + 14, year) for year in range(first_year, last_year + 1, step)))
    height = len(shown) * _ROW + 20
    return _svg("timeline", _("Posts and memberships over time"), _WIDTH, height, _join([*bars, ticks]))
