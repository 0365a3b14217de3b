"""Public API endpoints: published rounds only, for every role; unpublished is 404."""

import pytest

from paritrana.awards.models import Result
from tests.web.public.builders import published_cycle

pytestmark = pytest.mark.django_db


def results_url(slug, key, code):
    return f"/api/cycles/{slug}/rounds/{key}/categories/{code}/results"


def test_published_cycle_rounds_results_and_scorecards_for_every_role(published, role_client):
    slug = published.cycle.slug
    cycles = role_client.get("/api/cycles").json()
    assert [c["slug"] for c in cycles] == [slug]
    rounds = {r["key"]: r for r in cycles[0]["rounds"]}
    assert set(rounds) == {"national", "32"}
    assert [c["code"] for c in rounds["32"]["categories"]] == ["KAB"]
    assert role_client.get(f"/api/cycles/{slug}").json() == cycles[0]
    body = role_client.get(results_url(slug, "national", "PEMPROV")).json()
    assert [g["code"] for g in body["groups"]] == ["JAWA_BALI", "SUMATERA"]
    first = body["groups"][0]["results"][0]
    assert (first["code"], first["rank"], first["place"]) == ("32", 1, 1)
    card = role_client.get(f"/api/results/{first['result_id']}/scorecard")
    assert card.status_code == 200, role_client.role
    nodes = {n["code"]: n for n in card.json()["nodes"]}
    assert nodes["ca"]["is_leaf"]
    assert nodes["ca"]["raw"] == pytest.approx(0.5)
    assert not nodes["CAK"]["is_leaf"]


def test_unpublished_rounds_and_their_results_are_404_for_every_role(store, role_client):
    p = published_cycle(publish_provincial=False)
    slug = p.cycle.slug
    rounds = role_client.get(f"/api/cycles/{slug}").json()["rounds"]
    assert [r["key"] for r in rounds] == ["national"]
    assert role_client.get(results_url(slug, "32", "KAB")).status_code == 404
    hidden = Result.objects.filter(run__round=p.provincial, run__is_final=True)
    assert hidden.exists()
    for result in hidden:
        response = role_client.get(f"/api/results/{result.pk}/scorecard")
        assert response.status_code == 404, role_client.role


def test_nothing_published_nothing_listed(store, client):
    p = published_cycle(publish_provincial=False, publish_national=False)
    assert client.get("/api/cycles").json() == []
    assert client.get(f"/api/cycles/{p.cycle.slug}").status_code == 404
    result = Result.objects.filter(run__round=p.national).first()
    assert client.get(f"/api/results/{result.pk}/scorecard").status_code == 404


def test_results_of_a_superseded_run_stay_hidden(published, client):
    """Only the final run of a published round is public, not earlier deliberations."""
    run = published.national.runs.get(category=published.pemprov, is_final=True)
    run.is_final = False
    run.save(update_fields=["is_final"])
    result = run.results.first()
    assert client.get(f"/api/results/{result.pk}/scorecard").status_code == 404
    slug = published.cycle.slug
    assert client.get(results_url(slug, "national", "PEMPROV")).status_code == 404


def test_malformed_parameters_are_refused_before_any_lookup(published, client):
    assert client.get(results_url(published.cycle.slug, "jakarta", "KAB")).status_code == 422
    assert client.get("/api/results/0/scorecard").status_code == 422
    assert client.get("/api/coverage/provinces/3x/regencies").status_code == 422


def test_coverage_statistics(coverage_store, client):
    assert client.get("/api/coverage/cycles").json() == ["2023", "2024", "c1"]
    body = client.get("/api/coverage/provinces", {"cycle": "2024"}).json()
    assert body["cycle"] == "2024"
    assert len(body["items"]) == 38
    assert body["total"]["pu"] == pytest.approx(sum(300 * (1 + i) * 1.1 for i in range(38)))
    regencies = client.get("/api/coverage/provinces/32/regencies", {"cycle": "2024"}).json()
    assert regencies["total"]["code"] == "32"
    assert all(r["code"].startswith("32.") for r in regencies["items"])
    assert client.get("/api/coverage/provinces", {"cycle": "1999"}).status_code == 404
    assert client.get("/api/coverage/provinces/99/regencies").status_code == 404
