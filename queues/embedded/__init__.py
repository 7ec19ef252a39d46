"""The embedded broker: a kombu virtual transport on one SQLite file (`embedded://PATH`).

`register()` makes kombu resolve the transport alias "embedded"; `babelwire.queues.connection.connect` calls it.
"""

from kombu.transport import TRANSPORT_ALIASES

ALIAS = "embedded"


def register() -> None:
    """Make `kombu.Connection("embedded://PATH")` use this transport (idempotent)."""
    TRANSPORT_ALIASES[ALIAS] = "babelwire.queues.embedded.transport:Transport"
