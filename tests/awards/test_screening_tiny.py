"""Screening a whole generated (tiny) nation: every category, every province with data."""

from pathlib import Path

import pytest

from paritrana.awards.domain.screening import screening_run
from paritrana.awards.models import Candidate, RoundLevel
from paritrana.entities.models import Entity
from tests.awards.factories import make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def tiny_store(tmp_path_factory) -> Path:
    pipeline = pytest.importorskip("paritrana.analytics.indicators.pipeline")
    from paritrana.analytics.generate import generate
    from paritrana.analytics.indicators.backends import connect

    root = tmp_path_factory.mktemp("analytics")
    generate(scale="tiny", seed=7, out=root / "tiny")
    with connect() as con:
        pipeline.compute_indicators(
            con, data_dir=root / "tiny", out_dir=root / "_indicators" / "tiny"
        )
    return root


def test_screening_the_tiny_nation(tiny_store, settings):
    import pandas as pd

    settings.ANALYTICS_DIR = tiny_store
    cycle = make_cycle(analytics_cycle="tiny")
    summary = screening_run(cycle=cycle, actor=None)
    employers = pd.read_parquet(tiny_store / "tiny" / "employers.parquet")
    provinces = sorted(employers["regency"].str.slice(0, 2).unique())
    assert len(provinces) >= 2
    tables = {
        k: pd.read_parquet(tiny_store / "_indicators" / "tiny" / f"{k}.parquet")
        for k in ("regency", "village")
    }
    for code in provinces:
        rnd = cycle.rounds.get(province_id=code)
        for category in cycle.categories.filter(national_only=False):
            proposed = Candidate.objects.filter(round=rnd, category=category)
            eligible = employers[employers["regency"].str.startswith(code)]
            if category.entity_kind in ("BUSINESS", "UKM"):
                eligible = eligible[eligible["scale"].isin(category.scales)]
                if category.sector:
                    eligible = eligible[eligible["sector"] == category.sector]
                assert proposed.count() == min(category.shortlist_size, len(eligible)), (
                    category.code
                )
                assert set(proposed.values_list("entity__scale", flat=True)) <= set(category.scales)
            else:
                ids = tables[category.entity_kind.lower()]["entity_id"].unique()
                here = sum(1 for e in ids if e.startswith(f"{code}."))
                assert proposed.count() == min(category.shortlist_size, here), category.code
            ranks = list(
                proposed.order_by("screening_rank").values_list("screening_rank", flat=True)
            )
            assert ranks == sorted(ranks)
            assert all(c.screening_detail["explanation"] for c in proposed)
    assert (
        Candidate.objects.filter(round__level=RoundLevel.NATIONAL, category__code="PEMPROV").count()
        == 38
    )
    # entity rows only for candidates, never for the thousands of villages and employers screened
    assert Entity.objects.count() == Candidate.objects.values("entity").distinct().count()
    assert summary["proposed"] == Candidate.objects.count()
