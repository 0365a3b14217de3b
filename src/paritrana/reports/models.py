"""What reports keep: cached scorecard insights, certificates, batches and result packages.

Everything here can be rebuilt from the frozen runs; rows only save recomputing it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScorecardInsight(models.Model):
    """ "What would move you up" of one result, computed once with the engine (it is slow)."""

    result = models.OneToOneField(
        "awards.Result", on_delete=models.CASCADE, related_name="scorecard_insight"
    )
    data = models.JSONField(_("insight"), default=dict)
    computed_at = models.DateTimeField(_("computed"), auto_now=True)

    class Meta:
        verbose_name = _("scorecard insight")
        verbose_name_plural = _("scorecard insights")

    def __str__(self) -> str:
        return f"insight of result #{self.result_id}"


class BatchStatus(models.TextChoices):
    QUEUED = "QUEUED", _("Queued")
    RUNNING = "RUNNING", _("Running")
    DONE = "DONE", _("Finished")
    FAILED = "FAILED", _("Failed")


class CertificateBatch(models.Model):
    """One background generation of every certificate of a round; its progress."""

    round = models.ForeignKey(
        "awards.Round", on_delete=models.CASCADE, related_name="certificate_batches"
    )
    actor = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.QUEUED
    )
    total = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("generated"), default=0)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        verbose_name = _("certificate batch")
        verbose_name_plural = _("certificate batches")

    def __str__(self) -> str:
        return f"certificates {self.round} {self.status} {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_active(self) -> bool:
        return self.status in (BatchStatus.QUEUED, BatchStatus.RUNNING)


class Certificate(models.Model):
    """The stored PDF of one award (place or special award) of a published round."""

    award = models.OneToOneField(
        "awards.Award", on_delete=models.CASCADE, related_name="certificate"
    )
    batch = models.ForeignKey(
        CertificateBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    pdf = models.BinaryField(_("PDF"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    created_at = models.DateTimeField(_("generated"), auto_now=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return f"certificate of award #{self.award_id}"


class ResultPackage(models.Model):
    """The verifiable package of a published round, as built for the lock at ``locked_at``.

    A re-lock gives the round a new ``locked_at``, so a stale package is never served.
    """

    round = models.OneToOneField(
        "awards.Round", on_delete=models.CASCADE, related_name="result_package"
    )
    locked_at = models.DateTimeField(_("for the lock of"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content = models.BinaryField(_("zip"))
    built_at = models.DateTimeField(_("built"), auto_now=True)

    class Meta:
        verbose_name = _("result package")
        verbose_name_plural = _("result packages")

    def __str__(self) -> str:
        return f"package {self.round} {self.sha256[:12]}"
