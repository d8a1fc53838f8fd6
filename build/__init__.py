"""Build the Xinjiang coverage dataset: sources/ → records → SQLite (see README)."""
