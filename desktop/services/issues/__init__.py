"""Issues (问题/诉求): the life-cycle actions, the rows the table shows, history and undo."""
