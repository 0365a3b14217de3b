"""Submission models, one module per concern: questions, answers, files, accounts."""

from paritrana.submissions.models.accounts import CandidateAccount
from paritrana.submissions.models.answers import (
    Answer,
    Decision,
    Submission,
    SubmissionStatus,
)
from paritrana.submissions.models.files import Evidence, FieldNote
from paritrana.submissions.models.questions import Question, QuestionType

__all__ = [
    "Answer",
    "CandidateAccount",
    "Decision",
    "Evidence",
    "FieldNote",
    "Question",
    "QuestionType",
    "Submission",
    "SubmissionStatus",
]
