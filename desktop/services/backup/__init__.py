"""Full backups of the data folder: writing them, which to keep, and restoring one."""
