"""Committee pages of the award workflow (each checks a rules permission)."""
