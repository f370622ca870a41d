"""The ingest app has no tables of its own.

It stores what it reads in :mod:`pairaid.sources` (SourceDocument, Evidence) and
:mod:`pairaid.indicators` (DataValue with status ``extracted``).
"""
