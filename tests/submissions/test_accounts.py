"""Inviting candidate accounts: user, role, link, e-mail, password, audit."""

import re

import pytest
from django.core import mail

from paritrana.accounts.models import Role, User
from paritrana.accounts.roles import has_role
from paritrana.audit.models import AuditEntry
from paritrana.awards.models import Candidate, CandidateOrigin, CandidateStatus
from paritrana.submissions.domain.accounts import candidate_invite
from paritrana.submissions.domain.errors import ClosedError, InvalidValueError
from paritrana.submissions.models import CandidateAccount

pytestmark = pytest.mark.django_db


def _link(message):
    return re.search(r"https?://\S+/submissions/welcome/\S+/", message.body).group(0)


def test_committee_invites_and_the_person_sets_a_password(client, candidate, jabar_committee):
    client.force_login(jabar_committee)
    response = client.post(
        f"/submissions/verification/candidate/{candidate.pk}/invite/",
        {"full_name": "Siti Rahma", "email": "Siti@Bandungkab.go.id"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="siti@bandungkab.go.id")
    assert not user.has_usable_password()
    assert has_role(user, Role.CANDIDATE)
    assert CandidateAccount.objects.filter(user=user, candidate=candidate).exists()
    assert AuditEntry.objects.filter(action="candidate.invite").count() == 1
    assert AuditEntry.objects.filter(action="role.grant", object_id=str(user.pk)).exists()
    (message,) = mail.outbox
    assert message.to == ["siti@bandungkab.go.id"]
    assert candidate.entity.name in message.subject

    client.logout()
    path = _link(message).split("://", 1)[1].split("/", 1)[1]
    form = client.get("/" + path, follow=True)
    assert form.status_code == 200
    password = "Jaminan-Sosial-2025"
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )
    assert response.status_code == 302
    login = client.post(
        "/accounts/login/", {"username": "siti@bandungkab.go.id", "password": password}
    )
    assert login.status_code == 302
    assert client.get(f"/submissions/candidate/{candidate.pk}/").status_code == 200
    client.logout()
    again = client.get("/" + path, follow=True)  # the link works once
    assert "invalid or was already used" in again.content.decode()


def test_reinviting_links_the_existing_account(candidate, other_candidate, national):
    candidate_invite(candidate=candidate, email="a@x.id", full_name="A", actor=national)
    candidate_invite(candidate=candidate, email="A@x.id", full_name="A", actor=national)
    candidate_invite(candidate=other_candidate, email="a@x.id", full_name="A", actor=national)
    assert User.objects.filter(email="a@x.id").count() == 1
    assert CandidateAccount.objects.count() == 2
    assert len(mail.outbox) == 3


def test_bad_invitations_are_refused(candidate, national):
    with pytest.raises(InvalidValueError):
        candidate_invite(candidate=candidate, email="not-an-address", full_name="A", actor=national)
    candidate.status = CandidateStatus.REMOVED
    candidate.save()
    with pytest.raises(ClosedError):
        candidate_invite(candidate=candidate, email="a@x.id", full_name="A", actor=national)
    assert not User.objects.filter(email="a@x.id").exists()
    assert not mail.outbox


def test_a_promoted_candidacy_keeps_its_accounts(client, candidate, owner, cycle, pemda):
    national_round = cycle.rounds.get(level="NATIONAL")
    promoted = Candidate.objects.create(
        round=national_round,
        category=pemda,
        entity=candidate.entity,
        status=CandidateStatus.CONFIRMED,
        origin=CandidateOrigin.PROMOTED,
        promoted_from=candidate,
    )
    client.force_login(owner)
    assert client.get(f"/submissions/candidate/{promoted.pk}/").status_code == 200
    assert f"/submissions/candidate/{promoted.pk}/" in client.get("/submissions/").content.decode()
