"""A candidate logs in, answers its questionnaire, uploads a PDF and submits."""

from __future__ import annotations

import pytest

from paritrana.submissions.models import Submission, SubmissionStatus
from tests.awards.factories import make_cycle
from tests.browser.conftest import log_in, screenshot
from tests.submissions.factories import candidate_user, make_candidate, pdf_bytes, set_stage

pytestmark = pytest.mark.browser


def _save(page, question, action) -> None:
    """Do ``action`` in the question's form and wait for the answer's autosave response."""
    with page.expect_response(lambda r: f"/answer/{question.pk}/" in r.url and r.ok):
        action(page.locator(f"#q-{question.pk}"))


def test_a_candidate_fills_and_submits_the_questionnaire(page_for, tmp_path):
    cycle = make_cycle()
    rnd = cycle.rounds.get(province_id="32")
    set_stage(rnd, "SUBMISSION")
    candidate = make_candidate(rnd, cycle.categories.get(code="PEMDA"), "32.04")
    owner = candidate_user(candidate, username="bupati-bandung")
    questions = {q.code: q for q in candidate.category.questions.all()}
    evidence = tmp_path / "perbup-pekerja-rentan.pdf"
    evidence.write_bytes(pdf_bytes(b"% Peraturan Bupati tentang pekerja rentan\n"))

    page = page_for()
    log_in(page, owner.username, f"/submissions/candidate/{candidate.pk}/")
    _save(page, questions["innovation_programmes"], _typed("input[name=value]", "4"))
    _save(
        page, questions["sustainability_plan"], lambda q: q.locator("input[value=annual]").check()
    )
    _save(
        page,
        questions["programme_description"],
        _typed("textarea[name=value]", "Iuran 12.000 pekerja rentan dibayar dari APBD."),
    )
    for code in ("innovation_programmes", "sustainability_plan"):
        block = page.locator(f"#evidence-{questions[code].pk}")
        block.locator("input[type=file]").set_input_files(str(evidence))
        with page.expect_response(lambda r: "/evidence/" in r.url and r.ok):
            block.locator("button[type=submit]").last.click()
        block.locator("ul.files a", has_text=evidence.name).wait_for()

    with page.expect_navigation():
        page.click("form.submit-box button[type=submit]")
    shot = screenshot(page, tmp_path / "candidate-submitted.png", full_page=True)

    submission = Submission.objects.get(candidate=candidate)
    assert submission.status == SubmissionStatus.SUBMITTED, page.content()[:3000]
    assert submission.evidence.count() == 2
    answers = dict(submission.answers.values_list("question__code", "value"))
    assert answers["innovation_programmes"] == "4"
    assert answers["sustainability_plan"] == "annual"
    assert shot.stat().st_size > 0


def _typed(selector: str, text: str):
    def action(question) -> None:
        field = question.locator(selector)
        field.fill(text)
        field.press("Tab")  # leaving the field sends the autosave at once ('change')

    return action
