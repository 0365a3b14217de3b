"""The demo's award cycle: created once with the defaults, then screened once."""

from __future__ import annotations

import datetime as dt

from paritrana.awards.domain.cycles import cycle_create
from paritrana.awards.domain.screening import screening_run
from paritrana.awards.models import AwardCycle, JobStatus, RoundLevel, ScreeningJob
from paritrana.demo.options import ANALYTICS_CYCLE, CYCLE_SLUG
from paritrana.demo.people import user
from paritrana.demo.progress import Progress


def demo_cycle() -> AwardCycle | None:
    return AwardCycle.objects.filter(slug=CYCLE_SLUG).first()


def demo_complete(cycle: AwardCycle | None) -> bool:
    """The national round is locked and public: the last thing the demo does."""
    if cycle is None:
        return False
    national = cycle.rounds.select_related("stage").get(level=RoundLevel.NATIONAL)
    return national.locked_at is not None and national.stage.results_public


def cycle_ensure(*, progress: Progress) -> AwardCycle:
    cycle = demo_cycle()
    if cycle is not None:
        progress.note(f"Cycle {cycle.name} exists; resuming it.")
        return cycle
    progress.phase("Creating the award cycle", total=None)
    return cycle_create(
        name="Paritrana Award 2024 (demo)",
        slug=CYCLE_SLUG,
        assessment_start=dt.date(2024, 1, 1),
        assessment_end=dt.date(2024, 12, 31),
        ceremony_year=2025,
        analytics_cycle=ANALYTICS_CYCLE,
        actor=user("panitia"),
    )


def screening_ensure(*, cycle: AwardCycle, progress: Progress) -> None:
    """Screen every round once; afterwards the shortlists belong to the committees."""
    # A finished job, not the presence of candidates: an interrupted run screened only some
    # categories, and screening again replaces nothing but unconfirmed proposals.
    if ScreeningJob.objects.filter(cycle=cycle, status=JobStatus.DONE).exists():
        return
    categories = cycle.categories.count()
    progress.phase("Screening every province and the national round", total=categories)

    def advance(message: str) -> None:
        # The engine reports each category as it starts, then each round within it.
        if message.endswith("reading indicators"):
            progress.advance()

    screening_run(cycle=cycle, actor=user("panitia"), progress=advance)
