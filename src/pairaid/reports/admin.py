"""Nothing to administer: reports are built on demand (``pairaid report``)."""
