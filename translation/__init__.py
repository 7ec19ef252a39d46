"""Text in, text out. This package imports nothing else of babelwire's: it works on plain strings and language codes.

What a text goes through, stage by stage:
- What is protected: `protect` gathers the spans that must come back verbatim or as their rendering, found by
  `quotes`, `patterns` (URLs, numbers, phones), `names/` (the proper-name detector) and `glossary`; `policy` says
  which kinds are protected, and `own_names` which names each language words its own way (translated, not kept);
  `spans` is the shape they all share.
- How it goes through the model and back: `pipeline` (a document: protect, segment, mask, engine, verify,
  restore), `segment` (sentences), `mask` (placeholders and the recovery chain), `repetition` (a looping output);
  `html/` does the same for HTML fragments, markup kept byte for byte; `rendering/` writes people's names in a
  target language's own script.
- Which model: `registry` (language to model), `loading` (its files), `engines/` (Marian, CTranslate2, pseudo,
  behind one interface).
- Beside them: `wordlists` reads the word lists of `data/` and `names/data/`, each file citing its source;
  `errors` holds the package's errors.
"""
