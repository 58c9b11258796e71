"""Benchmarks (not tests): figures measured side by side in one run against the real processes; `make bench`."""
