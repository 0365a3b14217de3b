"""The committee verifies each answer; conflicts and closed stages change nothing."""

import pytest

from paritrana.audit.models import AuditEntry
from paritrana.submissions.domain.errors import ClosedError, VerificationConflictError
from paritrana.submissions.domain.verification import answer_verify
from paritrana.submissions.models import Answer, Decision, FieldNote
from tests.submissions.factories import (
    PEMDA_ANSWERS,
    fill_and_submit,
    pdf_bytes,
    set_stage,
    upload,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def submitted(candidate, owner, jabar):
    fill_and_submit(candidate, owner, PEMDA_ANSWERS)
    set_stage(jabar, "VERIFICATION")
    return candidate


def _answer(candidate, code):
    return Answer.objects.get(submission__candidate=candidate, question__code=code)


def _decide(client, answer, decision, version=None, **fields):
    data = {"decision": decision, "version": answer.version if version is None else version}
    data.update(fields)
    return client.post(f"/submissions/verification/answer/{answer.pk}/", data)


def test_accept_correct_reject_are_saved_and_audited(client, submitted, jabar_committee):
    client.force_login(jabar_committee)
    innovation = _answer(submitted, "innovation_programmes")
    plan = _answer(submitted, "sustainability_plan")
    text = _answer(submitted, "programme_description")
    assert (
        _decide(
            client, innovation, "CORRECTED", corrected_value="2", reason="SK only for 2"
        ).status_code
        == 302
    )
    assert _decide(client, plan, "REJECTED", reason="No budget line in the APBD").status_code == 302
    assert _decide(client, text, "ACCEPTED").status_code == 302
    innovation.refresh_from_db()
    assert (innovation.decision, innovation.corrected_value, innovation.version) == (
        Decision.CORRECTED,
        "2",
        1,
    )
    assert innovation.decided_by == jabar_committee
    entries = AuditEntry.objects.filter(action="answer.verify").order_by("pk")
    assert entries.count() == 3
    assert entries[0].before["decision"] == Decision.UNVERIFIED
    assert entries[0].after == {
        "decision": "CORRECTED",
        "corrected_value": "2",
        "reason": "SK only for 2",
        "version": 1,
    }


def test_the_candidate_sees_outcomes_and_reasons(client, submitted, owner, jabar_committee):
    answer_verify(
        answer=_answer(submitted, "sustainability_plan"),
        decision=Decision.REJECTED,
        reason="Tidak ada pos anggaran",
        expected_version=0,
        actor=jabar_committee,
    )
    answer_verify(
        answer=_answer(submitted, "innovation_programmes"),
        decision=Decision.CORRECTED,
        corrected_raw="1",
        reason="Hanya satu SK",
        expected_version=0,
        actor=jabar_committee,
    )
    client.force_login(owner)
    page = client.get(f"/submissions/candidate/{submitted.pk}/").content.decode()
    assert "Rejected" in page
    assert "Tidak ada pos anggaran" in page
    assert "corrected to" in page
    assert "Hanya satu SK" in page


def test_a_reason_is_required_to_correct_or_reject(client, submitted, national):
    client.force_login(national)
    answer = _answer(submitted, "innovation_programmes")
    response = _decide(client, answer, "REJECTED")
    assert response.status_code == 400
    assert "reason" in response.content.decode()
    response = _decide(client, answer, "CORRECTED", corrected_value="tiga", reason="x")
    assert response.status_code == 400
    assert 'value="tiga"' in response.content.decode()  # what was typed stays
    answer.refresh_from_db()
    assert answer.decision == Decision.UNVERIFIED
    assert not AuditEntry.objects.filter(action="answer.verify").exists()


def test_two_members_deciding_at_once_do_not_overwrite_each_other(
    client, submitted, national, jabar_committee
):
    answer = _answer(submitted, "innovation_programmes")
    loaded_version = answer.version  # both members opened the page at version 0
    answer_verify(
        answer=answer,
        decision=Decision.ACCEPTED,
        expected_version=loaded_version,
        actor=national,
    )
    client.force_login(jabar_committee)
    response = _decide(
        client, answer, "REJECTED", version=loaded_version, reason="Evidence unreadable"
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Another committee member changed this verification" in page
    assert str(national) in page  # who decided, and what
    assert "Accepted" in page
    assert "Evidence unreadable" in page  # the second member's typing is kept
    answer.refresh_from_db()
    assert (answer.decision, answer.decided_by, answer.version) == (Decision.ACCEPTED, national, 1)
    assert AuditEntry.objects.filter(action="answer.verify").count() == 1
    # Having seen the other decision, the form now carries version 1: sending it replaces it.
    assert 'name="version" value="1"' in page
    with pytest.raises(VerificationConflictError) as exc:
        answer_verify(
            answer=answer,
            decision=Decision.REJECTED,
            reason="x",
            expected_version=0,
            actor=jabar_committee,
        )
    assert exc.value.current.decision == Decision.ACCEPTED


def test_conflict_through_htmx_keeps_the_fragment(client, submitted, national, jabar_committee):
    answer = _answer(submitted, "sustainability_plan")
    answer_verify(answer=answer, decision=Decision.ACCEPTED, expected_version=0, actor=national)
    client.force_login(jabar_committee)
    response = client.post(
        f"/submissions/verification/answer/{answer.pk}/",
        {"decision": "REJECTED", "version": 0, "reason": "no"},
        **HTMX,
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<section class="question card verify"')
    assert "Another committee member" in fragment


@pytest.mark.parametrize("how", ["stage", "locked"])
def test_no_verification_when_the_stage_is_closed_or_the_round_locked(
    client, submitted, jabar, national, how
):
    from django.utils import timezone

    if how == "stage":
        set_stage(jabar, "INTERVIEW")
    else:
        jabar.locked_at = timezone.now()
        jabar.save()
    client.force_login(national)
    answer = _answer(submitted, "innovation_programmes")
    response = _decide(client, answer, "ACCEPTED")
    assert response.status_code == 409
    assert ("locked" if how == "locked" else "not open") in response.content.decode()
    answer.refresh_from_db()
    assert answer.decision == Decision.UNVERIFIED
    with pytest.raises(ClosedError):
        answer_verify(answer=answer, decision=Decision.ACCEPTED, expected_version=0, actor=national)
    page = client.get(f"/submissions/verification/candidate/{submitted.pk}/").content.decode()
    assert "Save decision" not in page  # read-only


def test_nothing_to_verify_before_the_candidate_submits(client, candidate, owner, jabar, national):
    from paritrana.submissions.domain.answers import answer_save

    answer = answer_save(
        candidate=candidate,
        question=candidate.category.questions.get(code="innovation_programmes"),
        raw="2",
        actor=owner,
    )
    set_stage(jabar, "VERIFICATION")
    client.force_login(national)
    response = _decide(client, answer, "ACCEPTED")
    assert response.status_code == 409
    assert "not submitted" in response.content.decode()


def test_field_note_with_a_file(client, submitted, jabar_committee, owner):
    client.force_login(jabar_committee)
    response = client.post(
        f"/submissions/verification/candidate/{submitted.pk}/note/",
        {
            "text": "Kunjungan lapangan 3 Maret: SK program dilihat.",
            "files": [upload("foto.pdf", pdf_bytes())],
        },
    )
    assert response.status_code == 302
    note = FieldNote.objects.get()
    assert note.files.count() == 1
    entry = AuditEntry.objects.get(action="field_note.create")
    assert entry.after["files"][0]["name"] == "foto.pdf"
    file = note.files.get()
    assert client.get(f"/submissions/evidence/{file.pk}/").status_code == 200
    client.force_login(owner)  # field files are the committee's working papers
    assert client.get(f"/submissions/evidence/{file.pk}/").status_code == 403


def test_field_note_with_a_disguised_file_is_refused_whole(client, submitted, national):
    client.force_login(national)
    response = client.post(
        f"/submissions/verification/candidate/{submitted.pk}/note/",
        {"text": "Catatan", "files": [upload("virus.pdf", b"MZ\x90\x00rest")]},
    )
    assert response.status_code == 400
    assert "not a PDF, PNG or JPEG" in response.content.decode()
    assert not FieldNote.objects.exists()


def test_reopen_gives_the_questionnaire_back_while_submissions_are_open(
    client, candidate, owner, jabar, national
):
    fill_and_submit(candidate, owner, PEMDA_ANSWERS)
    client.force_login(national)
    response = client.post(
        f"/submissions/verification/candidate/{candidate.pk}/reopen/", {"reason": "Salah kirim"}
    )
    assert response.status_code == 302
    candidate.submission.refresh_from_db()
    assert not candidate.submission.is_submitted
    assert AuditEntry.objects.get(action="submission.reopen").after["reason"] == "Salah kirim"
