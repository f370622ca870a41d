"""Source documents (reports) and evidence (a character span in one)."""
