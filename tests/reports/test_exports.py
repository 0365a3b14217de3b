import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from paritrana.reports.domain.exports import round_workbook

pytestmark = pytest.mark.django_db


def sheets(content: bytes):
    return load_workbook(io.BytesIO(content))


def test_public_export_has_categories_and_methodology_but_no_jury(published):
    book = sheets(round_workbook(round=published[0], committee=False))
    assert "KAB" in book.sheetnames
    assert any("ethodolog" in name or "Metodolog" in name for name in book.sheetnames)
    assert len(book.sheetnames) == 3  # round, KAB, methodology
    rows = list(book["KAB"].iter_rows(values_only=True))
    first = rows[1]
    assert first[2] == "32.02"  # the code column; rank 1 first
    assert first[1] == 1
    assert first[5] == pytest.approx(70)
    assert len(rows) == 6


def test_committee_export_adds_the_juror_statistics(published):
    book = sheets(round_workbook(round=published[0], committee=True))
    assert len(book.sheetnames) == 4
    assert book.worksheets[-1].cell(1, 1).value  # header of the jury sheet


def test_committee_export_before_the_lock_is_marked_provisional(deliberated):
    with translation.override("en"):
        book = sheets(round_workbook(round=deliberated[0], committee=True))
    values = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
    assert "KAB" in book.sheetnames
    assert any(isinstance(v, str) and "provisional" in v.lower() for v in values)
