"""Nothing to register: ingested documents and their evidence are in the sources admin."""
