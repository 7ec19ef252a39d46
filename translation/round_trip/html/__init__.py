"""HTML fragments in, HTML fragments out: block elements are translation units, inline markup travels with
the words it wraps, and everything that is not prose comes back byte for byte. See translator.py."""

from babelwire.translation.round_trip.html.document import is_well_nested_with_signature
from babelwire.translation.round_trip.html.protected import find_html_spans
from babelwire.translation.round_trip.html.translator import Html, HtmlTranslation, MarkupTranslator
from babelwire.translation.round_trip.html.tree import signature

__all__ = ["Html", "HtmlTranslation", "MarkupTranslator", "find_html_spans", "markup_intact"]


def markup_intact(source: str, copy: str) -> bool:
    """The invariant every translated fragment meets: the copy is well nested (every element closed by its
    own end tag), and an HTML5 parser builds from it the same elements, with the same attributes, in the
    same order, as from the source (only the values of alt and title differ)."""
    return is_well_nested_with_signature(copy, signature(source))
