"""Paritrana: runs the Paritrana Award from membership data to published results."""

__version__ = "0.1.0"
