"""包保方案: the plan as dated versions, the plan as it stood on a date, and what a revision changed."""
