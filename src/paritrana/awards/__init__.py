"""Award cycles, categories, stages, rounds, criteria and candidates."""
