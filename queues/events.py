"""The names of the events the consumer reports through its `on_event(name, **fields)` hook.

Listeners (metrics, the job-outcome log, readiness) match on these constants, never on spelled-out
strings or class names, so renaming a class cannot silently stop a counter. Fields, per event:

| event                | fields                                      | when                                      |
|----------------------|---------------------------------------------|-------------------------------------------|
| `CONNECTED`          | languages, url                              | a connection and its consumers are up     |
| `DISCONNECTED`       | error                                       | a connection went away (it reconnects)    |
| `BROKER_UNAVAILABLE` | error                                       | no connection could be made               |
| `RECEIVED`           | language, message_id, attempt, redelivered  | a job was taken off its queue             |
| `ACKED`              | language, message_id, attempt               | `Ack`: copies confirmed, then job acked   |
| `RETRIED`            | language, message_id, attempt               | `Retry`: retry confirmed, then job acked  |
| `DEAD_LETTERED`      | language, message_id, attempt               | `DeadLetter`: confirmed, then job acked   |
| `REQUEUED`           | language, message_id                        | a job went back on its queue              |
| `HANDLER_FAILED`     | language, error                             | the handler raised or returned no outcome |
| `PUBLISH_FAILED`     | language, error                             | a publish of the outcome was not confirmed|

`RETRIED` and `DEAD_LETTERED` also carry the failure: `reason`, `error_kind` and `error_<field>` for each field
of the error (`Retry.event_fields`, `DeadLetter.event_fields`).
"""

CONNECTED = "connected"
DISCONNECTED = "disconnected"
BROKER_UNAVAILABLE = "broker_unavailable"
RECEIVED = "received"
ACKED = "ack"
RETRIED = "retry"
DEAD_LETTERED = "deadletter"
REQUEUED = "requeued"
HANDLER_FAILED = "handler_failed"
PUBLISH_FAILED = "publish_failed"
