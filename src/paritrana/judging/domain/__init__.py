"""Judging services: panels, conflicts, assignments, score sheets and the jury's scores."""
