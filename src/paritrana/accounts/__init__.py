"""Accounts and roles: who may do what in Paritrana."""
