"""List pages cost the same number of queries for 1 row as for many (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from paritrana.submissions.domain.answers import answer_save
from paritrana.submissions.domain.evidence import evidence_upload
from paritrana.submissions.models import CandidateAccount
from tests.submissions.factories import (
    PEMDA_ANSWERS,
    candidate_user,
    fill_and_submit,
    make_candidate,
    pdf_bytes,
    upload,
)

pytestmark = pytest.mark.django_db
REGENCIES = ["32.01", "32.02", "32.03", "32.05", "32.06"]


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def _populate(jabar, pemda, codes):
    made = []
    for code in codes:
        c = make_candidate(jabar, pemda, code)
        fill_and_submit(c, candidate_user(c), PEMDA_ANSWERS)
        made.append(c)
    return made


def test_round_candidates_and_verification_index(client, jabar, pemda, candidate, national):
    _populate(jabar, pemda, REGENCIES[:1])
    client.force_login(national)
    round_url = f"/submissions/verification/round/{jabar.pk}/"
    few_round, few_index = (
        _queries(client, round_url),
        _queries(client, "/submissions/verification/"),
    )
    _populate(jabar, pemda, REGENCIES[1:])
    banten_candidate = make_candidate(jabar.cycle.rounds.get(province_id="36"), pemda, "36.03")
    assert banten_candidate.pk
    assert _queries(client, round_url) == few_round
    assert _queries(client, "/submissions/verification/") == few_index


def test_portal_index_with_many_candidacies(client, cycle, jabar, pemda, candidate, owner):
    client.force_login(owner)
    few = _queries(client, "/submissions/")
    for code in REGENCIES:
        CandidateAccount.objects.create(user=owner, candidate=make_candidate(jabar, pemda, code))
    client.force_login(owner)
    assert _queries(client, "/submissions/") == few


def test_questionnaire_and_verification_pages_with_many_files(
    client, jabar, candidate, owner, questions, national
):
    q = questions["innovation_programmes"]
    answer_save(candidate=candidate, question=q, raw="1", actor=owner)
    evidence_upload(
        candidate=candidate, question=q, upload=upload("1.pdf", pdf_bytes()), actor=owner
    )
    client.force_login(owner)
    portal = f"/submissions/candidate/{candidate.pk}/"
    few = _queries(client, portal)
    client.force_login(national)
    verify = f"/submissions/verification/candidate/{candidate.pk}/"
    few_verify = _queries(client, verify)
    for code, question in questions.items():
        raw = {"sustainability_plan": "plan", "head_attends_interview": "yes"}.get(code, "4")
        answer_save(candidate=candidate, question=question, raw=raw, actor=owner)
        for i in range(3):
            evidence_upload(
                candidate=candidate,
                question=question,
                upload=upload(f"{code}-{i}.pdf", pdf_bytes()),
                actor=owner,
            )
    client.force_login(owner)
    assert _queries(client, portal) == few
    client.force_login(national)
    assert _queries(client, verify) == few_verify
