"""Errors of the queues package: permanent (the message is bad) vs transient (the broker is)."""


class QueueError(Exception):
    """Base of every error raised by the queues package."""


class PermanentError(QueueError):
    """The message itself is wrong; redelivering it will fail the same way."""


class MessageDecodeError(PermanentError):
    """The body is not valid UTF-8 JSON."""


class MessageValidationError(PermanentError):
    """The body decodes but does not match the schema (missing uri, wrong types, non-English, ...)."""


class TransientError(QueueError):
    """The broker or the network failed; retrying may help."""


class BrokerUnavailableError(TransientError):
    """Cannot connect to the broker."""


class PublishFailedError(TransientError):
    """The broker did not confirm a publish (nacked, unroutable, or connection lost before the confirm)."""


class BrokerConfigurationError(QueueError):
    """The broker URL or its account is wrong (unknown scheme or option, bad credentials, no such vhost):
    retrying will fail the same way until the configuration changes."""


def one_line(exc: BaseException) -> str:
    """`exc` as one line for a message or a log field: its text with every run of whitespace (newlines of a
    broker's multi-line reply included) as one space, or its type's name when it has no text."""
    return " ".join(str(exc).split()) or type(exc).__name__
