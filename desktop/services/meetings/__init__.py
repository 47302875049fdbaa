"""Meetings (推进会 …): agenda, decided items, the minutes text and what a 会议纪要 prints."""
