"""Text in, text out. This package imports nothing else of babelwire's: it works on plain strings and language codes.

The folders draw the flow a sentence takes, one stage each (`round_trip` calls the others; every stage reads `lexicon`
and `errors`; `protection` asks `target_names` how each person it finds is written, and no module imports itself
back through another):
- `protection/`: what is protected: the spans that must come back verbatim or as their rendering.
- `target_names/`: how names are written in the target: people in another script (`rendering/`), declined.
- `round_trip/`: how a text goes through the model and back: segment, mask, translate, verify, restore; HTML.
- `models/`: which model: a language pair's model and its files (`engines/` runs it: Marian, CTranslate2, pseudo).
- `lexicon/`: the word lists every stage reads (one data tree, each file citing its source) and their reader.
- `errors`: the package's errors.
"""
