"""The committee pages doing their work: refusals keep what was typed, locks show promotions."""

import pytest

from paritrana.accounts.models import Role
from paritrana.awards.domain.screening import screening_run
from paritrana.awards.models import AwardCycle, Candidate, CandidateStatus, CriteriaNode
from tests.awards.builders import national, provincial, to_stage
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def national_member(client):
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    return client


def criteria_post(category, changes):
    nodes = list(category.criteria.select_related("parent").order_by("order", "code"))
    data = {"form-TOTAL_FORMS": str(len(nodes)), "form-INITIAL_FORMS": str(len(nodes))}
    for i, n in enumerate(nodes):
        row = {
            "pk": n.pk,
            "code": n.code,
            "name": n.name,
            "parent": n.parent.code if n.parent else "",
            "source": n.source,
            "ref": n.ref,
            "weight": n.weight,
            "direction": n.direction,
            "rubric_min": n.rubric_min or "",
            "rubric_max": n.rubric_max or "",
            "order": n.order,
        }
        row.update(changes.get(n.code, {}))
        data.update({f"form-{i}-{k}": v for k, v in row.items()})
    return data


def test_create_a_cycle_from_the_web(national_member, store):
    response = national_member.post(
        "/awards/new/",
        {
            "name": "Paritrana 2026",
            "slug": "p2026",
            "assessment_start": "2025-01-01",
            "assessment_end": "2025-12-31",
            "ceremony_year": 2026,
            "analytics_cycle": "c1",
        },
    )
    assert response.status_code == 302
    assert AwardCycle.objects.get(slug="p2026").rounds.count() == 39


def test_inconsistent_criteria_are_refused_and_the_typed_values_kept(national_member, small_cycle):
    category = small_cycle.categories.get(code="PEMDA")
    url = f"/awards/{small_cycle.slug}/categories/PEMDA/criteria/"
    response = national_member.post(url, criteria_post(category, {"ca": {"weight": "73.5"}}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Weights of the children of CAK add up to 123.5%, not 100%." in page
    assert 'value="73.5"' in page
    assert CriteriaNode.objects.get(category=category, code="ca").weight == 50
    response = national_member.post(
        url, criteria_post(category, {"ca": {"weight": "60"}, "cb": {"weight": "40"}})
    )
    assert response.status_code == 302
    assert CriteriaNode.objects.get(category=category, code="ca").weight == 60


def test_locked_criteria_page_offers_only_the_audited_unlock(national_member, small_cycle):
    to_stage(provincial(small_cycle, "32"), "DELIBERATION")
    url = f"/awards/{small_cycle.slug}/categories/PEMDA/criteria/"
    category = small_cycle.categories.get(code="PEMDA")
    response = national_member.post(
        url, criteria_post(category, {"ca": {"name": "changed"}}), follow=True
    )
    assert "are locked" in response.content.decode()
    assert not CriteriaNode.objects.filter(name="changed").exists()
    national_member.post(url + "unlock/", {"reason": "weights agreed again"})
    category.refresh_from_db()
    assert not category.criteria_locked


def test_a_stale_shortlist_edit_shows_a_message(client, small_cycle):
    screening_run(cycle=small_cycle, actor=None)
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    rnd = provincial(small_cycle, "32")
    cand = Candidate.objects.get(round=rnd, entity__code="32.02")
    url = f"/awards/round/{rnd.pk}/PEMDA/shortlist/"
    client.post(
        url, {"candidate": cand.pk, "version": cand.version, "action": "remove", "reason": "A"}
    )
    response = client.post(
        url, {"candidate": cand.pk, "version": cand.version, "action": "confirm"}, follow=True
    )
    assert "changed by someone else" in response.content.decode()
    cand.refresh_from_db()
    assert (cand.status, cand.status_reason) == (CandidateStatus.REMOVED, "A")


def test_lock_from_the_web_shows_the_promotion(client, computed_cycle):
    screening_run(cycle=computed_cycle, actor=None)
    rnd = provincial(computed_cycle, "32")
    Candidate.objects.filter(round=rnd).update(status=CandidateStatus.CONFIRMED)
    to_stage(rnd, "DELIBERATION")
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    response = client.post(
        f"/awards/round/{rnd.pk}/KAB/results/", follow=True, HTTP_ACCEPT_LANGUAGE="en"
    )
    page = response.content.decode()
    assert "Rank interval" in page
    response = client.post(f"/awards/round/{rnd.pk}/lock/", follow=True, HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert "Pemerintah Kota Bandung" in page or "Promoted" in page
    assert Candidate.objects.filter(round=national(computed_cycle), origin="PROMOTED").exists()
    response = client.post(f"/awards/round/{rnd.pk}/stage/", {"stage": "SCREENING"}, follow=True)
    assert "is locked" in response.content.decode()
    client.post(f"/awards/round/{rnd.pk}/stage/")  # on to publication: allowed, changes nothing
    rnd.refresh_from_db()
    assert (rnd.stage.code, rnd.is_locked) == ("PUBLICATION", True)


@pytest.mark.parametrize("extra", [0, 1])
def test_list_pages_do_not_query_per_row(
    client, computed_cycle, django_assert_max_num_queries, extra
):
    screening_run(cycle=computed_cycle, actor=None)
    rnd = provincial(computed_cycle, "32")
    if extra:
        Candidate.objects.filter(round=rnd).update(status=CandidateStatus.CONFIRMED)
        to_stage(rnd, "DELIBERATION")
        client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
        client.post(f"/awards/round/{rnd.pk}/KAB/results/")
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    for url in (
        "/awards/",
        f"/awards/{computed_cycle.slug}/",
        f"/awards/round/{rnd.pk}/",
        f"/awards/round/{rnd.pk}/KAB/shortlist/",
        f"/awards/round/{rnd.pk}/KAB/results/",
        f"/awards/round/{national(computed_cycle).pk}/PEMPROV/shortlist/",
        f"/awards/{computed_cycle.slug}/categories/KAB/criteria/",
    ):
        with django_assert_max_num_queries(14):
            assert client.get(url).status_code == 200
