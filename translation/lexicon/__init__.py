"""The word lists every stage reads (`data/`, each file citing its source) and their reader."""
