"""Refusals a committee member reads: every domain function raises these, never a bare 500."""

from __future__ import annotations

from typing import Any


class RefusedError(ValueError):
    """The action is not allowed now (locked round, wrong stage, bad input); nothing changed."""


class StaleEditError(RefusedError):
    """Someone else changed the object since the page was opened (optimistic locking)."""


class CriteriaRefusedError(RefusedError):
    """An edit would leave the criteria tree inconsistent; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


def require_unlocked(rnd: Any) -> None:
    if rnd.locked_at is not None:
        raise RefusedError(
            f"{rnd} is locked since {rnd.locked_at:%Y-%m-%d %H:%M}; "
            "unlock it (with a reason) before changing anything."
        )


def require_stage(rnd: Any, flag: str, what: str) -> None:
    """The round is unlocked and its current stage allows ``flag``."""
    require_unlocked(rnd)
    if not getattr(rnd.stage, flag):
        raise RefusedError(f"{what} is not possible in the stage {rnd.stage.name!s} of {rnd}.")
