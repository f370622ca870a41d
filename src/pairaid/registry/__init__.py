"""Organisations and pairings (who is twinned with whom, at which level, when)."""
