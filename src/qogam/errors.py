"""The one exception hierarchy of Qogam.

Every error a user can cause (a missing file, bytes that are not UTF-8, a malformed CoNLL
line) is a :class:`QogamError`; the CLI turns it into a one-line message and a non-zero exit.
Anything else is a bug and is allowed to show its traceback.
"""
from __future__ import annotations


class QogamError(Exception):
    """Base class of every error Qogam reports to a user."""

    exit_code = 1


class InputError(QogamError):
    """The input cannot be read as text: missing, a directory, empty, binary or not UTF-8."""

    exit_code = 2


class FormatError(InputError):
    """The input is text but not in the expected format (CoNLL, JSON lines, …)."""


class ModelError(QogamError):
    """A shipped or trained model is missing, corrupt or incompatible."""

    exit_code = 3
