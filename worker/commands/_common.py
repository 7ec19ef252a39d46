"""What the commands share: settings at the edge (flags over `BABELWIRE_*` variables), the engine and broker
options, language lists, and reading input: every file a command reads and every text it decodes goes through
`read_file` and `decode_text`, so each problem has one message.
"""

import argparse
import sys
from pathlib import Path

from pydantic import ValidationError

from babelwire.translation.models.registry import is_language_code, language_key
from babelwire.worker.engines import ENGINES
from babelwire.worker.errors import UsageError
from babelwire.worker.settings import Settings, parse_model_overrides

# Setting <- the command-line flag (argparse attribute) that overrides it, for the commands that have the flag.
_SETTING_FLAGS = {
    "broker_url": "broker", "engine": "engine", "glossary": "glossary", "prefetch": "prefetch",
    "batch_jobs": "batch_jobs", "beams": "beams", "policy": "policy", "names": "names",
}


def add_broker_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--broker", metavar="URL",
        help="amqp://user:pass@host:5672// or 'embedded' (default: BABELWIRE_BROKER_URL, else embedded)",
    )


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    """--engine, --model and --glossary: the same flags, with the same meaning, for every command that translates."""
    parser.add_argument("--engine", choices=tuple(ENGINES), help="default: BABELWIRE_ENGINE or marian")
    parser.add_argument("--model", action="append", default=[], metavar="LANG=ID_OR_PATH",
                        help="model for a language, a hub id or a local checkpoint (repeatable)")
    parser.add_argument("--glossary", type=Path, metavar="FILE", help="TOML or JSON glossary")


def add_names_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--names", metavar="render|keep|LANG=render|keep,...",
                        help="people in a target written in another script (uk): render writes them in its "
                             "script, declined; keep keeps them verbatim (default: BABELWIRE_NAMES or render)")


def load_settings(args: argparse.Namespace | None = None, **overrides) -> Settings:
    """Settings from BABELWIRE_* variables, with the command-line values that were given (not None) on top:
    the flags of `args` (--broker, --engine, --glossary, --prefetch, --batch-jobs, --beams, --policy, --names,
    --model)
    and `overrides`, which win over both."""
    flags = {setting: getattr(args, flag, None) for setting, flag in _SETTING_FLAGS.items()}
    settings = _settings({**flags, **overrides})
    models = _model_overrides(getattr(args, "model", []), settings.models)
    return settings if models is None else settings.model_copy(update={"models": models})


def _settings(values: dict) -> Settings:
    try:
        return Settings(**{key: value for key, value in values.items() if value is not None})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "settings"
        reason = first["msg"].removeprefix("Value error, ")
        raise UsageError(f"invalid setting {where}: {reason} (from a flag or BABELWIRE_{where.upper()})") from None
    except ValueError as error:  # raised by pydantic-settings while reading a variable, outside validation
        raise UsageError(f"invalid setting: {error}") from None


def _model_overrides(flags: list[str], base: dict[str, str]) -> dict[str, str] | None:
    """--model LANG=ID_OR_PATH flags merged over the BABELWIRE_MODELS ones; None when no flag was given."""
    if not flags:
        return None
    try:
        return {**base, **parse_model_overrides(flags)}
    except ValueError as error:
        raise UsageError(f"--model: {error}") from None


def languages(value: str) -> list[str]:
    """argparse type for --to: "uk,de" -> ["uk", "de"], each a plausible language code, no duplicates."""
    codes = [language_key(code) for code in value.split(",") if code.strip()]
    bad = [code for code in codes if not is_language_code(code)]
    if not codes or bad:
        raise argparse.ArgumentTypeError(f"{value!r}: expected language codes separated by commas, e.g. uk,de")
    return list(dict.fromkeys(codes))


def parse_languages(value: str | None, flag: str) -> tuple[str, ...] | None:
    """'uk, de' -> ('uk', 'de'); None stays None; anything else is a one-line usage error."""
    if value is None:
        return None
    try:
        return tuple(languages(value))
    except argparse.ArgumentTypeError as error:
        raise UsageError(f"{flag} {error}") from None


def read_text(words: list[str], input_path: str | None) -> str:
    """The text to work on: TEXT arguments, a file, or stdin ("-", or piped). Never empty."""
    if words and input_path:
        raise UsageError("give the text as arguments or with --input, not both")
    if words:
        text, source = " ".join(words), "the text argument"
    else:
        data, source = _input_bytes(input_path)
        text = decode_text(data, source)
    if not text.strip():
        raise UsageError(f"{source} is empty or only whitespace: nothing to work on")
    return text


def _input_bytes(input_path: str | None) -> tuple[bytes, str]:
    if input_path not in (None, "-"):
        return read_file(Path(input_path)), input_path
    if input_path is None and sys.stdin.isatty():
        raise UsageError("no input: give TEXT, --input FILE, or pipe text on stdin")
    return sys.stdin.buffer.read(), "stdin"


def read_file(path: Path) -> bytes:
    """The bytes of the file at `path`; a one-line UsageError saying why they cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"cannot read {path}: the file does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"cannot read {path}: it is a directory, not a file") from None
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None


def decode_text(data: bytes, source: str | Path) -> str:
    """`data` as UTF-8 text; a one-line UsageError naming `source` and the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")  # a leading byte-order mark is not part of the text
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{source} is not valid UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it first, e.g. `iconv -f cp1252 -t utf-8`") from None
