"""What every public page shares: GET only, and a page size for lists."""
from __future__ import annotations

from collections.abc import Sequence

PAGE_SIZE = 50


class ReadOnlyMixin:
    """Refuses every method that could change something: public pages only answer GET and HEAD."""

    http_method_names: Sequence[str] = ("get", "head", "options")
