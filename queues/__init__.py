"""What travels on the wire and how: ninjs items and copies (`messages`, `copies`, `ninjs`), kombu topology,
connection, publisher, consumer.

This package imports nothing else of babelwire's: it moves validated messages and knows nothing of models.
"""
