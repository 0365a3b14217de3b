"""Evidence files (per question, from the candidate) and field-verification notes."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FieldNote(models.Model):
    """A committee's note from a field visit; may carry files (Evidence with field_note)."""

    submission = models.ForeignKey(
        "submissions.Submission", on_delete=models.CASCADE, related_name="field_notes"
    )
    text = models.TextField(_("note"))
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        ordering = ("submission", "created_at")
        verbose_name = _("field-verification note")
        verbose_name_plural = _("field-verification notes")

    def __str__(self) -> str:
        return self.text[:60]


class Evidence(models.Model):
    """A stored file under a random name; its type was detected from its content.

    Either ``question`` is set (the candidate's evidence for an answer) or ``field_note``
    (a file the committee brought back from a field visit).
    """

    submission = models.ForeignKey(
        "submissions.Submission", on_delete=models.CASCADE, related_name="evidence"
    )
    question = models.ForeignKey(
        "submissions.Question",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evidence",
    )
    field_note = models.ForeignKey(
        FieldNote, on_delete=models.CASCADE, null=True, blank=True, related_name="files"
    )
    file = models.FileField(_("file"), max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=50)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ("submission", "uploaded_at", "pk")
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(question__isnull=True) ^ models.Q(field_note__isnull=True),
                name="evidence_for_question_or_field_note",
            ),
        )

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
