import pandas as pd
import pytest

from paritrana.audit.models import AuditEntry
from paritrana.awards.domain.configuration import category_update
from paritrana.awards.domain.deliberation import deliberation_run
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.models import Candidate, CandidateOrigin, CandidateStatus, Result
from paritrana.entities.domain import entity_for_regency
from paritrana.regions.models import Regency
from tests.awards.builders import provincial, to_stage

pytestmark = pytest.mark.django_db


def confirm(rnd, category, codes):
    out = {}
    for code in codes:
        entity = entity_for_regency(regency=Regency.objects.get(code=code))
        out[code] = Candidate.objects.create(
            round=rnd,
            category=category,
            entity=entity,
            status=CandidateStatus.CONFIRMED,
            origin=CandidateOrigin.MANUAL,
        )
    return out


def providers(values):
    """Fake verified / jury providers: candidate -> (questionnaire, jury) values."""

    def verified(*, round, category):  # noqa: A002 - the provider interface's keyword
        return pd.DataFrame({"innovation_programmes": {c.pk: v[0] for c, v in values.items()}})

    def jury(*, round, category):  # noqa: A002 - the provider interface's keyword
        return pd.DataFrame({"jury_commitment": {c.pk: v[1] for c, v in values.items()}})

    return verified, jury


@pytest.fixture
def deliberating(small_cycle):
    rnd = provincial(small_cycle, "32")
    to_stage(rnd, "DELIBERATION")
    return rnd, small_cycle.categories.get(code="PEMDA")


def test_composite_ranks_robustness_and_explanation_by_hand(deliberating):
    rnd, category = deliberating
    c = confirm(rnd, category, ["32.01", "32.02", "32.03"])
    # normalised: REG 0/100/50, CAK 0/100/50, INO 100/0/50, WAW 100/0/50
    verified, jury = providers({c["32.01"]: (10, 10), c["32.02"]: (0, 1), c["32.03"]: (5, 5.5)})
    run = deliberation_run(round=rnd, category=category, actor=None, verified=verified, jury=jury)
    results = {r.candidate.entity.code: r for r in run.results.select_related("candidate__entity")}
    assert results["32.01"].score == pytest.approx(30)  # (10*100 + 20*100) / 100
    assert results["32.02"].score == pytest.approx(70)  # (30*100 + 40*100) / 100
    assert results["32.03"].score == pytest.approx(50)
    assert [results[k].rank for k in ("32.02", "32.03", "32.01")] == [1, 2, 3]
    top = results["32.02"]
    assert 0 <= top.p_keep_rank <= 1
    assert top.rank_p05 <= top.median_rank <= top.rank_p95
    assert top.p_top3 == pytest.approx(1.0)  # three candidates: always on the podium
    waw = next(r for r in top.explanation if r["node"] == "waw")
    assert (waw["source"], waw["ref"], waw["raw"]) == ("JURY", "jury_commitment", 1)
    aspects = [r for r in top.explanation if r["parent"] == "INDEX"]
    assert sum(r["contribution"] for r in aspects) == pytest.approx(70)
    assert run.record["data"]["columns"] == ["code", "reg", "ca", "cb", "ino", "waw"]
    assert run.record["input_digest"] == run.input_digest
    entry = AuditEntry.objects.get(action="scores.deliberate")
    assert entry.after["run"] == run.pk


def test_tie_breaker_decides_and_without_it_the_rank_is_shared(deliberating):
    rnd, category = deliberating
    c = confirm(rnd, category, ["32.04", "32.05"])
    # 32.04: REG 100, CAK 0; 32.05: REG 0, CAK 100 -> with INO 100/0 both total 40
    verified, jury = providers({c["32.04"]: (1, 5), c["32.05"]: (0, 5)})
    run = deliberation_run(round=rnd, category=category, actor=None, verified=verified, jury=jury)
    ranks = {r.candidate.entity.code: (r.score, r.rank) for r in run.results.all()}
    assert ranks["32.04"][0] == pytest.approx(ranks["32.05"][0])
    assert (ranks["32.05"][1], ranks["32.04"][1]) == (1, 2)  # CAK breaks the tie
    category.criteria_locked = False
    category.save()
    pipeline = {**category.pipeline, "ranks": {"tie_breakers": [], "decimals": 6}}
    category = category_update(category=category, changes={"pipeline": pipeline}, actor=None)
    run = deliberation_run(round=rnd, category=category, actor=None, verified=verified, jury=jury)
    assert sorted(run.results.values_list("rank", flat=True)) == [1, 1]


def test_refused_outside_deliberation_and_without_candidates(small_cycle):
    rnd = provincial(small_cycle, "32")
    category = small_cycle.categories.get(code="PEMDA")
    with pytest.raises(RefusedError, match="not possible in the stage"):
        deliberation_run(round=rnd, category=category, actor=None)
    to_stage(rnd, "DELIBERATION")
    with pytest.raises(RefusedError, match="no confirmed candidates"):
        deliberation_run(round=rnd, category=category, actor=None)
    assert not Result.objects.exists()


def test_real_providers_give_gaps_not_zeros_before_answers_and_sheets(deliberating):
    rnd, category = deliberating
    confirm(rnd, category, ["32.01", "32.02"])
    run = deliberation_run(round=rnd, category=category, actor=None)  # submissions + judging
    data = run.record["data"]
    rows = {row[0]: dict(zip(data["columns"], row, strict=True)) for row in data["data"]}
    assert all(r["ino"] is None and r["waw"] is None for r in rows.values())
    ranks = dict(run.results.values_list("candidate__entity__code", "rank"))
    assert ranks == {"32.02": 1, "32.01": 2}  # decided by the computed indicators alone
