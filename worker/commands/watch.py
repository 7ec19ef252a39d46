"""`babelwire watch`: print localised copies (or dead letters) as JSON lines as they arrive.

One line per message on stdout, so `babelwire watch --count 2 | jq .headline` works; with `--headers` a line is
`{"headers": {...}, "copy": {...}}`, the copy's provenance (`babelwire-*` headers) beside it. With `--count N` the
command exits 0 once N messages arrived and 1 if `--timeout` ends the wait first. Reading takes: each message
printed leaves its queue. `--peek` looks without taking: it prints what the queue holds now and exits.
"""

import argparse
import base64
import json
import sys

from babelwire.worker.commands._common import add_broker_option, load_settings, parse_languages
from babelwire.worker.errors import UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "watch", help="print localised copies or dead letters as JSON lines",
        description=__doc__.splitlines()[0].split(": ", 1)[1],
    )
    parser.add_argument("--languages", metavar="uk,de", help="only copies in these languages (default: all)")
    parser.add_argument("--dead", action="store_true",
                        help="print dead letters (reason and original body) instead; each printed one is taken "
                             "off the dead-letter queue unless --peek")
    parser.add_argument("--peek", action="store_true",
                        help="look without taking: print what the queue holds now (with --dead, or the outboxes "
                             "of --languages) and leave every message on it, then exit")
    parser.add_argument("--headers", action="store_true",
                        help='print each copy as {"headers": ..., "copy": ...}: its provenance (engine, model, '
                             "protected spans, ...) travels in the babelwire-* headers, not in the ninjs copy")
    parser.add_argument("--count", type=_positive_int, metavar="N", help="exit after N messages")
    parser.add_argument("--timeout", type=_positive_float, metavar="S", help="exit after S seconds without waiting longer")
    add_broker_option(parser)
    parser.set_defaults(handler=run_watch)


def run_watch(args: argparse.Namespace) -> int:
    from babelwire.queues.subscriber import follow

    settings = load_settings(args)
    languages = parse_languages(args.languages, "--languages")
    if args.peek and not (args.dead or languages):
        raise UsageError("--peek needs --dead or --languages: the live tap of every language holds nothing to look at")
    received = 0
    for message in follow(settings.resolved_broker_url, languages=languages, dead=args.dead,
                          count=args.count, timeout_s=args.timeout, take=not args.peek):
        line = dead_letter_line(message) if args.dead else copy_line(message, with_headers=args.headers)
        print(json.dumps(line, ensure_ascii=False, default=str), flush=True)
        received += 1
    if args.count is not None and received < args.count and not args.peek:
        print(f"babelwire: watch: {received} of {args.count} messages arrived within {args.timeout} s",
              file=sys.stderr)
        return 1
    return 0


def copy_line(message, with_headers: bool = False) -> dict:
    """A copy as it was published (with its headers if asked); a body that is not a JSON object is shown, not
    dropped."""
    try:
        data = json.loads(message.body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if not isinstance(data, dict):
        data = {"language": message.language, "not_a_copy": True, **_body_fields(message.body)}
    if with_headers:
        return {"headers": {key: _plain(value) for key, value in (message.headers or {}).items()}, "copy": data}
    return data


def dead_letter_line(message) -> dict:
    from babelwire.queues.topology import REASON_HEADER

    headers = {key: _plain(value) for key, value in (message.headers or {}).items()}
    reason = headers.get(REASON_HEADER) or _broker_reason(headers)
    return {"language": message.language, "reason": reason, "headers": headers, **_body_fields(message.body)}


# Why the broker itself dead-lettered a message (RabbitMQ's x-first-death-reason), in words.
BROKER_REASONS = {
    "delivery_limit": "delivered too often without being settled (its worker crashed or was stopped each time); "
                      "dead-lettered by the quorum queue's delivery limit",
    "expired": "expired in its queue (message TTL)",
    "maxlen": "dropped by the queue's length limit",
    "rejected": "rejected without requeue by a consumer other than babelwire",
}


def _broker_reason(headers: dict) -> str | None:
    why = headers.get("x-first-death-reason")
    return BROKER_REASONS.get(why, f"dead-lettered by the broker ({why})") if why else None


def _body_fields(body: bytes) -> dict:
    try:
        return {"body": body.decode("utf-8")}
    except UnicodeDecodeError:  # the very bytes that could not be decoded are the evidence
        return {"body_base64": base64.b64encode(body).decode("ascii")}


def _plain(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of messages, 1 or more")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return value
