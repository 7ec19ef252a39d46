"""Text in, text out: segmentation, protection (placeholder masking), glossary, engines, model registry.

This package imports nothing else of babelwire's: it works on plain strings and language codes.
"""
