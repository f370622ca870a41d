"""The annual assessment: a rubric of weighted criteria scoring each pairing's year."""
