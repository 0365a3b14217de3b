"""The self-assessment questionnaire of a category, as data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class QuestionType(models.TextChoices):
    NUMBER = "NUMBER", _("Number")
    CHOICE = "CHOICE", _("Choice")
    YES_NO = "YES_NO", _("Yes / no")
    TEXT = "TEXT", _("Text")


class Question(models.Model):
    category = models.ForeignKey(
        "awards.Category", on_delete=models.CASCADE, related_name="questions"
    )
    code = models.CharField(_("code"), max_length=60)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.TextField(_("explanation"), blank=True)
    type = models.CharField(_("type"), max_length=10, choices=QuestionType.choices)
    choices = models.JSONField(
        _("choices"),
        default=list,
        blank=True,
        help_text=_('For choice questions: [{"value": "...", "label": "...", "score": 0}, ...]'),
    )
    min_value = models.FloatField(_("minimum"), null=True, blank=True)
    max_value = models.FloatField(_("maximum"), null=True, blank=True)
    required = models.BooleanField(_("required"), default=True)
    evidence_required = models.BooleanField(_("evidence required"), default=False)
    criteria_code = models.CharField(
        _("criterion"),
        max_length=60,
        blank=True,
        help_text=_("Reference of the questionnaire criterion this answer feeds; blank: unscored."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ("category", "order", "code")
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = (
            models.UniqueConstraint(fields=("category", "code"), name="unique_question_code"),
            # One question per criterion, so a verified value is never ambiguous.
            models.UniqueConstraint(
                fields=("category", "criteria_code"),
                condition=~models.Q(criteria_code=""),
                name="one_question_per_criterion",
            ),
        )

    def __str__(self) -> str:
        return f"{self.code} — {self.text}"

    @property
    def choice_labels(self) -> dict[str, str]:
        return {str(c["value"]): str(c["label"]) for c in self.choices}
