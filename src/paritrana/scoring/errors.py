"""Errors of the scoring engine.

Every error is a ``ValueError`` so callers that only care about "bad input" can catch one
type; the subclasses let the web app tell a committee *where* the problem is (the tree,
the data or the method). Messages always name the item at fault.
"""

from __future__ import annotations


class ScoringError(ValueError):
    """Base class of every refusal of the scoring engine."""


class TreeError(ScoringError):
    """The criteria tree is malformed (unknown node, cycle, bad weight...)."""


class DataError(ScoringError):
    """The unit data do not fit the tree (missing column, duplicate unit, text in numbers...)."""


class MethodError(ScoringError):
    """A pipeline step cannot run with the given parameters on these data."""


class SpecError(ScoringError):
    """The pipeline specification (YAML) is malformed."""
