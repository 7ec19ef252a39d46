"""Errors of the worker package."""


class UsageError(Exception):
    """The user asked for something that cannot be done as asked (bad flag value, missing file)."""
