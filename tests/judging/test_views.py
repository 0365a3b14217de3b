"""The committee's and jurors' pages end to end, and query counts of the list pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from paritrana.accounts.models import Role
from paritrana.audit.models import AuditEntry
from paritrana.judging.domain.assignments import assignment_add
from paritrana.judging.domain.panels import panel_member_add
from paritrana.judging.domain.sheets import ScoreInput, sheet_save, sheet_submit
from paritrana.judging.models import Assignment, ConflictDeclaration, JurorProfile, Panel
from tests.factories import user_with_role
from tests.judging.factories import make_juror, regency_candidate


@pytest.fixture
def committee(client):
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    return client


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_committee_builds_a_panel_and_assigns(jury, committee):
    response = committee.post(f"/jury/round/{jury.round.pk}/", {"name": "Panel B", "blind": "on"})
    panel = Panel.objects.get(name="Panel B")
    assert response["Location"] == f"/jury/panel/{panel.pk}/"
    assert panel.blind
    jurors = [make_juror(full_name=f"J{i}") for i in range(3)]
    for juror in jurors:
        committee.post(f"/jury/panel/{panel.pk}/", {"action": "member_add", "juror": juror.pk})
    assert panel.members.count() == 3
    response = committee.post(
        f"/jury/panel/{panel.pk}/", {"action": "generate", "k": "2"}, follow=True
    )
    assert "4 assignments generated." in _messages(response)
    assert Assignment.objects.filter(panel=panel).count() == 4
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"panel.create", "panel.member_add", "assignments.generate"} <= actions


def test_assigning_a_conflicted_juror_by_hand_is_refused_with_a_message(jury, committee):
    before = Assignment.objects.count()
    response = committee.post(
        f"/jury/panel/{jury.panel.pk}/",
        {"action": "assign", "juror": jury.unassigned.pk, "candidate": jury.a.pk},
        follow=True,
    )
    assert _messages(response) == ["Juror assigned."]  # not conflicted
    assert Assignment.objects.count() == before + 1
    profile_url = f"/jury/panel/{jury.panel.pk}/member/"
    member = jury.panel.members.get(juror=jury.second)
    response = committee.post(
        f"{profile_url}{member.pk}/profile/",
        {"home_province": "32", "home_regency": "32.73"},
        follow=True,
    )
    assert _messages(response) == ["Juror profile saved."]
    assert JurorProfile.objects.get(user=jury.second).home_regency_id == "32.73"
    response = committee.post(
        f"/jury/panel/{jury.panel.pk}/",
        {"action": "assign", "juror": jury.second.pk, "candidate": jury.b.pk},
        follow=True,
    )
    (message,) = _messages(response)
    assert "conflict of interest with Pemerintah Kota Bandung" in message
    assert "home regency/city" in message
    assert not Assignment.objects.filter(juror=jury.second, candidate=jury.b).exists()
    response = committee.post(
        f"/jury/panel/{jury.panel.pk}/",
        {"action": "clear", "juror": jury.second.pk, "candidate": jury.b.pk, "reason": "moved"},
        follow=True,
    )
    assert _messages(response) == ["Conflict flag cleared."]


def test_profile_refuses_a_regency_outside_the_province(jury, committee):
    member = jury.panel.members.get(juror=jury.second)
    response = committee.post(
        f"/jury/panel/{jury.panel.pk}/member/{member.pk}/profile/",
        {"home_province": "36", "home_regency": "32.73"},
    )
    assert response.status_code == 200
    assert "is not in" in response.content.decode()
    assert not JurorProfile.objects.filter(user=jury.second).exists()


def test_a_juror_declares_a_conflict_and_can_no_longer_open_the_candidate(jury, client):
    client.force_login(jury.unassigned)
    assert client.get(f"/jury/candidate/{jury.b.pk}/").status_code == 200
    response = client.post(
        f"/jury/round/{jury.round.pk}/conflicts/", {"candidate": jury.b.pk, "reason": "my uncle"}
    )
    assert response.status_code == 302
    assert ConflictDeclaration.objects.filter(juror=jury.unassigned, candidate=jury.b).exists()
    assert AuditEntry.objects.filter(action="conflict.declare").count() == 2
    assert client.get(f"/jury/candidate/{jury.b.pk}/").status_code == 403
    page = client.get("/jury/").content.decode()
    assert "Conflict of interest" in page
    response = client.post(
        f"/jury/round/{jury.round.pk}/conflicts/", {"candidate": jury.b.pk, "reason": "again"}
    )
    assert "already declared" in response.content.decode()


def test_statistics_page_shows_scores_and_reliability(jury, committee):
    for juror, value in ((jury.assigned, "6"), (jury.second, "8")):
        entries = {c.pk: ScoreInput(value) for c in jury.criteria}
        sheet_save(juror=juror, candidate=jury.a, entries=entries, comment="", actor=None)
        sheet_submit(juror=juror, candidate=jury.a, actor=None)
    page = committee.get(
        f"/jury/round/{jury.round.pk}/statistics/{jury.category.code}/"
    ).content.decode()
    assert "7.00" in page  # mean of 6 and 8
    assert "ICC1" in page
    assert "Ayu" in page


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow(jury, codes):
    """More candidates, each with the two main jurors assigned and a submitted sheet."""
    for code in codes:
        candidate = regency_candidate(jury.round, code)
        for juror in (jury.assigned, jury.second):
            assignment_add(panel=jury.panel, juror=juror, candidate=candidate, actor=None)
            entries = {c.pk: ScoreInput("7") for c in jury.criteria}
            sheet_save(juror=juror, candidate=candidate, entries=entries, comment="", actor=None)
            sheet_submit(juror=juror, candidate=candidate, actor=None)
    for code in codes:
        panel_member_add(panel=jury.panel, juror=make_juror(full_name=f"Extra {code}"), actor=None)


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("juror", "/jury/"),
        ("committee", "/jury/rounds/"),
        ("committee", "/jury/round/{round}/"),
        ("committee", "/jury/panel/{panel}/"),
        ("committee", "/jury/round/{round}/statistics/{category}/"),
        ("committee", "/jury/candidate/{a}/"),
        ("juror", "/jury/candidate/{a}/"),
        ("juror", "/jury/round/{round}/conflicts/"),
    ],
)
def test_list_pages_do_not_grow_queries_with_rows(jury, client, who, url):
    url = url.format(
        round=jury.round.pk, panel=jury.panel.pk, category=jury.category.code, a=jury.a.pk
    )
    user = jury.assigned if who == "juror" else user_with_role(Role.PROVINCIAL_COMMITTEE, "32")
    client.force_login(user)
    _grow(jury, ["32.01"])
    small = _count(client, url)
    _grow(jury, ["32.02", "32.03", "32.05", "32.06"])
    assert _count(client, url) == small


def test_statistics_url_reverses_by_round_and_category_code():
    # The deliberation pages (awards) link here with (round pk, category code).
    from django.urls import reverse

    assert reverse("judging:statistics", args=(7, "BU-MANUFAKTUR")) == (
        "/jury/round/7/statistics/BU-MANUFAKTUR/"
    )
