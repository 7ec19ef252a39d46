"""How names are written in the target: people's names in another script, declined."""
