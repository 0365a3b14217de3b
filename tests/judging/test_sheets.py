"""Score sheets through the pages: refusals keep typed values, abstain, stage and lock, blind mode."""

import pytest
from django.utils import timezone

from paritrana.audit.models import AuditEntry
from paritrana.judging.domain.errors import JudgingError, SheetRefusedError
from paritrana.judging.domain.sheets import ScoreInput, sheet_save, sheet_submit
from paritrana.judging.models import Score, ScoreSheet
from tests.judging.conftest import sheet_post
from tests.judging.factories import set_stage


def url(jury, suffix=""):
    return f"/jury/candidate/{jury.a.pk}/{suffix}"


def test_out_of_range_score_is_refused_naming_the_criterion_and_typed_values_are_kept(jury, client):
    client.force_login(jury.assigned)
    data = sheet_post(jury.criteria, ["8", "11", "6,5", None], comment="Bupati hadir")
    response = client.post(url(jury), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kualitas paparan: 11 is outside the rubric range 1–10." in page
    assert 'value="11"' in page
    assert 'value="6,5"' in page
    assert "Bupati hadir" in page
    assert not ScoreSheet.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="score_sheet").exists()


def test_not_a_number_is_refused(jury):
    with pytest.raises(SheetRefusedError) as refused:
        sheet_save(
            juror=jury.assigned,
            candidate=jury.a,
            entries={jury.criteria[0].pk: ScoreInput("tujuh")},
            comment="",
            actor=jury.assigned,
        )
    assert "Komitmen kepala daerah: “tujuh” is not a number." in str(refused.value)
    assert set(refused.value.problems) == {jury.criteria[0].code}


def test_save_then_submit_stores_abstention_as_missing_and_audits(jury, client):
    client.force_login(jury.assigned)
    response = client.post(
        url(jury), sheet_post(jury.criteria, ["8", "7.5", "6,5", None], submit=True)
    )
    assert response.status_code == 302
    sheet = ScoreSheet.objects.get(juror=jury.assigned, candidate=jury.a)
    assert sheet.is_submitted
    scores = {s.criterion.code: s for s in sheet.scores.select_related("criterion")}
    abstained = scores["jury_sustainability"]
    assert abstained.abstained
    assert abstained.value is None
    assert str(scores["jury_innovation"].value) == "6.50"
    actions = list(
        AuditEntry.objects.filter(object_type="judging.ScoreSheet").values_list("action", flat=True)
    )
    assert actions == ["score_sheet.save", "score_sheet.submit"]
    save = AuditEntry.objects.get(action="score_sheet.save")
    assert save.after["scores"]["jury_sustainability"] == {
        "value": None,
        "abstained": True,
        "comment": "",
    }


def test_submit_needs_a_score_or_abstention_for_every_criterion(jury, client):
    client.force_login(jury.assigned)
    response = client.post(url(jury), sheet_post(jury.criteria[:2], ["8", "7"], submit=True))
    page = response.content.decode()
    assert "Inovasi: give a score or abstain." in page
    sheet = ScoreSheet.objects.get(juror=jury.assigned, candidate=jury.a)
    assert not sheet.is_submitted
    # What was typed is saved; only the submission is refused.
    assert sheet.scores.filter(value__isnull=False).count() == 2


def test_a_submitted_sheet_cannot_change(jury):
    entries = {c.pk: ScoreInput("5") for c in jury.criteria}
    sheet_save(juror=jury.assigned, candidate=jury.a, entries=entries, comment="", actor=None)
    sheet_submit(juror=jury.assigned, candidate=jury.a, actor=None)
    with pytest.raises(JudgingError, match="already submitted"):
        sheet_save(juror=jury.assigned, candidate=jury.a, entries=entries, comment="x", actor=None)


@pytest.mark.parametrize("closed", ["stage", "lock"])
def test_scoring_refused_when_stage_closed_or_round_locked(jury, client, closed):
    if closed == "stage":
        set_stage(jury.round, "DELIBERATION")
        message = "Scoring is not open in the current stage"
    else:
        jury.round.locked_at = timezone.now()
        jury.round.save()
        message = "The round is locked"
    client.force_login(jury.assigned)
    data = sheet_post(jury.criteria, ["8", "7", "6", "5"])
    response = client.post(url(jury), data)
    assert response.status_code == 403
    page = response.content.decode()
    assert message in page
    assert 'value="8"' in page
    autosave = client.post(url(jury, "autosave/"), data, headers={"HX-Request": "true"})
    assert autosave.status_code == 403
    assert message in autosave.content.decode()
    with pytest.raises(JudgingError, match=message):
        sheet_save(
            juror=jury.assigned,
            candidate=jury.a,
            entries={jury.criteria[0].pk: ScoreInput("8")},
            comment="",
            actor=None,
        )
    assert not Score.objects.exists()
    assert client.get(url(jury)).status_code == 200  # still readable


def test_autosave_saves_and_reports(jury, client):
    client.force_login(jury.assigned)
    response = client.post(
        url(jury, "autosave/"),
        sheet_post(jury.criteria, ["8", "", "", ""], comment="draft"),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Saved at" in response.content.decode()
    sheet = ScoreSheet.objects.get()
    assert sheet.comment == "draft"
    assert sheet.scores.get(criterion=jury.criteria[0]).value == 8
    assert sheet.scores.get(criterion=jury.criteria[1]).value is None
    # Same data again: nothing changed, nothing more in the audit log.
    client.post(
        url(jury, "autosave/"), sheet_post(jury.criteria, ["8", "", "", ""], comment="draft")
    )
    assert AuditEntry.objects.filter(action="score_sheet.save").count() == 1
    refused = client.post(url(jury, "autosave/"), sheet_post(jury.criteria, ["0", "", "", ""]))
    assert refused.status_code == 422
    assert "outside the rubric range" in refused.content.decode()
    assert sheet.scores.get(criterion=jury.criteria[0]).value == 8


def test_sheet_page_is_phone_ready_and_ships_htmx_locally(jury, client):
    client.force_login(jury.assigned)
    page = client.get(url(jury)).content.decode()
    assert 'hx-post="/jury/candidate/' in page
    assert "/static/django_htmx/htmx" in page
    assert "https://" not in page.split("<main", 1)[1].split("</main>")[0]
    assert 'inputmode="decimal"' in page
    assert 'name="viewport"' in page


def _submit(jury, juror, value):
    entries = {c.pk: ScoreInput(value) for c in jury.criteria}
    sheet_save(juror=juror, candidate=jury.a, entries=entries, comment=f"by {juror}", actor=None)
    sheet_submit(juror=juror, candidate=jury.a, actor=None)


@pytest.mark.parametrize("blind", [True, False])
def test_blind_mode_hides_others_until_own_submission(jury, client, blind):
    jury.panel.blind = blind
    jury.panel.save()
    _submit(jury, jury.second, "3")
    client.force_login(jury.assigned)
    page = client.get(url(jury)).content.decode()
    assert ("by Bima" in page) is not blind
    assert ("scores blind" in page) is blind
    _submit(jury, jury.assigned, "9")
    page = client.get(url(jury)).content.decode()
    assert "by Bima" in page


def test_drafts_of_others_are_never_shown(jury, client):
    sheet_save(
        juror=jury.second,
        candidate=jury.a,
        entries={jury.criteria[0].pk: ScoreInput("3")},
        comment="secret draft",
        actor=None,
    )
    client.force_login(jury.assigned)
    assert "secret draft" not in client.get(url(jury)).content.decode()


def test_committee_sees_every_sheet(jury, client):
    from paritrana.accounts.models import Role
    from tests.factories import user_with_role

    _submit(jury, jury.second, "4")
    client.force_login(user_with_role(Role.PROVINCIAL_COMMITTEE, "32"))
    page = client.get(url(jury)).content.decode()
    assert "Bima" in page
    assert "by Bima" in page
