"""Award services: cycles, criteria, screening, deliberation (``<entity>_<verb>``)."""
