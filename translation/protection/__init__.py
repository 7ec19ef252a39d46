"""What is protected: the spans of a text that must come back verbatim, or as their rendering.

`protect` gathers them (`find_protection`) and resolves overlaps; the finders are `quotes`, `patterns` (URLs,
e-mail, numbers, phones), `names/` (the proper-name detector) and `glossary` (a desk's terms). `policy` says which
kinds are protected, `translated_names` which names each language words its own way (places, demonyms, institutions:
translated, not kept), `place_forms` whether a place came through a translation recognisably, and `name_types`
what a name names (person, organisation, place, other). `spans` is the shape every stage shares.
"""
