"""Plans and targets: a pairing's plan for a year (and for each recipient county), its planned values
and key-project batches."""
