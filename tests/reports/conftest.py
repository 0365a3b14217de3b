"""A published provincial round built through the real awards services.

Province 32, category KAB (computed indicators only: REG 40 %, CAK 60 % = ca 50 % + cb 50 %,
min-max 0-100, arithmetic means; see tests/awards/builders.py). By hand:

    unit   reg  ca   cb   -> REG    CAK   INDEX  rank
    32.01  1    0.1  0.1     33.33   0.0  13.33  5
    32.02  3    0.5  0.5    100.0   50.0  70.00  1
    32.03  2    0.3  0.3     66.67  25.0  41.67  4
    32.04  3    0.2  0.2    100.0   12.5  47.50  3
    32.05  0    0.9  0.9      0.0  100.0  60.00  2
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from paritrana.accounts.models import Role
from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.locking import round_lock
from paritrana.awards.models import Result
from paritrana.submissions.models import CandidateAccount
from tests.awards.builders import COMPUTED_ONLY, SMALL_PEMPROV, provincial, to_stage, write_store
from tests.awards.factories import make_cycle
from tests.awards.test_deliberation import confirm
from tests.factories import user_with_role

CODES = ("32.01", "32.02", "32.03", "32.04", "32.05")


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Published results and scorecards are cached per lock; no test sees another's.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def store(tmp_path, settings):
    settings.ANALYTICS_DIR = write_store(tmp_path)
    settings.PARITRANA_INLINE_JOBS = True
    settings.PARITRANA_SITE_URL = "https://paritrana.example"
    return tmp_path


@pytest.fixture
def deliberated(store):
    """Round 32 deliberated (run not final, round not locked)."""
    cycle = make_cycle(templates=(SMALL_PEMPROV, COMPUTED_ONLY), analytics_cycle="c1")
    rnd = provincial(cycle, "32")
    category = cycle.categories.get(code="KAB")
    candidates = confirm(rnd, category, list(CODES))
    to_stage(rnd, "DELIBERATION")
    run = deliberation_run(round=rnd, category=category, actor=None)
    return rnd, category, candidates, run


@pytest.fixture
def locked(deliberated):
    rnd, category, candidates, run = deliberated
    round_lock(round=rnd, actor=None)
    rnd.refresh_from_db()
    run.refresh_from_db()
    return rnd, category, candidates, run


@pytest.fixture
def published(locked):
    rnd = locked[0]
    to_stage(rnd, "PUBLICATION")
    rnd.refresh_from_db()
    locked[3].refresh_from_db()
    return locked


def result_of(run, code: str) -> Result:
    return Result.objects.select_related("candidate__entity", "run__round__stage").get(
        run=run, candidate__entity__code=code
    )


@pytest.fixture
def people(deliberated):
    """One user per role that matters, the candidate 32.04 with its own account."""
    candidates = deliberated[2]
    own = user_with_role(Role.CANDIDATE, username="own-candidate")
    CandidateAccount.objects.create(user=own, candidate=candidates["32.04"])
    other = user_with_role(Role.CANDIDATE, username="other-candidate")
    CandidateAccount.objects.create(user=other, candidate=candidates["32.01"])
    return {
        "anonymous": None,
        "national": user_with_role(Role.NATIONAL_COMMITTEE, username="national"),
        "committee32": user_with_role(Role.PROVINCIAL_COMMITTEE, "32", username="committee32"),
        "committee36": user_with_role(Role.PROVINCIAL_COMMITTEE, "36", username="committee36"),
        "juror": user_with_role(Role.JUROR, username="juror"),
        "data_officer": user_with_role(Role.DATA_OFFICER, username="data-officer"),
        "own_candidate": own,
        "other_candidate": other,
    }
