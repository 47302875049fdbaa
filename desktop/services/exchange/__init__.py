"""Offline data exchange between offices: packages (.kpx), merge preview, merge with undo, and the history."""
