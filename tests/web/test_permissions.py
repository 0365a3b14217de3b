"""Every role against every page: allowed where it should be, denied everywhere else.

Anonymous visitors to a protected page are sent to the login page; signed-in users
without the permission get 403.
"""

import pytest

from paritrana.accounts.models import Role
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db

ANON = "anonymous"
NATIONAL = "national"
JABAR = "provincial-32"
BANTEN = "provincial-36"
JUROR = "juror"
CANDIDATE = "candidate"
DATA = "data-officer"
NO_ROLE = "no-role"
EVERYONE = {ANON, NATIONAL, JABAR, BANTEN, JUROR, CANDIDATE, DATA, NO_ROLE}
WITH_ROLE = EVERYONE - {ANON, NO_ROLE}

# (url, method, who may) — a POST row checks the write, not just the page.
MATRIX = [
    ("/", "get", EVERYONE),
    ("/regions/", "get", EVERYONE),
    ("/regions/?q=bandung", "get", EVERYONE),
    ("/regions/province/32/", "get", EVERYONE),
    ("/regions/regency/32.04/", "get", EVERYONE),
    ("/regions/district/32.04.05/", "get", EVERYONE),
    ("/accounts/login/", "get", {ANON}),  # signed-in users are redirected to the dashboard
    ("/dashboard/", "get", WITH_ROLE),
    ("/regions/zones/", "get", {NATIONAL}),
    ("/regions/zones/", "post", {NATIONAL}),
    ("/audit/", "get", {NATIONAL}),
    ("/data/", "get", {NATIONAL, DATA}),
    ("/office/province/32/", "get", {NATIONAL, JABAR}),
    ("/office/province/36/", "get", {NATIONAL, BANTEN}),
]

ROLES = {
    NATIONAL: (Role.NATIONAL_COMMITTEE, None),
    JABAR: (Role.PROVINCIAL_COMMITTEE, "32"),
    BANTEN: (Role.PROVINCIAL_COMMITTEE, "36"),
    JUROR: (Role.JUROR, None),
    CANDIDATE: (Role.CANDIDATE, None),
    DATA: (Role.DATA_OFFICER, None),
    NO_ROLE: (None, None),
}


@pytest.fixture
def as_who(client):
    def login(who):
        if who != ANON:
            role, province = ROLES[who]
            client.force_login(user_with_role(role, province))
        return client

    return login


def _zone_post_data():
    from paritrana.regions.models import Province

    data = {"form-TOTAL_FORMS": "38", "form-INITIAL_FORMS": "38"}
    for i, p in enumerate(Province.objects.order_by("code")):
        data[f"form-{i}-code"] = p.code
        data[f"form-{i}-zone"] = p.zone_id
    return data


@pytest.mark.parametrize("who", sorted(EVERYONE))
@pytest.mark.parametrize(
    ("url", "method", "allowed"), MATRIX, ids=[f"{m} {u}" for u, m, _ in MATRIX]
)
def test_access(as_who, who, url, method, allowed):
    client = as_who(who)
    response = client.post(url, _zone_post_data()) if method == "post" else client.get(url)
    if who in allowed:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"]
    elif who == ANON:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    elif url == "/accounts/login/":
        assert response.status_code == 302  # already signed in
    else:
        assert response.status_code == 403


def test_dashboard_shows_what_the_role_can_do(as_who):
    page = as_who(JABAR).get("/dashboard/").content.decode()
    assert "/office/province/32/" in page
    assert "/office/province/36/" not in page
    assert "/audit/" not in page
    page = as_who(NATIONAL).get("/dashboard/").content.decode()
    assert "/audit/" in page
    assert "/regions/zones/" in page
