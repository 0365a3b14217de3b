"""`paritrana demo setup`: a whole award cycle on synthetic data, for newcomers to click through.

``run.demo_run`` is the entry point; each module drives one part of the workflow through the
real domain functions, so the audit log records the demo like any other cycle.
"""
