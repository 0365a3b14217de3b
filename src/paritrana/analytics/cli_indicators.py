"""`paritrana indicators` command (being written)."""

from __future__ import annotations


def compute() -> None:
    """Not implemented yet."""
    raise NotImplementedError
