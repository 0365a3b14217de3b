"""Award models, one module per concern (cycle and rounds, criteria, candidates)."""

from paritrana.awards.models.candidates import Candidate, CandidateOrigin, CandidateStatus
from paritrana.awards.models.criteria import CriteriaNode, CriterionSource
from paritrana.awards.models.cycle import AwardCycle, Category, Round, RoundLevel, Stage
from paritrana.awards.models.results import (
    Award,
    JobStatus,
    Result,
    ScoringRun,
    ScreeningJob,
    SpecialAward,
)

__all__ = [
    "Award",
    "AwardCycle",
    "Candidate",
    "CandidateOrigin",
    "CandidateStatus",
    "Category",
    "CriteriaNode",
    "CriterionSource",
    "JobStatus",
    "Result",
    "Round",
    "RoundLevel",
    "ScoringRun",
    "ScreeningJob",
    "SpecialAward",
    "Stage",
]
