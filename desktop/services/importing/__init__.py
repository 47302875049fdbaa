"""Importing office ledgers into the database: matching names, writing rows, the outcome report, undo."""
