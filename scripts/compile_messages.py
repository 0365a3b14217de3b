"""Compile every django.po under src/paritrana/locale to .mo, without GNU gettext.

Run by `make install`; the compiled .mo files are build output and not committed.
"""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "src" / "paritrana" / "locale"


def main() -> None:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po = polib.pofile(str(po_path))
        untranslated = [e.msgid for e in po.untranslated_entries()]
        if untranslated:
            print(f"{po_path}: {len(untranslated)} untranslated, e.g. {untranslated[0]!r}")  # noqa: T201 - build script output
        po.save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":
    main()
