"""Speed benchmarks (`make bench`); figures go in the issue notes, not in timed tests."""
