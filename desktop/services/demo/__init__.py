"""Realistic demo data drawn from the offices' published reports; see `generate.load_demo`."""

from desktop.services.demo.generate import DemoSummary, demo_year, load_demo

__all__ = ["DemoSummary", "demo_year", "load_demo"]
