"""A national round ranked within zones: scorecards and packages work group by group."""

import pytest

from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.locking import round_lock
from paritrana.awards.models import Candidate, CandidateOrigin, CandidateStatus, Result
from paritrana.entities.domain import entity_for_province
from paritrana.regions.models import Province
from paritrana.reports.domain.package import package_build
from paritrana.reports.domain.scorecard import scorecard_build
from paritrana.reports.domain.verify import package_verify
from tests.awards.builders import COMPUTED_ONLY, SMALL_PEMPROV, national, to_stage
from tests.awards.factories import make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def zoned(store):
    cycle = make_cycle(templates=(SMALL_PEMPROV, COMPUTED_ONLY), analytics_cycle="c1")
    rnd = national(cycle)
    category = cycle.categories.get(code="PEMPROV")
    for code in ("32", "36", "31", "11"):
        Candidate.objects.create(
            round=rnd,
            category=category,
            entity=entity_for_province(province=Province.objects.get(code=code)),
            status=CandidateStatus.CONFIRMED,
            origin=CandidateOrigin.MANUAL,
        )
    to_stage(rnd, "DELIBERATION")
    run = deliberation_run(round=rnd, category=category, actor=None)
    round_lock(round=rnd, actor=None)
    rnd.refresh_from_db()
    return rnd, run


def test_zone_groups_verify_and_scorecards_compare_within_the_zone(zoned):
    rnd, run = zoned
    groups = set(run.results.values_list("group", flat=True))
    assert len(groups) >= 2  # Sumatera (11) and Jawa-Bali (31, 32, 36)
    report = package_verify(package_build(round=rnd))
    assert report.ok, [str(d) for d in report.differences]
    assert report.units == 4
    result = Result.objects.get(run=run, candidate__entity__code="11")
    card = scorecard_build(result=result)
    assert card.units == 1  # alone in its zone
    assert card.insight["rank"] == 1
    java = Result.objects.filter(run=run, candidate__entity__code__in=["31", "32", "36"])
    last = java.order_by("-rank").first()
    card = scorecard_build(result=last)
    assert card.units == 3
    assert card.insight["moves"]  # someone above in its zone to catch
