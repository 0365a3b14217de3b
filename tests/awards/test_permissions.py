"""Every role against every awards page and action: allowed where it should be, else 403.

One test per (url, method) checks all roles on one cycle; anonymous visitors go to login.
"""

import pytest

from paritrana.accounts.models import Role
from tests.awards.builders import national, provincial
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

ANON, NATIONAL, JABAR, BANTEN = "anonymous", "national", "provincial-32", "provincial-36"
JUROR, CANDIDATE, DATA, NO_ROLE = "juror", "candidate", "data-officer", "no-role"
ROLES = {
    NATIONAL: (Role.NATIONAL_COMMITTEE, None),
    JABAR: (Role.PROVINCIAL_COMMITTEE, "32"),
    BANTEN: (Role.PROVINCIAL_COMMITTEE, "36"),
    JUROR: (Role.JUROR, None),
    CANDIDATE: (Role.CANDIDATE, None),
    DATA: (Role.DATA_OFFICER, None),
    NO_ROLE: (None, None),
}
COMMITTEES = {NATIONAL, JABAR, BANTEN}
OWN_JABAR = {NATIONAL, JABAR}

MATRIX = [
    ("/awards/", "get", COMMITTEES),
    ("/awards/new/", "get", {NATIONAL}),
    ("/awards/new/", "post", {NATIONAL}),
    ("/awards/{slug}/", "get", COMMITTEES),
    ("/awards/{slug}/screening/", "get", {NATIONAL}),
    ("/awards/{slug}/screening/", "post", {NATIONAL}),
    ("/awards/{slug}/stages/", "get", {NATIONAL}),
    ("/awards/{slug}/stages/", "post", {NATIONAL}),
    ("/awards/{slug}/categories/PEMDA/", "get", {NATIONAL}),
    ("/awards/{slug}/categories/PEMDA/", "post", {NATIONAL}),
    ("/awards/{slug}/categories/PEMDA/criteria/", "get", {NATIONAL}),
    ("/awards/{slug}/categories/PEMDA/criteria/", "post", {NATIONAL}),
    ("/awards/{slug}/categories/PEMDA/criteria/unlock/", "post", {NATIONAL}),
    ("/awards/round/{jabar}/", "get", OWN_JABAR),
    ("/awards/round/{national}/", "get", {NATIONAL}),
    ("/awards/round/{jabar}/stage/", "post", OWN_JABAR),
    ("/awards/round/{national}/stage/", "post", {NATIONAL}),
    ("/awards/round/{jabar}/lock/", "post", OWN_JABAR),
    ("/awards/round/{jabar}/unlock/", "post", OWN_JABAR),
    ("/awards/round/{jabar}/PEMDA/shortlist/", "get", OWN_JABAR),
    ("/awards/round/{jabar}/PEMDA/shortlist/", "post", OWN_JABAR),
    ("/awards/round/{jabar}/PEMDA/results/", "get", OWN_JABAR),
    ("/awards/round/{jabar}/PEMDA/results/", "post", OWN_JABAR),
    ("/awards/round/{national}/PEMPROV/results/", "get", {NATIONAL}),
]


@pytest.mark.parametrize(
    ("url", "method", "allowed"), MATRIX, ids=[f"{m} {u}" for u, m, _ in MATRIX]
)
def test_access(client, small_cycle, url, method, allowed):
    url = url.format(
        slug=small_cycle.slug,
        jabar=provincial(small_cycle, "32").pk,
        national=national(small_cycle).pk,
    )
    for who in [ANON, *ROLES]:
        client.logout()
        if who != ANON:
            role, province = ROLES[who]
            client.force_login(user_with_role(role, province))
        response = client.post(url, {}) if method == "post" else client.get(url)
        if who in allowed:
            assert response.status_code in (200, 302), (who, response.status_code)
            if response.status_code == 302:
                assert "/accounts/login/" not in response["Location"], who
        elif who == ANON:
            assert response.status_code == 302, who
            assert response["Location"].startswith("/accounts/login/")
        else:
            assert response.status_code == 403, (who, response.status_code)


def test_provincial_committee_sees_only_its_round_in_the_overview(client, small_cycle):
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    page = client.get(f"/awards/{small_cycle.slug}/").content.decode()
    assert f"/awards/round/{provincial(small_cycle, '32').pk}/" in page
    assert f"/awards/round/{provincial(small_cycle, '36').pk}/" not in page
    assert "/stages/" not in page


def test_dashboard_links_to_the_award_cycles(client):
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    assert "/awards/" in client.get("/dashboard/").content.decode()
    client.force_login(user_with_role(Role.JUROR))
    assert "/awards/" not in client.get("/dashboard/").content.decode()
