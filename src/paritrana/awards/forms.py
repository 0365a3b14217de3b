"""Forms of the committee pages; they collect input, the domain functions decide."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from paritrana.awards.defaults import STAGE_FLAGS
from paritrana.awards.domain.configuration import JURY_METHODS
from paritrana.awards.models import AwardCycle, CriterionSource, Stage
from paritrana.scoring.aggregate import METHODS as AGGREGATE_METHODS
from paritrana.scoring.impute import METHODS as IMPUTE_METHODS
from paritrana.scoring.normalise import METHODS as NORMALISE_METHODS


class CycleForm(forms.ModelForm):
    class Meta:
        model = AwardCycle
        fields = (
            "name",
            "slug",
            "assessment_start",
            "assessment_end",
            "ceremony_year",
            "analytics_cycle",
        )
        widgets = {  # noqa: RUF012 - Django reads Meta.widgets as a plain dict
            "assessment_start": forms.DateInput(attrs={"type": "date"}),
            "assessment_end": forms.DateInput(attrs={"type": "date"}),
        }


def _choices(values: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


class CategoryForm(forms.Form):
    """The everyday settings as fields; the whole pipeline stays editable as JSON."""

    shortlist_size = forms.IntegerField(
        label=_("Shortlist size per province"), min_value=1, max_value=50
    )
    has_interview = forms.BooleanField(label=_("Has interview"), required=False)
    normalise = forms.ChoiceField(label=_("Normalisation"), choices=_choices(NORMALISE_METHODS))
    impute = forms.ChoiceField(
        label=_("Imputation of missing values"), choices=_choices(IMPUTE_METHODS)
    )
    aggregate = forms.ChoiceField(label=_("Aggregation"), choices=_choices(AGGREGATE_METHODS))
    tie_breakers = forms.CharField(
        label=_("Tie-breakers"),
        required=False,
        help_text=_("Criteria codes, comma-separated, in order."),
    )
    jury_method = forms.ChoiceField(label=_("Juror aggregation"), choices=_choices(JURY_METHODS))
    jury_trim = forms.FloatField(label=_("Trim share (trimmed mean)"), min_value=0, max_value=0.49)
    jury_normalise = forms.BooleanField(
        label=_("Normalise each juror first (z-scores)"), required=False
    )
    pipeline = forms.CharField(
        label=_("Full scoring pipeline (JSON)"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_(
            "Advanced: every step and parameter (see docs/scoring.md). The fields above win."
        ),
    )

    @staticmethod
    def initial_for(category: Any, jury: dict[str, Any]) -> dict[str, Any]:
        steps = category.pipeline.get("steps", {})
        return {
            "shortlist_size": category.shortlist_size,
            "has_interview": category.has_interview,
            "normalise": steps.get("normalise", {}).get("method", "minmax"),
            "impute": steps.get("impute", {}).get("method", "none"),
            "aggregate": steps.get("aggregate", {}).get("method", "arithmetic"),
            "tie_breakers": ", ".join(category.pipeline.get("ranks", {}).get("tie_breakers", [])),
            "jury_method": jury["method"],
            "jury_trim": jury["trim"],
            "jury_normalise": jury["normalise"],
            "pipeline": json.dumps(category.pipeline, indent=2, ensure_ascii=False),
        }

    def clean_pipeline(self) -> dict[str, Any]:
        raw = self.cleaned_data["pipeline"].strip() or "{}"
        try:
            value = json.loads(raw)
        except ValueError as exc:
            raise forms.ValidationError(
                _("Not valid JSON: %(error)s"), params={"error": exc}
            ) from exc
        if not isinstance(value, dict):
            raise forms.ValidationError(_("The pipeline must be a JSON object."))
        return value

    def pipeline_value(self) -> dict[str, Any]:
        d = self.cleaned_data
        pipeline = dict(d["pipeline"])
        steps = dict(pipeline.get("steps", {}))
        for step in ("normalise", "aggregate"):
            steps[step] = {**steps.get(step, {}), "method": d[step]}
        if d["impute"] != "none" or "impute" in steps:
            steps["impute"] = {**steps.get("impute", {}), "method": d["impute"]}
        order = ("denominate", "screen", "impute", "treat", "normalise", "weight", "aggregate")
        pipeline["steps"] = {k: steps[k] for k in order if k in steps}
        breakers = [c.strip() for c in d["tie_breakers"].split(",") if c.strip()]
        pipeline["ranks"] = {**pipeline.get("ranks", {}), "tie_breakers": breakers}
        pipeline["jury"] = {
            "method": d["jury_method"],
            "trim": d["jury_trim"],
            "normalise": d["jury_normalise"],
        }
        return pipeline


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ("name", "starts_at", "ends_at", *STAGE_FLAGS)
        widgets = {  # noqa: RUF012 - Django reads Meta.widgets as a plain dict
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "ends_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        }


StageFormSet = forms.modelformset_factory(Stage, form=StageForm, extra=0)


class NodeForm(forms.Form):
    pk = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.SlugField(label=_("Code"), max_length=60, required=False)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    parent = forms.CharField(label=_("Parent"), max_length=60, required=False)
    source = forms.ChoiceField(label=_("Source"), choices=CriterionSource.choices, required=False)
    ref = forms.CharField(label=_("Reference"), max_length=60, required=False)
    weight = forms.DecimalField(
        label=_("Weight (%)"), min_value=0, max_value=100, decimal_places=2, required=False
    )
    direction = forms.TypedChoiceField(
        label=_("Direction"), coerce=int, choices=((1, "+"), (-1, "−")), initial=1, required=False
    )
    rubric_min = forms.DecimalField(label=_("Rubric min"), required=False, decimal_places=2)
    rubric_max = forms.DecimalField(label=_("Rubric max"), required=False, decimal_places=2)
    order = forms.IntegerField(label=_("Order"), min_value=0, initial=0, required=False)
    delete = forms.BooleanField(label=_("Remove"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.has_changed() and not data.get("delete"):
            for field in ("code", "name", "source", "weight"):
                if data.get(field) in (None, ""):
                    self.add_error(field, _("Required."))
        return data


NodeFormSet = forms.formset_factory(NodeForm, extra=2)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
