"""Benchmarks: print figures next to floors measured in the same run. Not part of the pytest run."""
