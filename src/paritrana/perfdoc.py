"""Writing benchmark results into ``docs/performance.md``.

Each benchmark owns one section between ``<!-- bench:NAME:start -->`` and
``<!-- bench:NAME:end -->`` markers, so the analytics and scoring benchmarks can rewrite
their own numbers without touching each other's or the hand-written text around them.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

DEFAULT_DOC = Path("docs/performance.md")


def machine_description() -> str:
    """One line naming the machine the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        with Path("/proc/cpuinfo").open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem_gib:.0f} GiB RAM, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def _git_revision() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH is intended
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def write_section(name: str, body_markdown: str, doc: Path = DEFAULT_DOC) -> None:
    """Replace (or append) the named section, stamped with date, revision and machine."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    stamp = (
        f"_Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at revision {_git_revision()} "
        f"on {machine_description()}._"
    )
    block = f"{start}\n{stamp}\n\n{body_markdown.strip()}\n{end}"
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Performance\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(text, encoding="utf-8")
