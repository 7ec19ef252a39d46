"""Errors of the queues package: permanent (the message is bad) vs transient (the broker is).

Every error carries its facts as fields, dramatiq-style: `MessageValidationError(message, field="language")`
keeps `field` in `error.fields` (a dict of what was known; None is left out). The message stays the one
line a user reads; the fields are what a program (the worker's dead-letter headers and job log) reads
without parsing it. A class says in its docstring which fields it may carry; nothing else is written per
class. The same few lines stand in translation/errors.py: neither package may import the other.
"""

from typing import Any


class QueueError(Exception):
    """Base of every error raised by the queues package.

    Arguments:
        message: the one-line text users see (it names the facts too: the fields do not replace it).
        fields: the facts, by keyword (`field="language"`, `offset=12`); None means not known and is left out.
            They are `error.fields`. Exception's own pickling keeps them (they live in the instance's dict).
    """

    def __init__(self, message: object = "", /, **fields: Any):
        super().__init__(message)
        self.fields = {name: value for name, value in fields.items() if value is not None}


class PermanentError(QueueError):
    """The message itself is wrong; redelivering it will fail the same way."""


class MessageDecodeError(PermanentError):
    """The body is not valid UTF-8 JSON. Field: `offset`, the byte of the body where decoding failed (where known)."""


class MessageValidationError(PermanentError):
    """The body decodes but is not an English ninjs item (not valid in IPTC's schema of its version, non-English).

    Fields: `field`, the dotted path of the first field at fault (`language`, `headlines.0.value`, `item` for the
    whole); `schema`, the IPTC schema version it was checked against ("1.6"), where it got that far.
    """


class InvalidCopyError(PermanentError):
    """A localised copy babelwire built is not valid in its item's ninjs version: a bug, never published.

    Fields: `field`, the dotted path of the first field at fault; `schema`, the IPTC schema version ("3.1").
    """


class TransientError(QueueError):
    """The broker or the network failed; retrying may help."""


class BrokerUnavailableError(TransientError):
    """Cannot connect to the broker. Field: `url`, the broker URL without its password."""


class PublishFailedError(TransientError):
    """The broker did not confirm a publish (nacked, unroutable, or connection lost before the confirm).

    Fields: `exchange` and `routing_key` of the publish, where it was one."""


class BrokerConfigurationError(QueueError):
    """The broker URL or its account is wrong (unknown scheme or option, bad credentials, no such vhost):
    retrying will fail the same way until the configuration changes. Field: `url`, without its password."""


def one_line(exc: BaseException) -> str:
    """`exc` as one line for a message or a log field: its text with every run of whitespace (newlines of a
    broker's multi-line reply included) as one space, or its type's name when it has no text."""
    return " ".join(str(exc).split()) or type(exc).__name__
