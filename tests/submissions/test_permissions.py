"""Every role against every submissions view and file download: allowed or denied.

Anonymous visitors are sent to log in; signed-in users without the permission get 403
(candidacies are not secret, their contents are; a missing object is 404). Each request
runs in a savepoint that is rolled back, so one world serves every row of a role.
"""

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from paritrana.accounts.models import Role
from paritrana.submissions.domain.answers import answer_save
from paritrana.submissions.domain.evidence import evidence_upload
from paritrana.submissions.models import Evidence, FieldNote
from tests.factories import user_with_role
from tests.submissions.factories import candidate_user, pdf_bytes, upload

pytestmark = pytest.mark.django_db

ANON, NATIONAL, JABAR, BANTEN = "anonymous", "national", "provincial-32", "provincial-36"
OWNER, OTHER_CANDIDATE = "candidate", "another-candidate"
JUROR, ASSIGNED_JUROR, DATA, NO_ROLE = "juror", "assigned-juror", "data-officer", "no-role"
EVERYONE = {
    ANON,
    NATIONAL,
    JABAR,
    BANTEN,
    OWNER,
    OTHER_CANDIDATE,
    JUROR,
    ASSIGNED_JUROR,
    DATA,
    NO_ROLE,
}
COMMITTEE = {NATIONAL, JABAR}  # the committees running the candidate's (Jawa Barat) round

# (method, url template, who may). Templates name objects of the world below.
MATRIX = [
    ("get", "/submissions/", {OWNER, OTHER_CANDIDATE}),
    ("get", "/submissions/candidate/{c}/", COMMITTEE | {OWNER, ASSIGNED_JUROR}),
    ("post", "/submissions/candidate/{c}/answer/{q}/", {OWNER}),
    ("post", "/submissions/candidate/{c}/evidence/{q}/", {OWNER}),
    ("post", "/submissions/candidate/{c}/submit/", {OWNER}),
    ("get", "/submissions/evidence/{e}/", COMMITTEE | {OWNER, ASSIGNED_JUROR}),
    ("get", "/submissions/evidence/{f}/", COMMITTEE | {ASSIGNED_JUROR}),  # field file
    ("post", "/submissions/evidence/{e}/delete/", {OWNER}),
    ("get", "/submissions/verification/", COMMITTEE | {BANTEN}),
    ("get", "/submissions/verification/round/{r}/", COMMITTEE),
    ("get", "/submissions/verification/candidate/{c}/", COMMITTEE),
    ("post", "/submissions/verification/answer/{a}/", COMMITTEE),
    ("post", "/submissions/verification/candidate/{c}/note/", COMMITTEE),
    ("post", "/submissions/verification/candidate/{c}/reopen/", COMMITTEE),
    ("get", "/submissions/verification/candidate/{c}/invite/", COMMITTEE),
    ("post", "/submissions/verification/candidate/{c}/invite/", COMMITTEE),
    ("get", "/submissions/welcome/MQ/bad-token/", EVERYONE),  # public: the link checks itself
]

SIMPLE_ROLES = {
    NATIONAL: (Role.NATIONAL_COMMITTEE, None),
    JABAR: (Role.PROVINCIAL_COMMITTEE, "32"),
    BANTEN: (Role.PROVINCIAL_COMMITTEE, "36"),
    JUROR: (Role.JUROR, None),
    DATA: (Role.DATA_OFFICER, None),
    NO_ROLE: (None, None),
}


def _assign(juror, candidate) -> bool:
    """Assign through the judging app when it is installed (it owns assignments)."""
    try:
        from paritrana.judging.models import Assignment, AssignmentOrigin, Panel
    except ImportError:
        return False
    panel = Panel.objects.create(round=candidate.round, name="Panel A")
    Assignment.objects.create(
        panel=panel, juror=juror, candidate=candidate, origin=AssignmentOrigin.values[0]
    )
    return True


@pytest.fixture
def world(candidate, other_candidate, owner, questions, national):
    q = questions["innovation_programmes"]
    answer = answer_save(candidate=candidate, question=q, raw="2", actor=owner)
    evidence = evidence_upload(
        candidate=candidate, question=q, upload=upload("a.pdf", pdf_bytes()), actor=owner
    )
    note = FieldNote.objects.create(submission=answer.submission, text="visit", author=national)
    field_file = Evidence(
        submission=answer.submission,
        field_note=note,
        original_name="visit.pdf",
        content_type="application/pdf",
        size=len(pdf_bytes()),
        sha256="0" * 64,
        uploaded_by=national,
    )
    field_file.file.save("evidence/field.pdf", ContentFile(pdf_bytes()), save=True)
    return {
        "c": candidate.pk,
        "q": q.pk,
        "a": answer.pk,
        "e": evidence.pk,
        "f": field_file.pk,
        "r": candidate.round_id,
        "candidate": candidate,
        "other": other_candidate,
        "owner": owner,
    }


def _user(who, world):
    if who == OWNER:
        return world["owner"]
    if who == OTHER_CANDIDATE:
        return candidate_user(world["other"])
    if who == ASSIGNED_JUROR:
        juror = user_with_role(Role.JUROR)
        if not _assign(juror, world["candidate"]):
            pytest.skip("the judging app (assignments) is not installed")
        return juror
    role, province = SIMPLE_ROLES[who]
    return user_with_role(role, province)


def _post_data(url, world):
    """Valid data for each write, so an allowed role reaches the action, not a form error."""
    choices = [
        ("/verification/answer/" in url, {"decision": "ACCEPTED", "version": "0"}),
        ("/answer/" in url, {"value": "3"}),
        (url.endswith(f"/evidence/{world['q']}/"), {"file": upload("b.pdf", pdf_bytes())}),
        (url.endswith("/note/"), {"text": "note"}),
        (url.endswith("/reopen/"), {"reason": "r"}),
        (url.endswith("/invite/"), {"full_name": "N", "email": "n@example.id"}),
    ]
    return next((data for matches, data in choices if matches), {})


@pytest.mark.parametrize("who", sorted(EVERYONE))
def test_access(client, world, who):
    if who != ANON:
        client.force_login(_user(who, world))
    wrong = []
    for method, template, allowed in MATRIX:
        url = template.format(**world)
        with transaction.atomic():
            if method == "post":
                response = client.post(url, _post_data(url, world))
            else:
                response = client.get(url)
            transaction.set_rollback(True)  # every row sees the same world
        status = response.status_code
        location = response.get("Location", "")
        if who in allowed:
            ok = status in (200, 302, 400, 409) and "/accounts/login/" not in location
        elif who == ANON:
            ok = status == 302 and location.startswith("/accounts/login/")
        else:
            ok = status == 403
        if not ok:
            wrong.append((method, url, status, location))
    assert wrong == []


def test_missing_objects_are_404(client, national):
    client.force_login(national)
    assert client.get("/submissions/candidate/999999/").status_code == 404
    assert client.get("/submissions/evidence/999999/").status_code == 404
    assert client.get("/submissions/verification/round/999999/").status_code == 404


def test_the_dashboard_offers_each_role_its_entry(client, owner, jabar_committee):
    client.force_login(owner)
    page = client.get("/dashboard/").content.decode()
    assert "/submissions/" in page
    assert "/submissions/verification/" not in page
    client.force_login(jabar_committee)
    page = client.get("/dashboard/").content.decode()
    assert "/submissions/verification/" in page
