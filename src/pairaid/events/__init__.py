"""Events and exchanges of a pairing: visits and delegations, cadre batches, trade fairs and framework agreements."""
