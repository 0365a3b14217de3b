"""Read-only REST API (django-ninja) under ``/api/``: published results, scorecards,
coverage statistics, and committee endpoints for cycle status. See ``docs/api.md``."""
