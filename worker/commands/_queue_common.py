"""Options and helpers shared by the queue commands (`worker`, `submit`, `watch`, `run`).

Settings are read here, at the edge: flags given on the command line override `BABELWIRE_*` variables.
The engine flags are the ones `babelwire translate` takes, with the same meaning.
"""

import argparse
from pathlib import Path

from worker.commands import _common
from worker.errors import UsageError
from worker.settings import Settings


def add_broker_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--broker", metavar="URL",
        help="amqp://user:pass@host:5672// or 'embedded' (default: BABELWIRE_BROKER_URL, else embedded)",
    )


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", choices=("marian", "pseudo"), help="default: BABELWIRE_ENGINE or marian")
    parser.add_argument("--model", action="append", default=[], metavar="LANG=ID_OR_PATH",
                        help="model for a language, a hub id or a local checkpoint (repeatable)")
    parser.add_argument("--glossary", type=Path, metavar="FILE", help="TOML or JSON glossary")


def parse_languages(value: str | None, flag: str) -> tuple[str, ...] | None:
    """'uk, de' -> ('uk', 'de'); None stays None; anything else is a one-line usage error."""
    if value is None:
        return None
    try:
        return tuple(_common.languages(value))
    except argparse.ArgumentTypeError as error:
        raise UsageError(f"{flag} {error}") from None


def load_settings(args: argparse.Namespace, **overrides) -> Settings:
    """Settings from the environment, with the flags that were given (and `overrides`) on top."""
    flags = {
        "broker_url": getattr(args, "broker", None),
        "engine": getattr(args, "engine", None),
        "glossary": getattr(args, "glossary", None),
        "prefetch": getattr(args, "prefetch", None),
        "batch_jobs": getattr(args, "batch_jobs", None),
    }
    try:
        settings = _common.load_settings(**{**flags, **overrides})
    except ValueError as error:  # a malformed BABELWIRE_MODELS pair, for instance
        raise UsageError(f"invalid setting: {error}") from None
    models = _common.model_overrides(getattr(args, "model", []), settings.models)
    return settings if models is None else settings.model_copy(update={"models": models})
