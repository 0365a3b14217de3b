"""Reports: scorecards, certificates (PDF), Excel exports and verifiable result packages."""
