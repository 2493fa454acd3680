"""Qogam: a machine-readable registry of Kazakhstan's civil society, fed by the news."""
from __future__ import annotations

__version__ = "0.1.0"
