"""Excel export of a round's results: one sheet per category, the methodology, the jury.

The public export (published rounds) holds the final results and the methodology; the
committee's export adds the juror statistics sheet (reliability per criterion, each
juror's leniency), which stays internal. Before the lock the committee gets the latest
run of each category, marked provisional.
"""

from __future__ import annotations

import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from paritrana.awards.domain.deliberation import latest_run
from paritrana.awards.domain.queries import round_categories
from paritrana.awards.models import Category, Round, ScoringRun

BOLD = Font(bold=True)
_SHEET_NAME_MAX = 31  # Excel's limit


def round_workbook(*, round: Round, committee: bool) -> bytes:  # noqa: A002 - 'round' is the domain's word
    """The workbook as XLSX bytes."""
    book = Workbook()
    about = book.active
    about.title = _("Round")
    runs = _runs(round, final_only=not committee)
    _about_sheet(about, round, runs)
    for category, run in runs:
        _category_sheet(book.create_sheet(_sheet_name(category.code)), run)
    _methodology_sheet(book.create_sheet(_("Methodology")), runs)
    if committee:
        _jury_sheet(book.create_sheet(_("Juror statistics")), round, [c for c, _r in runs])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _runs(rnd: Round, *, final_only: bool) -> list[tuple[Category, ScoringRun]]:
    out = []
    for category in round_categories(rnd):
        final = rnd.runs.filter(category=category, is_final=True).first()
        run = final if final_only else final or latest_run(round=rnd, category=category)
        if run is not None:
            out.append((category, run))
    return out


def _sheet_name(code: str) -> str:
    return "".join(c if c not in "[]:*?/\\" else "-" for c in code)[:_SHEET_NAME_MAX]


def _header(sheet: Worksheet, row: list[str]) -> None:
    sheet.append(row)
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    sheet.freeze_panes = f"A{sheet.max_row + 1}"  # a string: cell() would add an empty row
    for i, title in enumerate(row, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = max(10, min(40, len(title) + 4))


def _about_sheet(sheet: Worksheet, rnd: Round, runs: list[tuple[Category, ScoringRun]]) -> None:
    sheet.append([_("Paritrana Award"), rnd.cycle.name])
    sheet.append([_("Round"), str(rnd)])
    sheet.append(
        [_("Assessment period"), f"{rnd.cycle.assessment_start} – {rnd.cycle.assessment_end}"]
    )
    sheet.append([_("Locked"), rnd.locked_at.isoformat() if rnd.locked_at else _("not locked")])
    sheet.append([])
    _header(sheet, [_("Category"), _("Run"), _("Final"), _("Inputs' digest (SHA-256)")])
    for category, run in runs:
        sheet.append(
            [
                category.code,
                run.pk,
                _("yes") if run.is_final else _("provisional"),
                run.input_digest,
            ]
        )
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["D"].width = 70


def _category_sheet(sheet: Worksheet, run: ScoringRun) -> None:
    results = list(
        run.results.select_related(
            "candidate__entity__province", "candidate__entity__regency"
        ).order_by("group", "rank", "candidate__entity__name")
    )
    nodes = [(item["node"], item["name"]) for item in (results[0].explanation if results else [])]
    _header(
        sheet,
        [
            _("Group"),
            _("Rank"),
            _("Code"),
            _("Candidate"),
            _("Province"),
            _("Score"),
            _("Rank 5%"),
            _("Rank 95%"),
            _("P(keeps rank)"),
            _("P(top 3)"),
            *[f"{code} {name}" for code, name in nodes[1:]],
        ],
    )
    for r in results:
        scores = {item["node"]: item["score"] for item in r.explanation}
        entity = r.candidate.entity
        sheet.append(
            [
                r.group,
                r.rank,
                entity.code,
                entity.name,
                entity.province.name,
                r.score,
                r.rank_p05,
                r.rank_p95,
                r.p_keep_rank,
                r.p_top3,
                *[scores.get(code) for code, _name in nodes[1:]],
            ]
        )


def _methodology_sheet(sheet: Worksheet, runs: list[tuple[Category, ScoringRun]]) -> None:
    _header(
        sheet,
        [
            _("Category"),
            _("Criterion"),
            _("Name"),
            _("Parent"),
            _("Weight"),
            _("Direction"),
            _("Source"),
            _("Reads"),
        ],
    )
    for category, run in runs:
        sources = {n.code: (n.get_source_display(), n.ref) for n in category.criteria.all()}
        for node, parent in _walk(run.record["tree"]["index"], ""):
            source, ref = sources.get(node["code"], ("", ""))
            sheet.append(
                [
                    category.code,
                    node["code"],
                    node.get("name", ""),
                    parent,
                    node.get("weight"),
                    node.get("direction", ""),
                    str(source),
                    ref,
                ]
            )
    sheet.append([])
    _header(sheet, [_("Category"), _("Pipeline step"), _("Parameters")])
    for category, run in runs:
        pipeline = run.record["pipeline"]
        for step, params in pipeline.get("steps", {}).items():
            sheet.append([category.code, step, _compact(params)])
        sheet.append([category.code, "ranks", _compact(pipeline.get("ranks", {}))])
        sheet.append([category.code, "jury", _compact(run.record.get("jury", {}))])
        sheet.append([category.code, "sensitivity", _compact(run.record.get("sensitivity", {}))])


def _walk(node: dict[str, Any], parent: str) -> list[tuple[dict[str, Any], str]]:
    out = [(node, parent)]
    for child in node.get("children", []):
        out += _walk(child, node["code"])
    return out


def _compact(params: Any) -> str:
    if isinstance(params, dict):
        return "; ".join(f"{k}={_compact(v)}" for k, v in params.items() if v not in ({}, [], None))
    if isinstance(params, list):
        return "[" + ", ".join(_compact(v) for v in params) + "]"
    return str(params)


def _jury_sheet(sheet: Worksheet, rnd: Round, categories: list[Category]) -> None:
    """Reliability per criterion and leniency per juror, from the judging app's statistics."""
    from paritrana.judging.domain.scoring import jury_statistics  # noqa: PLC0415 - the judging app reads the round lazily

    _header(sheet, [_("Category"), _("Table"), _("Row"), _("Column"), _("Value")])
    for category in categories:
        if not category.has_interview:
            continue
        stats = jury_statistics(round=rnd, category=category)
        for table_name, table in (
            ("ICC", stats.icc),
            ("Kendall W", stats.kendall),
            (_("Leniency"), stats.leniency),
        ):
            for row_label, row in _rows(table):
                for column, value in row.items():
                    sheet.append(
                        [category.code, table_name, str(row_label), str(column), _cell(value)]
                    )


def _rows(table: Any) -> list[tuple[Any, dict[str, Any]]]:
    if table is None or not hasattr(table, "iterrows"):
        return []
    return [(label, row.to_dict()) for label, row in table.iterrows()]


def _cell(value: Any) -> Any:
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:  # noqa: PLR0124 - NaN is the one value unequal to itself
        return None
    return value if isinstance(value, int | float | str | bool) or value is None else str(value)
