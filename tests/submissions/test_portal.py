"""The candidate fills, uploads and submits; every refusal says why and changes nothing."""

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.utils import timezone

from paritrana.audit.models import AuditEntry
from paritrana.submissions.models import Answer, Evidence, Submission, SubmissionStatus
from tests.submissions.factories import jpeg_bytes, pdf_bytes, png_bytes, set_stage, upload

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def as_owner(client, owner):
    client.force_login(owner)
    return client


def _save(client, candidate, question, value, **extra):
    return client.post(
        f"/submissions/candidate/{candidate.pk}/answer/{question.pk}/", {"value": value}, **extra
    )


def _upload(client, candidate, question, file, **extra):
    return client.post(
        f"/submissions/candidate/{candidate.pk}/evidence/{question.pk}/", {"file": file}, **extra
    )


def _answers(candidate):
    return dict(
        Answer.objects.filter(submission__candidate=candidate).values_list(
            "question__code", "value"
        )
    )


def _alert(response):
    page = response.content.decode()
    start = page.index('class="alert"')
    return page[start : page.index("</div>", start)]


def _fill_all(client, candidate, questions):
    for code, value in {
        "innovation_programmes": "3",
        "sustainability_plan": "annual",
        "programme_description": "Iuran 10.000 pekerja rentan dibayar APBD.",
    }.items():
        assert _save(client, candidate, questions[code], value, **HTMX).status_code == 200
    for code in ("innovation_programmes", "sustainability_plan"):
        _upload(client, candidate, questions[code], upload("bukti.pdf", pdf_bytes()), **HTMX)


def test_autosave_stores_each_answer_and_the_candidate_can_come_back(
    as_owner, candidate, questions
):
    response = _save(as_owner, candidate, questions["innovation_programmes"], "12,0", **HTMX)
    assert response.status_code == 200
    assert "Saved" in response.content.decode()
    _save(as_owner, candidate, questions["sustainability_plan"], "plan", **HTMX)
    assert _answers(candidate) == {"innovation_programmes": "12", "sustainability_plan": "plan"}
    page = as_owner.get(f"/submissions/candidate/{candidate.pk}/").content.decode()
    assert 'value="12"' in page
    assert 'value="plan" checked' in page
    entries = AuditEntry.objects.filter(action="answer.save")
    assert entries.count() == 2
    # The same value again (autosave fires on every pause) is not a change.
    _save(as_owner, candidate, questions["innovation_programmes"], "12", **HTMX)
    assert AuditEntry.objects.filter(action="answer.save").count() == 2


def test_plain_post_without_javascript_saves_and_redirects(as_owner, candidate, questions):
    response = _save(as_owner, candidate, questions["innovation_programmes"], "4")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#q-{questions['innovation_programmes'].pk}")
    assert _answers(candidate)["innovation_programmes"] == "4"


def test_typed_value_is_kept_on_a_validation_error(as_owner, candidate, questions):
    q = questions["innovation_programmes"]
    _save(as_owner, candidate, q, "5")
    response = _save(as_owner, candidate, q, "lima program")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'value="lima program"' in page
    assert "aria-invalid" in page
    assert "lima program" in page
    assert "12,5" in page
    assert _answers(candidate)["innovation_programmes"] == "5"  # the saved value is intact
    fragment = _save(as_owner, candidate, q, "-3", **HTMX).content.decode()
    assert 'role="alert"' in fragment
    assert _answers(candidate)["innovation_programmes"] == "5"


def test_submit_lists_what_is_missing_then_submits(as_owner, candidate, questions):
    _save(as_owner, candidate, questions["innovation_programmes"], "2", **HTMX)
    response = as_owner.post(f"/submissions/candidate/{candidate.pk}/submit/")
    assert response.status_code == 400
    alert = _alert(response)
    assert questions["sustainability_plan"].text in alert
    assert questions["programme_description"].text in alert
    assert questions["contact_person"].text not in alert  # optional
    assert not Submission.objects.filter(status=SubmissionStatus.SUBMITTED).exists()

    _fill_all(as_owner, candidate, questions)
    response = as_owner.post(f"/submissions/candidate/{candidate.pk}/submit/")
    assert response.status_code == 302
    submission = Submission.objects.get(candidate=candidate)
    assert submission.is_submitted
    assert AuditEntry.objects.filter(action="submission.submit").count() == 1


def test_a_claim_without_evidence_cannot_be_submitted(as_owner, candidate, questions):
    _fill_all(as_owner, candidate, questions)
    Evidence.objects.filter(question=questions["sustainability_plan"]).delete()
    response = as_owner.post(f"/submissions/candidate/{candidate.pk}/submit/")
    assert response.status_code == 400
    assert "Evidence missing" in response.content.decode()


def test_editing_after_submit_is_refused(as_owner, candidate, questions):
    _fill_all(as_owner, candidate, questions)
    as_owner.post(f"/submissions/candidate/{candidate.pk}/submit/")
    before = _answers(candidate)
    count = AuditEntry.objects.count()
    response = _save(as_owner, candidate, questions["innovation_programmes"], "99")
    assert response.status_code == 409
    assert "was submitted on" in response.content.decode()
    response = _upload(
        as_owner, candidate, questions["innovation_programmes"], upload("x.pdf", pdf_bytes())
    )
    assert response.status_code == 409
    assert as_owner.post(f"/submissions/candidate/{candidate.pk}/submit/").status_code == 409
    evidence = Evidence.objects.filter(submission__candidate=candidate).first()
    as_owner.post(f"/submissions/evidence/{evidence.pk}/delete/")
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    assert _answers(candidate) == before
    assert AuditEntry.objects.count() == count


def test_after_the_deadline_nothing_is_saved(as_owner, candidate, questions, jabar):
    set_stage(jabar, "SUBMISSION", ends_at=timezone.now() - dt.timedelta(minutes=1))
    response = _save(as_owner, candidate, questions["innovation_programmes"], "3")
    assert response.status_code == 409
    page = response.content.decode()
    assert 'value="3"' in page  # what was typed is still on the page
    assert not Answer.objects.exists()
    fragment = _save(as_owner, candidate, questions["innovation_programmes"], "3", **HTMX)
    assert 'role="alert"' in fragment.content.decode()
    assert as_owner.post(f"/submissions/candidate/{candidate.pk}/submit/").status_code == 409
    assert not Answer.objects.exists()
    assert not Submission.objects.filter(status=SubmissionStatus.SUBMITTED).exists()


def test_before_the_deadline_and_outside_the_stage(as_owner, candidate, questions, jabar):
    set_stage(jabar, "SUBMISSION", ends_at=timezone.now() + dt.timedelta(days=1))
    assert _save(as_owner, candidate, questions["innovation_programmes"], "3").status_code == 302
    set_stage(jabar, "VERIFICATION")
    page = as_owner.get(f"/submissions/candidate/{candidate.pk}/").content.decode()
    assert "hx-post" not in page  # read-only: no autosave forms
    assert _save(as_owner, candidate, questions["innovation_programmes"], "4").status_code == 409
    assert _answers(candidate)["innovation_programmes"] == "3"


def test_evidence_upload_stores_a_random_name_and_its_hash(as_owner, candidate, questions):
    data = pdf_bytes(b"% Perda 5/2024\n")
    response = _upload(
        as_owner, candidate, questions["innovation_programmes"], upload("Perda 5.pdf", data), **HTMX
    )
    assert response.status_code == 200
    assert "Perda 5.pdf" in response.content.decode()
    evidence = Evidence.objects.get()
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.content_type == "application/pdf"
    assert "Perda" not in evidence.file.name
    assert evidence.file.name.endswith(".pdf")
    assert AuditEntry.objects.get(action="evidence.upload").after["sha256"] == evidence.sha256
    download = as_owner.get(f"/submissions/evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == data


def test_images_are_typed_by_content_not_by_name(as_owner, candidate, questions):
    q = questions["innovation_programmes"]
    _upload(as_owner, candidate, q, upload("foto.pdf", png_bytes(), "application/pdf"))
    _upload(as_owner, candidate, q, upload("scan", jpeg_bytes(), "application/octet-stream"))
    assert sorted(Evidence.objects.values_list("content_type", flat=True)) == [
        "image/jpeg",
        "image/png",
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("laporan.pdf", b"MZ\x90\x00" + b"\x00" * 500, "not a PDF, PNG or JPEG"),
        ("kosong.pdf", b"", "empty"),
    ],
)
def test_bad_files_are_refused_with_a_message(
    as_owner, candidate, questions, name, data, message, settings
):
    response = _upload(
        as_owner,
        candidate,
        questions["innovation_programmes"],
        upload(name, data),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evidence.objects.exists()
    assert not AuditEntry.objects.filter(action="evidence.upload").exists()


def test_oversized_file_is_refused(as_owner, candidate, questions, settings, tmp_path):
    settings.PARITRANA_EVIDENCE_MAX_MB = 0.001  # about 1 KB
    data = pdf_bytes(b"%" + b"x" * 2000 + b"\n")
    response = _upload(
        as_owner, candidate, questions["innovation_programmes"], upload("besar.pdf", data), **HTMX
    )
    assert "MB" in response.content.decode()
    assert not Evidence.objects.exists()
    media = tmp_path / "media"
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_candidate_removes_its_own_file_while_open(
    as_owner, candidate, questions, django_capture_on_commit_callbacks
):
    _upload(as_owner, candidate, questions["innovation_programmes"], upload("a.pdf", pdf_bytes()))
    evidence = Evidence.objects.get()
    path = Path(evidence.file.path)
    assert path.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_owner.post(f"/submissions/evidence/{evidence.pk}/delete/")
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not path.exists()  # the bytes go once the deletion is committed
    assert AuditEntry.objects.get(action="evidence.delete").before["sha256"] == evidence.sha256


def test_portal_index_lists_the_candidacy_with_its_status(as_owner, candidate):
    page = as_owner.get("/submissions/").content.decode()
    assert candidate.entity.name in page
    assert f"/submissions/candidate/{candidate.pk}/" in page
