"""The registry's errors: branches of :class:`qogam.errors.QogamError` (one hierarchy)."""
from __future__ import annotations

from qogam.errors import QogamError


class ConfigError(QogamError):
    """An environment variable has a value the registry cannot use."""

    exit_code = 4


class ReviewError(QogamError):
    """A review decision cannot be applied (the proposal is already decided, a wrong target…)."""

    exit_code = 5
