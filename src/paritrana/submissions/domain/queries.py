"""Queries the pages share: a candidacy's questionnaire as rows, status, round overviews."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from paritrana.accounts.roles import committee_provinces
from paritrana.awards.models import Candidate, CandidateStatus, Round, Stage
from paritrana.submissions.domain.values import value_display
from paritrana.submissions.models import (
    Answer,
    CandidateAccount,
    Decision,
    Evidence,
    Question,
    Submission,
    SubmissionStatus,
)
from paritrana.submissions.rules import linked_candidate_ids


@dataclass
class QuestionRow:
    """One question with what the page needs: saved or typed value, files, decision."""

    question: Question
    answer: Answer | None
    evidence: list[Evidence] = field(default_factory=list)
    typed: str | None = None  # what was typed when it could not be saved
    error: str = ""
    file_error: str = ""
    message: str = ""
    form_data: dict[str, str] = field(default_factory=dict)  # a decision not saved

    @property
    def value(self) -> str:
        if self.typed is not None:
            return self.typed
        return self.answer.value if self.answer else ""

    @property
    def display(self) -> str:
        return value_display(question=self.question, value=self.answer.value if self.answer else "")

    @property
    def corrected_display(self) -> str:
        if self.answer is None:
            return ""
        return value_display(question=self.question, value=self.answer.corrected_value)

    @property
    def decided(self) -> bool:
        return self.answer is not None and self.answer.decision != Decision.UNVERIFIED

    def _form(self, key: str, saved: str) -> str:
        if key in self.form_data:
            return self.form_data[key]
        return saved if self.answer is not None else ""

    @property
    def form_decision(self) -> str:
        return self._form("decision", self.answer.decision if self.answer else "")

    @property
    def form_corrected(self) -> str:
        return self._form("corrected_value", self.answer.corrected_value if self.answer else "")

    @property
    def form_reason(self) -> str:
        return self._form("reason", self.answer.decision_reason if self.answer else "")


def candidate_for_page(pk: int) -> QuerySet[Candidate]:
    return Candidate.objects.filter(pk=pk).select_related(
        "round__stage", "round__cycle", "round__province", "category", "entity"
    )


def questionnaire_rows(*, candidate: Candidate, submission: Submission | None) -> list[QuestionRow]:
    """Every question of the candidate's category with its answer and files (3 queries)."""
    questions = list(Question.objects.filter(category_id=candidate.category_id))
    answers: dict[int, Answer] = {}
    files: dict[int, list[Evidence]] = defaultdict(list)
    if submission is not None:
        answers = {
            a.question_id: a for a in submission.answers.select_related("decided_by", "question")
        }
        for evidence in submission.evidence.filter(question__isnull=False):
            files[evidence.question_id].append(evidence)
    return [QuestionRow(q, answers.get(q.pk), files.get(q.pk, [])) for q in questions]


def submission_of(candidate: Candidate) -> Submission | None:
    return Submission.objects.filter(candidate=candidate).first()


@dataclass(frozen=True)
class StageStep:
    stage: Stage
    state: str  # "done", "current", "upcoming"


def stage_steps(*, candidate: Candidate) -> list[StageStep]:
    """The cycle's stages marked done / current / upcoming for this candidacy's round."""
    current = candidate.round.stage
    return [
        StageStep(
            s,
            "current"
            if s.pk == current.pk
            else ("done" if s.order < current.order else "upcoming"),
        )
        for s in Stage.objects.filter(cycle_id=candidate.round.cycle_id).order_by("order")
    ]


def _count(queryset: QuerySet[Any], key: str) -> Coalesce:
    """A correlated COUNT (one subquery per column, no join fan-out between counts)."""
    counted = queryset.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _with_progress(candidates: QuerySet[Candidate]) -> QuerySet[Candidate]:
    answers = Answer.objects.filter(submission__candidate=OuterRef("pk")).exclude(value="")
    return candidates.select_related(
        "round__stage", "round__cycle", "round__province", "category", "entity", "submission"
    ).annotate(
        answered_count=_count(answers, "submission__candidate"),
        verified_count=_count(
            answers.exclude(decision=Decision.UNVERIFIED), "submission__candidate"
        ),
        question_count=_count(Question.objects.filter(category=OuterRef("category")), "category"),
    )


def candidacies_of(user: Any) -> QuerySet[Candidate]:
    """The candidacies a candidate user speaks for (including promoted ones)."""
    ids = linked_candidate_ids(user)
    return _with_progress(
        Candidate.objects.filter(Q(pk__in=ids) | Q(promoted_from_id__in=ids))
    ).order_by("-round__cycle__ceremony_year", "round__level", "pk")


def round_candidates(*, rnd: Round) -> QuerySet[Candidate]:
    """Candidates of a round with their questionnaire and verification progress."""
    return (
        _with_progress(rnd.candidates.all())
        .annotate(
            account_count=_count(
                CandidateAccount.objects.filter(candidate=OuterRef("pk")), "candidate"
            ),
            file_count=_count(
                Evidence.objects.filter(submission__candidate=OuterRef("pk")),
                "submission__candidate",
            ),
        )
        .order_by("category__order", "status", "screening_rank", "entity__name")
    )


def rounds_for_committee(user: Any) -> QuerySet[Round]:
    """Rounds with candidates that the user runs, with counts for the overview."""
    from paritrana.accounts.rules import is_national_committee  # noqa: PLC0415 - avoids a cycle

    rounds = Round.objects.filter(Exists(Candidate.objects.filter(round=OuterRef("pk"))))
    if not is_national_committee(user):
        rounds = rounds.filter(province_id__in=committee_provinces(user))
    active = Candidate.objects.filter(round=OuterRef("pk")).exclude(status=CandidateStatus.REMOVED)
    return (
        rounds.select_related("cycle", "stage", "province")
        .annotate(
            candidate_count=_count(active, "round"),
            submitted_count=_count(
                active.filter(submission__status=SubmissionStatus.SUBMITTED), "round"
            ),
        )
        .order_by("-cycle__ceremony_year", "cycle__name", "level", "province__code")
    )
