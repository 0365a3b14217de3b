"""`paritrana import` command (being written)."""

from __future__ import annotations


def import_() -> None:
    """Not implemented yet."""
    raise NotImplementedError
