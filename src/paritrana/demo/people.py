"""The people of the demo: committee actors, jurors with their profiles, candidate e-mails.

Demo users other than the printed logins get unusable passwords: they exist so the audit
log, the panels and the portal have real people in them, not to be logged into.
"""

from __future__ import annotations

import re

from paritrana.accounts.domain import role_grant
from paritrana.accounts.models import Role, User
from paritrana.awards.models import Candidate, Round

EMAIL_DOMAIN = "demo.paritrana.test"
#: Which demo login acts for which provincial committee (the others: the national one).
COMMITTEE_LOGINS = {"32": "kanwil-jabar", "36": "kanwil-banten"}

_JUROR_NAMES = (
    "Dr. Siti Rahmawati",
    "Ir. Bambang Sutrisno",
    "Dewi Lestari, S.E., M.M.",
    "Prof. Agus Salim",
    "Hendra Gunawan, S.H.",
    "Nur Aini, M.Si.",
    "Yohanes Manurung, M.B.A.",
    "Ratna Sari Dewi",
    "Drs. Made Wirawan",
    "Fitri Handayani, S.Psi.",
)


def user(username: str) -> User:
    return User.objects.get(username=username)


def committee_actor(rnd: Round) -> User:
    """Who runs the round in the demo: its provincial login, else the national committee."""
    return user(COMMITTEE_LOGINS.get(rnd.province_id or "", "panitia"))


def juror_ensure(*, username: str, full_name: str, organisation: str) -> User:
    juror, created = User.objects.get_or_create(
        username=username, defaults={"full_name": full_name, "organisation": organisation}
    )
    if created:
        juror.set_unusable_password()
        juror.save(update_fields=["password"])
    role_grant(user=juror, role=Role.JUROR)
    return juror


def jurors_for(prefix: str, count: int) -> list[User]:
    """``count`` jurors named ``juri-<prefix>-<n>``, each with a name from the list."""
    return [
        juror_ensure(
            username=f"juri-{prefix}-{n + 1}",
            full_name=_JUROR_NAMES[(n + len(prefix)) % len(_JUROR_NAMES)],
            organisation="Tim Juri Paritrana (demo)",
        )
        for n in range(count)
    ]


def candidate_email(candidate: Candidate) -> str:
    """One address per organisation: a promoted winner keeps the account it had."""
    code = re.sub(r"[^a-z0-9]+", "-", candidate.entity.code.lower()).strip("-")
    return f"{candidate.entity.kind.lower()}-{code}@{EMAIL_DOMAIN}"
