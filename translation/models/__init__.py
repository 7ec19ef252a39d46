"""Which model: `registry` (a language pair's model) and `loading` (its files, from the hub or a folder).

The engines that run a model (`translation/engines/`: Marian, CTranslate2, pseudo) sit beside this folder.
"""
