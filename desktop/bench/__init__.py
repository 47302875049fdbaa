"""Benchmarks run by hand (`python -m desktop.bench.<name>`), never by pytest: they print timings to compare."""
