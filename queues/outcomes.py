"""What a job handler decides; the consumer acts on it (decide, then act).

- `Ack(publications)`: publish each copy (mandatory, confirmed), then ack the job.
- `Retry(delay_s, reason)`: republish the job with attempt + 1 after `delay_s` (confirmed), then ack.
- `DeadLetter(reason)`: publish the original body to the dead-letter queue with the reason (confirmed), then ack.

Whenever a publish fails, the job is not acked: it goes back to its queue and is handled again later.
Each outcome names the event (`queues.events`) the consumer reports once it is applied: `outcome.event`.
"""

from dataclasses import dataclass, field
from typing import ClassVar

from queues import events


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


@dataclass(frozen=True)
class Retry:
    event: ClassVar[str] = events.RETRIED
    delay_s: float
    reason: str


@dataclass(frozen=True)
class DeadLetter:
    event: ClassVar[str] = events.DEAD_LETTERED
    reason: str


Outcome = Ack | Retry | DeadLetter
