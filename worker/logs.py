"""Logging for the worker process: JSON lines for machines, readable lines for people.

`configure_logging(settings)` is called once by the CLI. With `log_format="json"` every record is one JSON
object on one line (stderr), with the record's `extra` fields as top-level keys. `log_job_outcome` writes
the one line per finished job that operators search for: item uri, language, duration, outcome.
"""

import json
import logging
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, TextIO

from babelwire.queues import events
from babelwire.worker.events import DECODED, PASSED_ON, TRANSLATED

JOB_LOGGER = "babelwire.jobs"
_HANDLER_NAME = "babelwire"

# Attributes every LogRecord has; anything else on a record came from `extra=` and is a field of ours.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}

# Libraries that narrate every frame or every weight file at INFO/DEBUG.
_CHATTY_LIBRARIES = ("amqp", "kombu", "urllib3", "filelock", "huggingface_hub", "transformers")


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts (UTC, ISO 8601), level, logger, message, extra fields, exc."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(extra_fields(record))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`2025-05-20 12:00:00,123 INFO babelwire.jobs: published uri=... language=uk duration_s=0.42`."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        fields = extra_fields(record)
        if not fields:
            return line
        head, sep, tail = line.partition("\n")  # keep a traceback below the key=value pairs
        pairs = " ".join(f"{key}={_text_value(value)}" for key, value in fields.items())
        return f"{head} {pairs}{sep}{tail}"


def configure_logging(settings, stream: TextIO | None = None) -> logging.Handler:
    """Install one handler on the root logger for `settings.log_format` and `settings.log_level`.

    Calling it again replaces the handler it installed before (tests, embedded use).

    Raises:
        ValueError: the log level is not a level name such as DEBUG, INFO, WARNING or ERROR.
    """
    level = parse_level(settings.log_level)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonFormatter() if settings.log_format == "json" else TextFormatter())
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == _HANDLER_NAME]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in _CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(max(level, logging.WARNING))
    logging.captureWarnings(True)
    return handler


def parse_level(name: str) -> int:
    level = logging.getLevelName(str(name).strip().upper())
    if not isinstance(level, int):
        raise ValueError(f"log level {name!r} is not one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
    return level


def log_job_outcome(
    outcome: str, *, uri: str | None, language: str, duration_s: float, logger: logging.Logger | None = None, **fields: Any
) -> None:
    """The one line per finished job: outcome (published / retried / dead_lettered / ...), uri, language, duration.

    Extra keyword fields (reason, attempt, copy_id, model...) ride along. Dead letters log at WARNING,
    everything else at INFO. `uri` None (a body that is no item) leaves the field out.
    """
    logger = logger or logging.getLogger(JOB_LOGGER)
    level = logging.WARNING if outcome == "dead_lettered" else logging.INFO
    named = {"uri": uri} if uri is not None else {}
    extra = {"outcome": outcome, **named, "language": language, "duration_s": round(duration_s, 3), **fields}
    logger.log(level, "job %s", outcome, extra=_safe_extra(extra))


class JobOutcomeLog:
    """An `on_event` hook that writes the job-outcome line from the consumer's and the handler's events.

    The consumer says RECEIVED (message_id, language), then ACKED / RETRIED / DEAD_LETTERED once the
    outcome is applied (copy confirmed, job acked); see `babelwire.queues.events`. The handler's DECODED event names
    the item (`uri=`); its TRANSLATED and PASSED_ON events carry the copy's provenance (`provenance=`, its
    fields join the line: `copy_id`, `engine`, `model_id`, ...). This hook pairs them by (message_id, language)
    and logs the outcome as published / retried / dead_lettered with the time since receipt. `uri` is always
    the item's uri: a body that is no item (bad input) has none, and its line names the job by `message_id`
    alone. Thread-safe: the handler runs on its own thread.
    """

    OUTCOMES = {events.ACKED: "published", events.RETRIED: "retried", events.DEAD_LETTERED: "dead_lettered"}

    def __init__(self, logger: logging.Logger | None = None, clock: Callable[[], float] = time.monotonic):
        self.logger = logger or logging.getLogger(JOB_LOGGER)
        self._clock = clock
        self._lock = threading.Lock()
        self._started: dict[tuple, float] = {}
        self._uris: dict[tuple, str] = {}
        self._provenance: dict[tuple, dict] = {}

    def on_event(self, name: str, **fields: Any) -> None:
        key = (fields.get("message_id"), fields.get("language"))
        with self._lock:
            if name == events.RECEIVED:
                self._started[key] = self._clock()
            elif name == DECODED:
                self._uris[key] = fields["uri"]
            elif name in (TRANSLATED, PASSED_ON):
                self._provenance[key] = dict(fields.get("provenance") or {})
            elif name in self.OUTCOMES:
                self._log(self.OUTCOMES[name], key, fields)
            elif name == events.REQUEUED:  # back on the queue: the next delivery starts afresh
                self._started.pop(key, None)
                self._uris.pop(key, None)
                self._provenance.pop(key, None)

    def _log(self, outcome: str, key: tuple, fields: dict) -> None:
        started = self._started.pop(key, None)
        uri = self._uris.pop(key, None) or fields.get("uri")
        duration = self._clock() - started if started is not None else 0.0
        provenance = {k: v for k, v in self._provenance.pop(key, {}).items() if k != "source_uri"}  # = uri
        extra = {**provenance, **{k: v for k, v in fields.items() if k not in ("uri", "language")}}
        log_job_outcome(outcome, uri=uri, language=key[1], duration_s=duration, logger=self.logger, **extra)


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    return {key: value for key, value in vars(record).items() if key not in _STANDARD_ATTRS and not key.startswith("_")}


def _safe_extra(extra: dict[str, Any]) -> dict[str, Any]:
    """`extra` keys that clash with LogRecord attributes (e.g. `message`, `name`) get a `field_` prefix."""
    return {(f"field_{key}" if key in _STANDARD_ATTRS else key): value for key, value in extra.items()}


def _text_value(value: Any) -> str:
    text = str(value)
    return json.dumps(text, ensure_ascii=False) if (not text or any(c.isspace() or c in '"=' for c in text)) else text
