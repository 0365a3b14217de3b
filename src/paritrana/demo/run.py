"""The whole demo, in workflow order; a finished demo is detected and left alone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.test.utils import override_settings

from paritrana.accounts.domain import demo_accounts_ensure
from paritrana.awards.models import (
    AwardCycle,
    Candidate,
    CandidateOrigin,
    Result,
    Round,
    RoundLevel,
)
from paritrana.demo.analytics import analytics_prepare
from paritrana.demo.cycle import cycle_ensure, demo_complete, demo_cycle, screening_ensure
from paritrana.demo.logins import juri_leave_open, kandidat_link
from paritrana.demo.options import DemoOptions
from paritrana.demo.people import user
from paritrana.demo.progress import Progress
from paritrana.demo.rounds import LOCKED, Context, round_drive, round_publish


@dataclass(frozen=True)
class DemoReport:
    cycle: AwardCycle
    skipped: bool
    locked: list[str] = field(default_factory=list)  # province names run to locked results
    parked: dict[str, str] = field(default_factory=dict)  # province name -> stage name
    promoted: int = 0
    national_results: int = 0


@contextmanager
def _no_mail() -> Iterator[None]:
    # Hundreds of invitations would flood the console; the demo's addresses are not real.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        yield


def _round(cycle: AwardCycle, province: str | None) -> Round | None:
    if province is None:
        return cycle.rounds.get(level=RoundLevel.NATIONAL)
    return cycle.rounds.filter(province_id=province).first()


def _context(cycle: AwardCycle, options: DemoOptions, progress: Progress) -> Context:
    juri = user("juri")
    showcase = [_round(cycle, "32")] + [
        _round(cycle, code) for code, stage in options.parked.items() if stage == "INTERVIEW"
    ]
    return Context(
        seed=options.seed,
        cache=options.data_path / "evidence",
        progress=progress,
        extra_jurors={r.pk: [juri] for r in showcase if r is not None},
        leave_open=juri_leave_open,
    )


def _workflow(cycle: AwardCycle, options: DemoOptions, progress: Progress) -> None:
    ctx = _context(cycle, options, progress)
    full = [r for r in (_round(cycle, code) for code in options.full) if r is not None]
    for rnd in full:
        round_drive(rnd=rnd, until=LOCKED, ctx=ctx)
    kandidat_link(cycle)
    for code, stage in options.parked.items():
        rnd = _round(cycle, code)
        if rnd is not None:
            round_drive(rnd=rnd, until=stage, ctx=ctx)
    national = _round(cycle, None)
    round_drive(rnd=national, until=LOCKED, ctx=ctx)
    progress.phase("Publishing the locked rounds", total=len(full) + 1)
    for rnd in [*full, national]:
        round_publish(rnd=rnd)
        progress.advance()


def demo_report(cycle: AwardCycle, options: DemoOptions, *, skipped: bool) -> DemoReport:
    rounds = {r.province_id: r for r in cycle.rounds.select_related("province", "stage")}
    return DemoReport(
        cycle=cycle,
        skipped=skipped,
        locked=[rounds[c].province.name for c in options.full if rounds[c].locked_at],
        parked={rounds[c].province.name: rounds[c].stage.name for c in options.parked},
        promoted=Candidate.objects.filter(
            round__cycle=cycle, origin=CandidateOrigin.PROMOTED
        ).count(),
        national_results=Result.objects.filter(run__round=rounds[None], run__is_final=True).count(),
    )


def demo_run(*, options: DemoOptions, progress: Progress) -> DemoReport:
    """Run (or resume) the demo cycle; a complete one is reported and left as it is."""
    demo_accounts_ensure()
    cycle = demo_cycle()
    if cycle is not None and demo_complete(cycle):
        progress.note(f"{cycle.name} is complete already; nothing changed.")
        return demo_report(cycle, options, skipped=True)
    with _no_mail():
        analytics_prepare(options=options, progress=progress)
        cycle = cycle_ensure(progress=progress)
        screening_ensure(cycle=cycle, progress=progress)
        _workflow(cycle, options, progress)
    return demo_report(cycle, options, skipped=False)
