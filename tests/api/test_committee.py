"""Committee endpoints: the session's committee only, object by object."""

import pytest

from paritrana.accounts.models import Role
from tests.awards.builders import provincial
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

#: role -> which rounds' status it may read (None: 401 anonymous; set(): 403 everywhere)
EXPECTED = {
    "anonymous": None,
    "no_role": set(),
    "national": {"national", "32", "36", "11"},
    "province_32": {"32"},
    "province_36": {"36"},
    "juror": set(),
    "candidate": set(),
    "data_officer": set(),
}


def test_round_status_for_every_role(published, role_client):
    allowed = EXPECTED[role_client.role]
    rounds = {
        "national": published.national,
        "32": published.provincial,
        "36": provincial(published.cycle, "36"),
        "11": provincial(published.cycle, "11"),
    }
    for key, rnd in rounds.items():
        response = role_client.get(f"/api/committee/rounds/{rnd.pk}/status")
        expected = 401 if allowed is None else (200 if key in allowed else 403)
        assert response.status_code == expected, (role_client.role, key)


def test_cycle_status_lists_only_the_rounds_the_caller_runs(published, role_client):
    allowed = EXPECTED[role_client.role]
    response = role_client.get(f"/api/committee/cycles/{published.cycle.slug}/status")
    if allowed is None:
        assert response.status_code == 401
    elif not allowed:
        assert response.status_code == 403
    else:
        keys = {r["key"] for r in response.json()["rounds"]}
        assert keys == allowed or (role_client.role == "national" and len(keys) == 39)


def test_status_has_stage_lock_publication_and_counts(published, client):
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    body = client.get(f"/api/committee/rounds/{published.provincial.pk}/status").json()
    assert body["stage_code"] == "PUBLICATION"
    assert body["locked"] is True
    assert body["published"] is True
    assert body["candidates"] == {"proposed": 0, "confirmed": 5, "removed": 0}
    assert body["submissions"] == {"draft": 0, "submitted": 0}
    banten = client.get(
        f"/api/committee/rounds/{provincial(published.cycle, '36').pk}/status"
    ).json()
    assert (banten["locked"], banten["published"]) == (True, False)


def test_unknown_round_or_cycle_is_404_for_a_committee(published, client):
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    assert client.get("/api/committee/rounds/999999/status").status_code == 404
    assert client.get("/api/committee/cycles/nope/status").status_code == 404
