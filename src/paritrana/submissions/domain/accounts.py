"""Inviting a candidate organisation's people: an account, the link, an e-mail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from paritrana.accounts.domain import role_grant
from paritrana.accounts.models import Role, User
from paritrana.audit.domain import audit_log
from paritrana.awards.models import Candidate, CandidateStatus
from paritrana.submissions.conf import site_url
from paritrana.submissions.domain.errors import ClosedError, InvalidValueError
from paritrana.submissions.models import CandidateAccount


def set_password_link(*, user: User, base_url: str) -> str:
    """One-use link: the token is void once the password changes (Django's reset token)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url + reverse("submissions:set_password", args=[uid, token])


def _user_for(email: str, full_name: str, organisation: str) -> User:
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        user = User.objects.filter(username__iexact=email).first()
    if user is None:
        user = User(username=email, email=email, full_name=full_name, organisation=organisation)
        user.set_unusable_password()  # set through the invitation link only
        user.save()
    return user


def candidate_invite(
    *,
    candidate: Candidate,
    email: str,
    full_name: str,
    actor: Any,
    base_url: str | None = None,
) -> CandidateAccount:
    """Give a person of the candidate organisation an account and e-mail the link.

    Re-inviting the same address links the existing account and sends a fresh link.
    """
    email = (email or "").strip().lower()
    full_name = (full_name or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidValueError(
            _("“%(email)s” is not an e-mail address.") % {"email": email}
        ) from None
    if not full_name:
        raise InvalidValueError(_("Enter the person's full name."))
    if candidate.status == CandidateStatus.REMOVED:
        raise ClosedError(_("This candidacy was withdrawn; nobody can be invited for it."))
    with transaction.atomic():
        user = _user_for(email, full_name, candidate.entity.name)
        role_grant(user=user, role=Role.CANDIDATE, actor=actor)
        link, created = CandidateAccount.objects.get_or_create(
            user=user, candidate=candidate, defaults={"invited_by": actor}
        )
        audit_log(
            actor=actor,
            action="candidate.invite",
            obj=link,
            object_repr=f"{candidate} · {email}",
            after={"email": email, "full_name": full_name, "new_link": created},
        )
    # Sent after the commit: a failing mail server leaves a valid account to re-invite.
    context = {
        "user": user,
        "full_name": full_name,
        "candidate": candidate,
        "link": set_password_link(user=user, base_url=(base_url or site_url()).rstrip("/")),
    }
    send_mail(
        subject=render_to_string("submissions/email/invite_subject.txt", context).strip(),
        message=render_to_string("submissions/email/invite_body.txt", context),
        from_email=None,
        recipient_list=[email],
    )
    return link
