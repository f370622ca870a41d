"""Findings of the checks, stored: what does not add up in the data values."""
