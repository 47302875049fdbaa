"""Key projects: editing, the tree, the project page, milestones and the 包保卡."""
