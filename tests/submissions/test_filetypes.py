"""File types are judged by content: real structure, not names or first bytes alone."""

import pytest

from paritrana.submissions.domain.filetypes import detect
from tests.submissions.factories import jpeg_bytes, pdf_bytes, png_bytes


def test_accepted_types_are_detected():
    assert detect(pdf_bytes()).content_type == "application/pdf"
    assert detect(png_bytes()).content_type == "image/png"
    assert detect(jpeg_bytes()).content_type == "image/jpeg"


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200,  # a Windows executable
        b"%PDF-1.4\nthis is cut off before the end",  # truncated PDF: no xref, no %%EOF
        b"%PDF-x.y\nstartxref\n0\n%%EOF",  # not a PDF version
        b"<html><script>alert(1)</script></html>",
        png_bytes()[:-4],  # PNG without IEND's CRC
        png_bytes()[:20] + b"\x07" + png_bytes()[21:],  # corrupted header: CRC mismatch
        b"\xff\xd8\xff\xe0\x00\x10garbage",  # JPEG header without a scan or end marker
        b"",
    ],
    ids=[
        "exe",
        "truncated-pdf",
        "bad-pdf-version",
        "html",
        "png-cut",
        "png-crc",
        "jpeg-cut",
        "empty",
    ],
)
def test_other_content_is_refused(data):
    assert detect(data) is None


def test_real_images_from_pillow_are_accepted():
    image = pytest.importorskip("PIL.Image")
    import io

    for fmt, expected in (("PNG", "image/png"), ("JPEG", "image/jpeg")):
        buffer = io.BytesIO()
        image.new("RGB", (40, 30), (11, 107, 58)).save(buffer, format=fmt)
        assert detect(buffer.getvalue()).content_type == expected
