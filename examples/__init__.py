"""Runnable examples of using the system from outside (python -m examples.<name>)."""
