"""CSV downloads: the numbers behind every public table and chart."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse


def csv_response(
    filename: str, header: Sequence[Any], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    """A UTF-8 CSV (with BOM, so spreadsheet programs read the names right) as a download."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(h) for h in header])
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return response
