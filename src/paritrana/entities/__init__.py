"""The assessed: provincial and regency governments, villages, businesses and UKM."""
