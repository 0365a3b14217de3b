"""The printed demo logins get real work: ``juri`` sits on panels, ``kandidat`` speaks for a
Jawa Barat candidate, and each role is told where to click."""

from __future__ import annotations

from django.urls import reverse

from paritrana.accounts.domain import DEMO_ACCOUNTS
from paritrana.awards.models import Award, AwardCycle, Candidate, Round, RoundLevel
from paritrana.demo.people import EMAIL_DOMAIN, committee_actor, user
from paritrana.judging.models import Assignment, ScoreSheet
from paritrana.submissions.domain.accounts import candidate_invite
from paritrana.submissions.models import CandidateAccount

SHOWCASE = "32"  # Jawa Barat: the province the juror and candidate logins belong to


def juri_leave_open(rnd: Round) -> set[tuple[int, int]]:
    """In a round parked at the interview, ``juri`` keeps his last interview to score."""
    juri = user("juri")
    mine = list(Assignment.objects.filter(panel__round=rnd, juror=juri).order_by("candidate_id"))
    return {(juri.pk, mine[-1].candidate_id)} if mine else set()


def kandidat_link(cycle: AwardCycle) -> Candidate | None:
    """Make ``kandidat`` a person of Jawa Barat's PEMDA winner (its provincial candidacy,
    which carries over to the national one); idempotent."""
    kandidat = user("kandidat")
    existing = CandidateAccount.objects.filter(user=kandidat).select_related("candidate").first()
    if existing is not None:
        return existing.candidate
    rnd = cycle.rounds.filter(province_id=SHOWCASE).first()
    if rnd is None:
        return None
    award = (
        Award.objects.filter(round=rnd, place=1)
        .select_related("candidate", "category")
        .order_by("category__order")
        .first()
    )
    candidate = award.candidate if award else rnd.candidates.order_by("pk").first()
    if candidate is None:
        return None
    if not kandidat.email:
        kandidat.email = f"kandidat@{EMAIL_DOMAIN}"
        kandidat.save(update_fields=["email"])
    candidate_invite(
        candidate=candidate,
        email=kandidat.email,
        full_name=kandidat.full_name or "Kandidat (demo)",
        actor=committee_actor(rnd),
    )
    return candidate


def _round_url(rnd: Round | None) -> str:
    return reverse("awards:round_detail", args=[rnd.pk]) if rnd else "/awards/"


def where_to_click(cycle: AwardCycle) -> dict[str, str]:
    """One line per demo login: what it can do in this demo and where to start."""
    national = cycle.rounds.get(level=RoundLevel.NATIONAL)
    rounds = {r.province_id: r for r in cycle.rounds.filter(level=RoundLevel.PROVINCIAL)}
    juri = user("juri")
    open_sheets = (
        Assignment.objects.filter(juror=juri)
        .exclude(
            candidate_id__in=ScoreSheet.objects.filter(
                juror=juri, submitted_at__isnull=False
            ).values("candidate_id")
        )
        .select_related("candidate__round__province")
        .first()
    )
    juri_hint = "/jury/ (My interviews: submitted sheets of Jawa Barat"
    if open_sheets is not None:
        where = open_sheets.candidate.round.province or "the national round"
        juri_hint += f"; one interview in {where} is still open: " + reverse(
            "judging:sheet", args=[open_sheets.candidate_id]
        )
    cycle_url = reverse("awards:cycle_detail", args=[cycle.slug])
    return {
        "panitia": f"{cycle_url} -> national round {_round_url(national)} (results by zone, "
        "promoted winners); /jury/rounds/ for panels and juror statistics; /audit/",
        "kanwil-jabar": f"{_round_url(rounds.get('32'))} (Jawa Barat: shortlist, verification, "
        "jury, results, lock and promotion); /submissions/verification/",
        "kanwil-banten": f"{_round_url(rounds.get('36'))} (Banten round, locked with results)",
        "juri": juri_hint + ")",
        "kandidat": "/submissions/ (the Jawa Barat winner's questionnaire, evidence and "
        "verification outcomes, and its national candidacy)",
        "data": "/data/ (the analytics store and indicators of cycle 2024)",
    }


def login_lines(cycle: AwardCycle | None) -> list[tuple[str, str, str, str]]:
    """(role, username, password, where to click) for every demo account."""
    hints = where_to_click(cycle) if cycle else {}
    return [
        (str(a.role.label), a.username, a.password, hints.get(a.username, "/dashboard/"))
        for a in DEMO_ACCOUNTS
    ]
