"""National committee configuration: categories (shortlist, pipeline) and stages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from paritrana.awards.defaults import STAGE_FLAGS
from paritrana.awards.domain.configuration import (
    category_jury_options,
    category_update,
    stage_update,
)
from paritrana.awards.domain.errors import RefusedError
from paritrana.awards.forms import CategoryForm, StageFormSet
from paritrana.awards.views.base import CyclePermissionMixin


class CategoryEditView(CyclePermissionMixin, View):
    template = "awards/category_form.html"

    def _render(self, form: CategoryForm) -> HttpResponse:
        category = self.get_category()
        return render(
            self.request,
            self.template,
            {"cycle": self.get_cycle(), "category": category, "form": form},
        )

    def get(self, *_args: Any, **_kwargs: Any) -> HttpResponse:
        category = self.get_category()
        return self._render(
            CategoryForm(
                initial=CategoryForm.initial_for(category, category_jury_options(category))
            )
        )

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        slug, code = self.kwargs["slug"], self.kwargs["code"]
        category = self.get_category()
        form = CategoryForm(request.POST)
        if form.is_valid():
            changes = {
                "shortlist_size": form.cleaned_data["shortlist_size"],
                "has_interview": form.cleaned_data["has_interview"],
                "pipeline": form.pipeline_value(),
            }
            if changes["pipeline"] == category.pipeline:
                del changes["pipeline"]  # unchanged: no criteria lock to trip over
            try:
                category_update(category=category, changes=changes, actor=request.user)
            except RefusedError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Category saved."))
                return HttpResponseRedirect(reverse("awards:category_edit", args=[slug, code]))
        return self._render(form)


class StagesView(CyclePermissionMixin, View):
    """The stages as editable rows: dates and capability flags."""

    template = "awards/stages.html"

    def _render(self, formset: Any) -> HttpResponse:
        return render(
            self.request,
            self.template,
            {"cycle": self.get_cycle(), "formset": formset, "flags": STAGE_FLAGS},
        )

    def get(self, *_args: Any, **_kwargs: Any) -> HttpResponse:
        return self._render(StageFormSet(queryset=self.get_cycle().stages.all()))

    def post(self, request: Any, *_args: Any, **_kwargs: Any) -> HttpResponse:
        slug = self.kwargs["slug"]
        formset = StageFormSet(request.POST, queryset=self.get_cycle().stages.all())
        if formset.is_valid():
            try:
                with transaction.atomic():  # all rows or none
                    for form in formset.forms:
                        if form.has_changed():
                            changes = {f: form.cleaned_data[f] for f in form.changed_data}
                            stage_update(stage=form.instance, changes=changes, actor=request.user)
            except RefusedError as exc:
                formset.forms[0].add_error(None, str(exc))
            else:
                messages.success(request, _("Stages saved."))
                return HttpResponseRedirect(reverse("awards:stages", args=[slug]))
        return self._render(formset)
