"""Plain-Python core of pairaid: numbers, units, gazetteer, report reading, checks.

Nothing under ``pairaid.core`` imports Django (enforced by import-linter); the
Django apps persist and present what the core computes.
"""
