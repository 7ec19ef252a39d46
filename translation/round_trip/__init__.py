"""How a text goes through the model and back.

`pipeline` (the `Translator`: protect, segment, mask, engine, verify, restore), `segment` (sentences, and long
ones split to the engine's limit), `mask` (placeholders in and out), `recovery` (the chain that brings every
protected span back whatever the engine returns), `names_as_words` (names shown to the model as words while that
works), `repetition` (an output that loops); `html/` does the same for HTML fragments, markup kept byte for byte;
`memory/` remembers translated sentences.
"""
