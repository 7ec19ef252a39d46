"""HTML fragments in, HTML fragments out: block elements are translation units, inline markup travels with
the words it wraps, and everything that is not prose comes back byte for byte. See translator.py."""

from translation.html.translator import Html, HtmlTranslation, MarkupTranslator

__all__ = ["Html", "HtmlTranslation", "MarkupTranslator"]
