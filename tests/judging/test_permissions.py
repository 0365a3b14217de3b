"""Every role against every judging page: allowed where it should be, denied everywhere else.

Anonymous visitors are sent to log in; signed-in users without the permission get 403.
"""

import pytest

from paritrana.accounts.models import Role
from tests.factories import user_with_role
from tests.judging.conftest import sheet_post

ANON = "anonymous"
NATIONAL = "national"
JABAR = "committee-32"  # runs the round (Jawa Barat)
BANTEN = "committee-36"  # another province's committee
ASSIGNED = "assigned-juror"
UNASSIGNED = "unassigned-juror"  # on the panel, not assigned to candidate A
CONFLICTED = "conflicted-juror"  # assigned to A, then declared a conflict
CANDIDATE = "candidate"
DATA = "data-officer"
EVERYONE = {ANON, NATIONAL, JABAR, BANTEN, ASSIGNED, UNASSIGNED, CONFLICTED, CANDIDATE, DATA}
JURORS = {ASSIGNED, UNASSIGNED, CONFLICTED}
RUNS = {NATIONAL, JABAR}

# (url template, method, who may)
MATRIX = [
    ("/jury/", "get", JURORS),
    ("/jury/candidate/{a}/", "get", RUNS | {ASSIGNED}),
    ("/jury/candidate/{a}/", "post", {ASSIGNED}),
    ("/jury/candidate/{a}/autosave/", "post", {ASSIGNED}),
    ("/jury/candidate/{b}/", "get", RUNS | {UNASSIGNED}),
    ("/jury/round/{round}/conflicts/", "get", JURORS),
    ("/jury/round/{round}/conflicts/", "post", JURORS),
    ("/jury/rounds/", "get", {NATIONAL, JABAR, BANTEN}),
    ("/jury/round/{round}/", "get", RUNS),
    ("/jury/round/{round}/", "post", RUNS),
    ("/jury/panel/{panel}/", "get", RUNS),
    ("/jury/panel/{panel}/", "post", RUNS),
    ("/jury/panel/{panel}/member/{member}/profile/", "get", RUNS),
    ("/jury/panel/{panel}/member/{member}/profile/", "post", RUNS),
    ("/jury/round/{round}/statistics/{category}/", "get", RUNS),
]


def _user(jury, who):
    return {
        NATIONAL: lambda: user_with_role(Role.NATIONAL_COMMITTEE),
        JABAR: lambda: user_with_role(Role.PROVINCIAL_COMMITTEE, "32"),
        BANTEN: lambda: user_with_role(Role.PROVINCIAL_COMMITTEE, "36"),
        ASSIGNED: lambda: jury.assigned,
        UNASSIGNED: lambda: jury.unassigned,
        CONFLICTED: lambda: jury.conflicted,
        CANDIDATE: lambda: user_with_role(Role.CANDIDATE),
        DATA: lambda: user_with_role(Role.DATA_OFFICER),
    }[who]()


def _post_data(jury, url):
    if "/candidate/" in url:
        return sheet_post(jury.criteria, ["7", "7", "7", "7"])
    if "/conflicts/" in url:
        return {"candidate": jury.b.pk, "reason": "neighbour"}
    if "/profile/" in url:
        return {"employer_name": "Universitas Padjadjaran"}
    if "/panel/" in url:
        return {"action": "update", "name": "Panel A", "blind": "on"}
    return {"name": "Panel B"}


@pytest.mark.parametrize("who", sorted(EVERYONE))
@pytest.mark.parametrize(
    ("url", "method", "allowed"), MATRIX, ids=[f"{m} {u}" for u, m, _ in MATRIX]
)
def test_access(jury, client, who, url, method, allowed):
    member = jury.panel.members.get(juror=jury.assigned)
    url = url.format(
        a=jury.a.pk,
        b=jury.b.pk,
        round=jury.round.pk,
        panel=jury.panel.pk,
        member=member.pk,
        category=jury.category.code,
    )
    if who != ANON:
        client.force_login(_user(jury, who))
    response = client.post(url, _post_data(jury, url)) if method == "post" else client.get(url)
    if who in allowed:
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"]
    elif who == ANON:
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response.status_code == 403


def test_unknown_objects_are_404_for_the_committee(jury, client):
    client.force_login(user_with_role(Role.NATIONAL_COMMITTEE))
    assert client.get("/jury/candidate/999999/").status_code == 404
    assert client.get("/jury/panel/999999/").status_code == 404


def test_dashboard_lists_the_jury_capabilities(jury, client):
    client.force_login(jury.assigned)
    page = client.get("/dashboard/").content.decode()
    assert "/jury/" in page
    assert "/jury/rounds/" not in page
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    page = client.get("/dashboard/").content.decode()
    assert "/jury/rounds/" in page
