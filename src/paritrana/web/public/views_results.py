"""Public results: index of published cycles, a cycle, a round, a category's ranking."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from paritrana.awards.models import RoundLevel
from paritrana.web.public import queries
from paritrana.web.public.csvutil import csv_response
from paritrana.web.public.links import package_digest, report_url
from paritrana.web.public.methodology import methodology


class ResultsIndexView(TemplateView):
    template_name = "public/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        cycles = [
            (cycle, [(queries.round_key(r), r) for r in rounds])
            for cycle, rounds in queries.published_cycles()
        ]
        return {**super().get_context_data(**kwargs), "cycles": cycles}


class CycleView(TemplateView):
    template_name = "public/cycle.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        cycle, rounds = queries.public_cycle(self.kwargs["cycle"])
        runs: dict[int, list[Any]] = {}
        for run in queries.final_runs(rounds):
            runs.setdefault(run.round_id, []).append(run.category)
        national = [r for r in rounds if r.level == RoundLevel.NATIONAL]
        provincial = [r for r in rounds if r.level == RoundLevel.PROVINCIAL]
        return {
            **super().get_context_data(**kwargs),
            "cycle": cycle,
            "national": [(queries.round_key(r), r, runs.get(r.pk, [])) for r in national],
            "provincial": [(queries.round_key(r), r, runs.get(r.pk, [])) for r in provincial],
        }


class RoundMixin:
    kwargs: dict[str, Any]

    def get_round(self) -> Any:
        return queries.public_round(cycle_slug=self.kwargs["cycle"], key=self.kwargs["round"])

    def get_run(self) -> Any:
        """The category's final run in the published round (run.round is loaded with it)."""
        kwargs = self.kwargs
        return queries.public_final_run(
            cycle_slug=kwargs["cycle"], key=kwargs["round"], code=kwargs["category"]
        )


class RoundView(RoundMixin, TemplateView):
    template_name = "public/round.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        rnd = self.get_round()
        winners = queries.round_winners(rnd)
        categories = [
            (run.category, winners.get(run.category.code, [])) for run in queries.final_runs([rnd])
        ]
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "key": queries.round_key(rnd),
            "cycle": rnd.cycle,
            "categories": categories,
            "package_sha256": _cached_digest(rnd),
            "export_url": report_url("export", rnd.pk),
        }


def _cached_digest(rnd: Any) -> str | None:
    locked = rnd.locked_at.timestamp() if rnd.locked_at else 0
    key = f"paritrana:public:package:{rnd.pk}:{locked:.6f}"
    digest = cache.get(key)
    if digest is None:
        digest = package_digest(rnd) or ""
        cache.set(key, digest, queries.CACHE_SECONDS)
    return digest or None


class RankingView(RoundMixin, TemplateView):
    template_name = "public/ranking.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        run = self.get_run()
        rnd = run.round
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "key": queries.round_key(rnd),
            "cycle": rnd.cycle,
            "category": run.category,
            "run": run,
            # Lazy: while the page body is in the fragment cache neither is even unpickled.
            "ranking": SimpleLazyObject(lambda: queries.ranking(rnd, run)),
            "by_zone": run.category.by_zone and rnd.level == RoundLevel.NATIONAL,
            "cache_key": queries.cache_key("ranking-html", rnd, run),
            "package_sha256": SimpleLazyObject(lambda: _cached_digest(rnd) or ""),
        }


RANKING_HEADER = (
    "group",
    "rank",
    "name",
    "code",
    "province",
    "score",
    "rank_interval_low",
    "rank_interval_high",
    "p_keep_rank",
    "p_top3",
    "place",
    "special_awards",
)


class RankingCsvView(RoundMixin, View):
    def get(self, *_args: Any, **_kwargs: Any) -> HttpResponse:
        run = self.get_run()
        rnd = run.round
        rows = [
            (
                r.group,
                r.rank,
                r.name,
                r.code,
                r.province,
                r.score,
                r.rank_low,
                r.rank_high,
                r.p_keep,
                r.p_top3,
                r.place,
                "; ".join(r.specials),
            )
            for r in queries.ranking(rnd, run).rows
        ]
        name = f"{rnd.cycle.slug}-{queries.round_key(rnd)}-{run.category.code}.csv"
        return csv_response(name, RANKING_HEADER, rows)


class MethodologyView(RoundMixin, TemplateView):
    template_name = "public/methodology.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        run = self.get_run()  # the record loads on a cache miss only
        rnd = run.round
        # Labels (sources, step texts) are translated when built: one entry per language.
        key = f"paritrana:public:methodology:{run.pk}:{get_language()}"
        return {
            **super().get_context_data(**kwargs),
            "round": rnd,
            "key": queries.round_key(rnd),
            "cycle": rnd.cycle,
            "category": run.category,
            "run": run,
            "method": cache.get_or_set(key, lambda: methodology(run), queries.CACHE_SECONDS),
            "title": _("Methodology"),
        }
