"""Judging pages: the jurors' (``juror``) and the committee's (``committee``, ``statistics``)."""
