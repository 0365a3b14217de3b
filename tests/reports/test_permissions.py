"""Every role against every reports view and download, before and after publication."""

import pytest

from paritrana.awards.models import Award
from paritrana.reports.models import CertificateBatch
from tests.reports.conftest import result_of

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "national",
    "committee32",
    "committee36",
    "juror",
    "data_officer",
    "own_candidate",
    "other_candidate",
)
COMMITTEE = {"national", "committee32"}


def urls(rnd, run):
    own = result_of(run, "32.04")
    batch = CertificateBatch.objects.create(round=rnd, total=3)
    award = Award.objects.filter(round=rnd).order_by("place").first()
    return {
        "scorecard": f"/results/scorecard/{own.pk}/",
        "scorecard_pdf": f"/results/scorecard/{own.pk}.pdf",
        "other_scorecard": f"/results/scorecard/{result_of(run, '32.02').pk}/",
        "certificate": f"/results/certificates/{award.pk}.pdf" if award else None,
        "certificates_page": f"/results/certificates/round/{rnd.pk}/",
        "certificates_zip": f"/results/certificates/round/{rnd.pk}.zip",
        "batch": f"/results/certificates/batch/{batch.pk}/",
        "round_reports": f"/results/reports/round/{rnd.pk}/",
        "xlsx": f"/results/export/round/{rnd.pk}.xlsx",
        "xlsx_committee": f"/results/export/round/{rnd.pk}/committee.xlsx",
        "package": f"/results/package/round/{rnd.pk}.zip",
    }


def allowed_before_publication(role, view):
    """Locked but not published: the public sees nothing; the candidate its own scorecard."""
    if view in {"scorecard", "scorecard_pdf"}:
        return role in COMMITTEE | {"own_candidate"}
    if view in {"certificate", "xlsx"}:
        return False
    if view == "other_scorecard":
        return role in COMMITTEE
    return role in COMMITTEE


def allowed_after_publication(role, view):
    if view in {"scorecard", "scorecard_pdf", "other_scorecard", "certificate", "xlsx", "package"}:
        return True
    return role in COMMITTEE


def check(client, people, role, url, allowed):
    client.logout()
    if people[role] is not None:
        client.force_login(people[role])
    response = client.get(url)
    if allowed:
        assert response.status_code == 200, (role, url, response.status_code)
    elif people[role] is None:
        assert response.status_code == 302, (role, url)
        assert "/accounts/login" in response["Location"]
    else:
        assert response.status_code == 403, (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_before_publication(client, locked, people, role):
    rnd, _category, _c, run = locked
    for view, url in urls(rnd, run).items():
        if view == "scorecard_pdf" and not allowed_before_publication(role, view):
            check(client, people, role, url, allowed=False)
        elif view != "scorecard_pdf" or role == "own_candidate":  # one PDF render is enough
            check(client, people, role, url, allowed_before_publication(role, view))


@pytest.mark.parametrize("role", ROLES)
def test_after_publication(client, published, people, role):
    rnd, _category, _c, run = published
    for view, url in urls(rnd, run).items():
        if view == "scorecard_pdf" and role != "anonymous":
            continue  # rendered once, for the public
        check(client, people, role, url, allowed_after_publication(role, view))


def test_a_provisional_run_is_never_public_even_once_the_round_is_published(
    client, published, people
):
    """A superseded (non-final) run's result stays with the candidate and the committee."""
    from paritrana.awards.models import ScoringRun

    run = published[3]
    ScoringRun.objects.filter(pk=run.pk).update(is_final=False)
    url = f"/results/scorecard/{result_of(run, '32.04').pk}/"
    assert client.get(url).status_code == 302
    client.force_login(people["own_candidate"])
    page = client.get(url)
    assert page.status_code == 200
    assert "Provisional" in page.content.decode() or "Sementara" in page.content.decode()


def test_winner_name_hidden_from_the_candidate_before_publication(client, locked, people):
    run = locked[3]
    client.force_login(people["own_candidate"])
    html = client.get(f"/results/scorecard/{result_of(run, '32.04').pk}/").content.decode()
    winner = result_of(run, "32.02").candidate.entity.name
    assert winner not in html
    client.force_login(people["committee32"])
    html = client.get(f"/results/scorecard/{result_of(run, '32.04').pk}/").content.decode()
    assert winner in html


def test_missing_objects_are_404(client, people, published):
    client.force_login(people["national"])
    for url in (
        "/results/scorecard/999999/",
        "/results/certificates/999999.pdf",
        "/results/package/round/999999.zip",
    ):
        assert client.get(url).status_code == 404
