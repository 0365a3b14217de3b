"""Reference regions: provinces, regencies/cities, districts, villages and award zones."""
