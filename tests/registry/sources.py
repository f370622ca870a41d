"""The source a test pairing cites: every pairing stored through the services names one."""

SOURCE = {"source_url": "https://example.org/pairing-scheme", "source_title": "A made-up pairing scheme"}
