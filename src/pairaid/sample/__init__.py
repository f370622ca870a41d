"""The built-in sample dataset (Shandong–Xinjiang 2009) and its loader."""
