"""What is protected: the spans of a text that must come back verbatim or as their rendering."""
