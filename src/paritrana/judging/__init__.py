"""Jury panels, assignments, conflicts of interest and interview score sheets."""
