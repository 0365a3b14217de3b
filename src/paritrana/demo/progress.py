"""How the demo reports what it is doing: the CLI draws bars, tests stay quiet."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def phase(self, name: str, total: int | None = None) -> None:
        """A new step starts; ``total`` units of work when known."""

    def advance(self, n: int = 1) -> None:
        """``n`` units of the current step are done."""

    def note(self, text: str) -> None:
        """A line worth keeping in the output (what was skipped, what was chosen)."""


class QuietProgress:
    """Collects notes and ignores the rest (tests, scripts)."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def phase(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def note(self, text: str) -> None:
        self.notes.append(text)
