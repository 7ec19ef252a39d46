"""Translation engines: one interface, several back ends (Marian via transformers, pseudo, ...)."""
