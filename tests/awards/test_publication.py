"""``run_still_published`` (the public pages' per-request SQL check) = ``published_rounds()``."""

import datetime as dt
import itertools

import pytest

from paritrana.awards.domain.publication import published_rounds, run_still_published
from paritrana.awards.models import Round, ScoringRun
from tests.awards.builders import national
from tests.awards.factories import make_cycle

pytestmark = pytest.mark.django_db

LOCK = dt.datetime(2025, 3, 1, 10, 30, 15, 123456, tzinfo=dt.UTC)
OTHER_LOCK = LOCK + dt.timedelta(microseconds=1)  # a re-lock a moment later


def test_the_sql_check_agrees_with_published_rounds_in_every_state():
    rnd = national(make_cycle())
    other = national(make_cycle())
    stages = {s.results_public: s for s in rnd.cycle.stages.all()}
    assert set(stages) == {True, False}
    category = rnd.cycle.categories.first()
    run = ScoringRun.objects.create(round=rnd, category=category, input_digest="0" * 64)
    elsewhere = ScoringRun.objects.create(round=other, category=category, input_digest="0" * 64)
    states = itertools.product(
        (None, LOCK), (True, False), (True, False), (None, LOCK, OTHER_LOCK), (run, elsewhere)
    )
    agreed = []
    for locked_at, public, final, asked, asked_run in states:
        Round.objects.filter(pk=rnd.pk).update(locked_at=locked_at, stage=stages[public])
        ScoringRun.objects.filter(pk__in=[run.pk, elsewhere.pk]).update(is_final=final)
        expected = (
            published_rounds()
            .filter(pk=rnd.pk, locked_at=asked, runs__pk=asked_run.pk, runs__is_final=True)
            .exists()
        )
        state = (locked_at, public, final, asked, asked_run.pk)
        assert run_still_published(asked_run.pk, rnd.pk, asked) is expected, state
        agreed.append(expected)
    assert agreed.count(True) == 1  # locked, public, final, asked with its lock and run
    assert not run_still_published(run.pk, rnd.pk + 1000, LOCK)  # no such round
