"""pairaid: the information system for pairing-off (counterpart) assistance."""

__version__ = "0.1.0"
