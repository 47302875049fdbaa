"""反馈表 round trip with the responsible units: send one form per unit, collect the returned files, tell who replied.

`send` writes the forms (exporters/feedback_form.py) and records the round; `collect` reads returned files
(importers/feedback_form.py), matches each row by its signed key and applies the accepted answers as journal
entries in one transaction after a backup; `status` tells per round who replied and who is late.
"""
