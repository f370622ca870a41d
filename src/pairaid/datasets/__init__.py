"""Reporting datasets and their approval: which indicators a pairing reports for a year, how complete
they are, and the way from submission through approval by level to a frozen, versioned return."""
