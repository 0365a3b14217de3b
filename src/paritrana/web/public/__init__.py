"""Public results and coverage dashboards (no login): pages under ``/results/``.

Only published rounds (``awards.domain.publication``) are visible here; anything else is
a 404 for everyone, committees included — they have their own pages under ``/awards/``.
"""
