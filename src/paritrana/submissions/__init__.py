"""Questionnaires, answers, evidence files and their verification."""
