"""Secret ballots: award votes (bình xét, suy tôn) and the election of the head and deputy; tally, views, minutes."""
