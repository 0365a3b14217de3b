"""Evidence documents: one small real PDF per candidate organisation, made with WeasyPrint.

Rendering costs ~0.1 s, so each organisation's dossier is rendered once and cached on disk
(beside the generated data): a promoted winner, or a second run, reuses it.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from paritrana.awards.models import Candidate

_STYLE = """
@page { size: A4; margin: 2cm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #1f2933; }
h1 { font-size: 15pt; color: #0b5d3b; margin-bottom: 0; }
.kop { border-bottom: 2px solid #0b5d3b; padding-bottom: 6pt; margin-bottom: 12pt; }
table { border-collapse: collapse; width: 100%; margin-top: 10pt; }
td, th { border: 1px solid #9aa5b1; padding: 4pt 6pt; text-align: left; }
.note { margin-top: 18pt; font-size: 8.5pt; color: #7b8794; }
"""


def _html(candidate: Candidate, lines: list[tuple[str, str]]) -> str:
    entity = candidate.entity
    rows = "".join(f"<tr><th>{escape(q)}</th><td>{escape(a)}</td></tr>" for q, a in lines)
    today = dt.date(2025, 2, 14).strftime("%d-%m-%Y")
    return f"""<html><head><style>{_STYLE}</style></head><body>
<div class="kop"><h1>{escape(entity.name)}</h1>
<div>Berkas bukti Paritrana Award — kategori {escape(candidate.category.code)},
{escape(str(entity.province))}</div></div>
<p>Dengan ini kami lampirkan dokumen pendukung jawaban kuesioner penilaian mandiri
Paritrana Award periode 2024: surat keputusan, alokasi anggaran dan laporan program
perlindungan jaminan sosial ketenagakerjaan.</p>
<table><tr><th>Pertanyaan</th><th>Jawaban dan dokumen</th></tr>{rows}</table>
<p>Ditetapkan di {escape(str(entity.regency or entity.province))}, {today}.</p>
<p class="note">Dokumen sintetis untuk demo Paritrana; bukan dokumen resmi.</p>
</body></html>"""


def dossier_pdf(*, candidate: Candidate, lines: list[tuple[str, str]], cache: Path) -> bytes:
    """The organisation's dossier (rendered once per organisation, then read from ``cache``)."""
    path = cache / f"{candidate.entity.kind}-{candidate.entity.code}.pdf".replace("/", "-")
    if path.is_file():
        return path.read_bytes()
    from weasyprint import HTML  # noqa: PLC0415 - heavy (Pango, fonts): only when rendering

    data = HTML(string=_html(candidate, lines)).write_pdf()
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def as_upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")
