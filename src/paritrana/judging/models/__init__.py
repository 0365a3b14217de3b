"""Judging models, one module per concern: panels and assignments, conflicts, score sheets."""

from paritrana.judging.models.conflicts import ConflictClearance, ConflictDeclaration
from paritrana.judging.models.panels import (
    Assignment,
    AssignmentOrigin,
    JurorProfile,
    Panel,
    PanelMember,
)
from paritrana.judging.models.sheets import Score, ScoreSheet

__all__ = [
    "Assignment",
    "AssignmentOrigin",
    "ConflictClearance",
    "ConflictDeclaration",
    "JurorProfile",
    "Panel",
    "PanelMember",
    "Score",
    "ScoreSheet",
]
