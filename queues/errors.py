"""Errors of the queues package: permanent (the message is bad) vs transient (the broker is).

Every error carries its facts as fields, dramatiq-style: `MessageValidationError(message, field="language")`
keeps `field` in `error.fields` (a dict of what was known; None is left out) and as `error.field`. The
message stays the one line a user reads; the fields are what a program (the worker's dead-letter headers
and job log) reads without parsing it. A class declares the names it may carry in
`field_names` (and documents them); nothing else is written per class.
"""

from typing import Any, ClassVar


class QueueError(Exception):
    """Base of every error raised by the queues package.

    Arguments:
        message: the one-line text users see (it names the facts too: the fields do not replace it).
        fields: the facts, by keyword (`field="language"`, `offset=12`); None means not known and is left out.
            They are `error.fields` (a dict) and attributes (`error.field`); a name in the class's
            `field_names` reads as None when it was not given.
    """

    field_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self, message: object, /, **fields: Any):
        self.message = str(message)
        self.fields = {name: value for name, value in fields.items() if value is not None}
        super().__init__(self.message)

    def __getattr__(self, name: str) -> Any:
        fields = self.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        if name in type(self).field_names:
            return None
        raise AttributeError(f"{type(self).__name__!r} has no field {name!r}")

    def __reduce__(self):  # pickling keeps the fields (Exception's own pickling passes only args)
        return _rebuild, (type(self), self.message, self.fields)


def _rebuild(cls, message, fields):
    return cls(message, **fields)


class PermanentError(QueueError):
    """The message itself is wrong; redelivering it will fail the same way."""


class MessageDecodeError(PermanentError):
    """The body is not valid UTF-8 JSON. Field: `offset`, the byte of the body where decoding failed (where known)."""

    field_names = ("offset",)


class MessageValidationError(PermanentError):
    """The body decodes but does not match the schema (missing uri, wrong types, non-English, ...).

    Field: `field`, the dotted path of the first field at fault (`language`, `body_html`, `item` for the whole).
    """

    field_names = ("field",)


class TransientError(QueueError):
    """The broker or the network failed; retrying may help."""


class BrokerUnavailableError(TransientError):
    """Cannot connect to the broker. Field: `url`, the broker URL without its password."""

    field_names = ("url",)


class PublishFailedError(TransientError):
    """The broker did not confirm a publish (nacked, unroutable, or connection lost before the confirm).

    Fields: `exchange` and `routing_key` of the publish, where it was one."""

    field_names = ("exchange", "routing_key")


class BrokerConfigurationError(QueueError):
    """The broker URL or its account is wrong (unknown scheme or option, bad credentials, no such vhost):
    retrying will fail the same way until the configuration changes. Field: `url`, without its password."""

    field_names = ("url",)


def one_line(exc: BaseException) -> str:
    """`exc` as one line for a message or a log field: its text with every run of whitespace (newlines of a
    broker's multi-line reply included) as one space, or its type's name when it has no text."""
    return " ".join(str(exc).split()) or type(exc).__name__
