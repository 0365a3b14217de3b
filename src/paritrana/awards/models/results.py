"""What deliberation and screening leave behind: scoring runs, results, awards, jobs."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScoringRun(models.Model):
    """One deliberation run of a round and category: the engine's record, kept for good.

    ``record`` holds the tree, the pipeline, the input data and their digests and each
    step's log, so the run can be reproduced; ``is_final`` marks the run a lock froze.
    """

    round = models.ForeignKey("awards.Round", on_delete=models.CASCADE, related_name="runs")
    category = models.ForeignKey("awards.Category", on_delete=models.CASCADE, related_name="runs")
    record = models.JSONField(_("run record"), default=dict)
    input_digest = models.CharField(_("digest of the inputs"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_final = models.BooleanField(_("final (locked)"), default=False)

    class Meta:
        ordering = ("round", "category", "-created_at", "-id")
        verbose_name = _("scoring run")
        verbose_name_plural = _("scoring runs")
        get_latest_by = ("created_at", "id")

    def __str__(self) -> str:
        return f"run #{self.pk} {self.category.code} {self.round}"


class Result(models.Model):
    """One candidate's composite score, rank and robustness in one run."""

    run = models.ForeignKey(ScoringRun, on_delete=models.CASCADE, related_name="results")
    candidate = models.ForeignKey(
        "awards.Candidate", on_delete=models.CASCADE, related_name="results"
    )
    group = models.CharField(
        _("ranked within"), max_length=32, blank=True, help_text=_("zone code, if by zone")
    )
    score = models.FloatField(_("score"), null=True)
    rank = models.PositiveIntegerField(_("rank"), null=True)
    rank_p05 = models.FloatField(_("rank, 5th percentile"), null=True)
    rank_p95 = models.FloatField(_("rank, 95th percentile"), null=True)
    median_rank = models.FloatField(_("median rank"), null=True)
    p_keep_rank = models.FloatField(_("probability of keeping the rank"), null=True)
    p_top3 = models.FloatField(_("probability of a top-3 place"), null=True)
    explanation = models.JSONField(_("explanation"), default=list)

    class Meta:
        ordering = ("run", "group", "rank", "candidate")
        verbose_name = _("result")
        verbose_name_plural = _("results")
        constraints = (
            models.UniqueConstraint(fields=("run", "candidate"), name="one_result_per_run"),
        )

    def __str__(self) -> str:
        return f"{self.candidate}: {self.rank}"


class SpecialAward(models.TextChoices):
    INNOVATION = "Terbaik Inovasi", _("Best innovation (Terbaik Inovasi)")
    SPECIAL = "Terbaik Khusus", _("Special award (Terbaik Khusus)")


class Award(models.Model):
    """A place (1st, 2nd, 3rd, set by the lock) or a special award (set by the committee)."""

    round = models.ForeignKey("awards.Round", on_delete=models.CASCADE, related_name="awards")
    category = models.ForeignKey("awards.Category", on_delete=models.CASCADE, related_name="awards")
    candidate = models.ForeignKey(
        "awards.Candidate", on_delete=models.CASCADE, related_name="awards"
    )
    group = models.CharField(_("within"), max_length=32, blank=True)
    place = models.PositiveSmallIntegerField(_("place"), null=True, blank=True)
    special = models.CharField(
        _("special award"), max_length=40, blank=True, choices=SpecialAward.choices
    )
    run = models.ForeignKey(ScoringRun, on_delete=models.PROTECT, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("round", "category", "group", "place", "special")
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        constraints = (
            models.CheckConstraint(
                condition=(models.Q(place__isnull=False) & models.Q(special=""))
                | (models.Q(place__isnull=True) & ~models.Q(special="")),
                name="award_is_place_or_special",
            ),
            models.UniqueConstraint(
                fields=("round", "category", "special"),
                condition=~models.Q(special=""),
                name="one_special_award_each",
            ),
        )

    def __str__(self) -> str:
        return f"{self.special or self.place}: {self.candidate}"


class JobStatus(models.TextChoices):
    RUNNING = "RUNNING", _("Running")
    DONE = "DONE", _("Finished")
    FAILED = "FAILED", _("Failed")


class ScreeningJob(models.Model):
    """A screening of a whole cycle (minutes at national scale): its progress and outcome."""

    cycle = models.ForeignKey(
        "awards.AwardCycle", on_delete=models.CASCADE, related_name="screenings"
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ("-started_at", "-id")
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")

    def __str__(self) -> str:
        return f"screening {self.cycle} {self.status}"
