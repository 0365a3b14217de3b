"""Refusals with a message the user can act on; views show ``message`` as it is."""

from __future__ import annotations

from typing import Any


class SubmissionError(Exception):
    """Base: the action was refused and nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ClosedError(SubmissionError):
    """The stage, deadline, lock or submission state does not allow the action now."""


class InvalidValueError(SubmissionError):
    """A typed value or a decision that does not fit the question."""


class IncompleteError(SubmissionError):
    """Submitting with required answers or evidence missing; ``missing`` lists them."""

    def __init__(self, message: str, missing: list[str]) -> None:
        super().__init__(message)
        self.missing = missing


class FileRejectedError(SubmissionError):
    """An upload that is empty, too large, or not a PDF/PNG/JPEG by its content."""


class VerificationConflictError(SubmissionError):
    """Someone else decided on the answer since the form was loaded; ``current`` is theirs."""

    def __init__(self, message: str, current: Any) -> None:
        super().__init__(message)
        self.current = current
