"""Activities (aid projects) and their transactions (commitments, disbursements)."""
