"""The verified questionnaire values that enter the scores (the interface of deliberation)."""

from __future__ import annotations

import math

import pandas as pd

from paritrana.awards.models import (
    Candidate,
    CandidateStatus,
    Category,
    CriteriaNode,
    CriterionSource,
    Round,
)
from paritrana.submissions.domain.values import value_number
from paritrana.submissions.models import Answer, Decision, Question


def _verified(answer: Answer, question: Question) -> float:
    if answer.decision == Decision.ACCEPTED:
        return value_number(question=question, value=answer.value)
    if answer.decision == Decision.CORRECTED:
        return value_number(question=question, value=answer.corrected_value)
    if answer.decision == Decision.REJECTED:
        return 0.0  # the claim is unsupported: no credit, which is not the same as missing
    return math.nan


def verified_values(*, round: Round, category: Category) -> pd.DataFrame:  # noqa: A002 - the agreed interface name
    """Verified value of every questionnaire criterion for every candidate.

    Index: Candidate.pk of every non-removed candidate of the round and category.
    Columns: the ``ref`` of each QUESTIONNAIRE leaf of the category, in tree order.
    ACCEPTED -> the answer's number (yes/no: 1/0, choice: its score), CORRECTED -> the
    corrected number, REJECTED -> 0, unverified or unanswered -> NaN.
    """
    refs = list(
        CriteriaNode.objects.filter(category=category, source=CriterionSource.QUESTIONNAIRE)
        .exclude(ref="")
        .order_by("parent__order", "order", "code")
        .values_list("ref", flat=True)
    )
    candidate_ids = list(
        Candidate.objects.filter(round=round, category=category)
        .exclude(status=CandidateStatus.REMOVED)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    frame = pd.DataFrame(
        math.nan,
        index=pd.Index(candidate_ids, dtype="int64", name="candidate"),
        columns=pd.Index(refs, dtype="object", name="criterion"),
        dtype="float64",
    )
    answers = Answer.objects.filter(
        submission__candidate_id__in=candidate_ids,
        question__category=category,
        question__criteria_code__in=refs,
    ).select_related("question", "submission")
    for answer in answers:
        frame.loc[answer.submission.candidate_id, answer.question.criteria_code] = _verified(
            answer, answer.question
        )
    return frame
