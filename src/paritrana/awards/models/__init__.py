"""Award models, one module per concern (cycle and rounds, criteria, candidates)."""

from paritrana.awards.models.candidates import Candidate, CandidateOrigin, CandidateStatus
from paritrana.awards.models.criteria import CriteriaNode, CriterionSource
from paritrana.awards.models.cycle import AwardCycle, Category, Round, RoundLevel, Stage

__all__ = [
    "AwardCycle",
    "Candidate",
    "CandidateOrigin",
    "CandidateStatus",
    "Category",
    "CriteriaNode",
    "CriterionSource",
    "Round",
    "RoundLevel",
    "Stage",
]
