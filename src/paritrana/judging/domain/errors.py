"""Errors a committee or juror sees as a message; nothing was changed when one is raised."""

from __future__ import annotations


class JudgingError(ValueError):
    """A refused judging action; the message says why, in the user's words."""


class AssignmentImpossibleError(JudgingError):
    """No assignment meets the rules (k jurors each, loads within one, no conflicts)."""


class SheetRefusedError(JudgingError):
    """A score sheet that cannot be saved; ``problems`` maps criterion code -> message."""

    def __init__(self, message: str, problems: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or {}
