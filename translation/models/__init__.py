"""Which model: the model of a language pair and its files."""
