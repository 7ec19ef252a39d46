"""What a job handler decides; the consumer acts on it (decide, then act).

- `Ack(publications)`: publish each copy (mandatory, confirmed), then ack the job.
- `Retry(delay_s, reason)`: republish the job with attempt + 1 after `delay_s` (confirmed), then ack.
- `DeadLetter(reason)`: publish the original body to the dead-letter queue with the reason (confirmed), then ack.

`Retry` and `DeadLetter` may also carry `error`: the failure's kind and fields (`{"kind": "MessageValidationError",
"field": "language"}`). A retry and a dead letter carry them as headers (`publisher.error_headers`), replacing an
earlier attempt's, and the consumer's RETRIED / DEAD_LETTERED event carries them, with the reason, as `reason`,
`error_kind`, `error_<field>`.

Whenever a publish fails, the job is not acked: it goes back to its queue and is handled again later.
Each outcome names the event (`babelwire.queues.events`) the consumer reports once it is applied: `outcome.event`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from babelwire.queues import events


@dataclass(frozen=True)
class Publication:
    """One localised copy: published to `babelwire.localized` with routing key `language`."""

    body: bytes
    language: str
    message_id: str
    headers: dict = field(default_factory=dict)
    content_type: str = "application/json"


@dataclass(frozen=True)
class Ack:
    event: ClassVar[str] = events.ACKED
    publications: tuple[Publication, ...] = ()

    def event_fields(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class _Failure:
    def event_fields(self) -> dict[str, Any]:
        """What the outcome's event says of the failure: `reason`, `error_kind` and `error_<field>`."""
        return {"reason": self.reason, **{f"error_{name}": value for name, value in self.error.items()}}


@dataclass(frozen=True)
class Retry(_Failure):
    event: ClassVar[str] = events.RETRIED
    delay_s: float
    reason: str
    error: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DeadLetter(_Failure):
    event: ClassVar[str] = events.DEAD_LETTERED
    reason: str
    error: Mapping[str, Any] = field(default_factory=dict)


Outcome = Ack | Retry | DeadLetter
