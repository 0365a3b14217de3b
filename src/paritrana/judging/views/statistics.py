"""The committee's view of a category's jury: reliability, leniency and the panel's scores."""

from __future__ import annotations

from typing import Any

import numpy as np
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.accounts.models import User
from paritrana.awards.models import Category, Round
from paritrana.judging.domain.queries import jury_candidates, jury_criteria
from paritrana.judging.domain.scoring import jury_statistics
from paritrana.judging.views.common import round_or_404


def _num(value: Any) -> float | None:
    """None for NaN so templates show a dash, not 'nan'."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


class StatisticsView(PermissionRequiredMixin, TemplateView):
    permission_required = "judging.view_statistics"
    template_name = "judging/statistics.html"

    def get_permission_object(self) -> Round:
        if not hasattr(self, "_round"):
            self._round = round_or_404(self.kwargs["pk"])
        return self._round

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_permission_object()
        category = get_object_or_404(Category, code=self.kwargs["code"], cycle_id=rnd.cycle_id)
        stats = jury_statistics(round=rnd, category=category)
        criteria = list(jury_criteria(category=category))
        names = {c.ref or c.code: c.name for c in criteria}
        candidates = {c.pk: c for c in jury_candidates(round=rnd).filter(category=category)}
        juror_ids = stats.sheets["juror"].unique().tolist() if len(stats.sheets) else []
        jurors = {u.pk: u for u in User.objects.filter(pk__in=juror_ids)}
        scores = [
            {"candidate": candidates[pk], "values": [_num(v) for v in row]}
            for pk, row in zip(stats.scores.index, stats.scores.to_numpy(), strict=True)
        ]
        icc = [
            {
                "criterion": names.get(row["criterion"], row["criterion"]),
                "type": row["type"],
                "name": row["mcgraw_wong"],
                "description": row["description"],
                "icc": _num(row["icc"]),
                "lo": _num(row["ci95_lo"]),
                "hi": _num(row["ci95_hi"]),
                "k": _num(row["k"]),
                "balanced": bool(row["balanced"]),
            }
            for row in stats.icc.to_dict("records")
        ]
        kendall = [
            {
                "criterion": names.get(row["criterion"], row["criterion"]),
                "w": _num(row["w"]),
                "pvalue": _num(row["pvalue"]),
                "n_candidates": row["n_candidates"],
                "n_jurors": row["n_jurors"],
                "dropped": len(row["dropped_candidates"]) + len(row["dropped_jurors"]),
            }
            for row in stats.kendall.to_dict("records")
        ]
        leniency = [
            {
                "juror": jurors.get(pk, pk),
                "n_cells": row["n_cells"],
                "leniency": _num(row["leniency"]),
                "robust_z": _num(row["robust_z"]),
                "outlier": bool(row["outlier"]),
            }
            for pk, row in stats.leniency.iterrows()
        ]
        n_sheets = stats.sheets.groupby(["juror", "candidate"]).ngroups if len(stats.sheets) else 0
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "category": category,
            "config": stats.config,
            "criteria": criteria,
            "scores": scores,
            "icc": icc,
            "kendall": kendall,
            "leniency": leniency,
            "n_sheets": n_sheets,
        }
