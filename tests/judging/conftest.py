"""A round in its interview stage with a panel, jurors and candidates, for the judging tests."""

from types import SimpleNamespace

import pytest

from paritrana.judging.domain.assignments import assignment_add
from paritrana.judging.domain.conflicts import conflict_declare
from tests.judging.factories import interview_round, make_juror, make_panel, regency_candidate


@pytest.fixture(autouse=True)
def _english(settings):
    # Messages are asserted in the source language; the site defaults to Bahasa Indonesia.
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def jury(db):
    """Jabar's round: candidate A (Kab. Bandung) with two assigned jurors and a conflicted one."""
    rnd = interview_round()
    a = regency_candidate(rnd, "32.04")
    b = regency_candidate(rnd, "32.73")
    assigned = make_juror(full_name="Ayu")
    second = make_juror(full_name="Bima")
    unassigned = make_juror(full_name="Citra")
    conflicted = make_juror(full_name="Dedi")
    panel = make_panel(rnd, [assigned, second, unassigned, conflicted])
    for juror in (assigned, second, conflicted):
        assignment_add(panel=panel, juror=juror, candidate=a, actor=None)
    assignment_add(panel=panel, juror=unassigned, candidate=b, actor=None)
    conflict_declare(juror=conflicted, candidate=a, reason="I advised the regent in 2024")
    criteria = list(a.category.criteria.filter(source="JURY").order_by("parent__order", "order"))
    return SimpleNamespace(
        round=rnd,
        panel=panel,
        a=a,
        b=b,
        assigned=assigned,
        second=second,
        unassigned=unassigned,
        conflicted=conflicted,
        criteria=criteria,
        category=a.category,
    )


def sheet_post(criteria, values, *, submit=False, comment=""):
    """POST data of a score sheet: values[i] is a score text, or None to abstain."""
    data = {"comment": comment}
    for criterion, value in zip(criteria, values, strict=True):
        if value is None:
            data[f"abstain-{criterion.pk}"] = "1"
        else:
            data[f"score-{criterion.pk}"] = value
        data[f"comment-{criterion.pk}"] = ""
    if submit:
        data["submit"] = "1"
    return data
