"""`paritrana generate` command (being written)."""

from __future__ import annotations


def generate() -> None:
    """Not implemented yet."""
    raise NotImplementedError
