"""Village collective economy (村级集体经济): yearly income, villages below target, 三变 shares."""
