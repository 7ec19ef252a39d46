"""What the translate, protect and models commands share: settings at the edge, reading the input text."""

import argparse
import re
import sys
from pathlib import Path

from pydantic import ValidationError

from worker.errors import UsageError
from worker.settings import Settings, parse_model_overrides

_LANGUAGE = re.compile(r"^[a-z]{2,3}([_-][A-Za-z]{2,4})?$")


def load_settings(**overrides) -> Settings:
    """Settings from BABELWIRE_* variables, with command-line values (not None) taking precedence."""
    try:
        return Settings(**{key: value for key, value in overrides.items() if value is not None})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "settings"
        reason = first["msg"].removeprefix("Value error, ")
        raise UsageError(f"invalid setting {where}: {reason} (from a flag or BABELWIRE_{where.upper()})") from None


def model_overrides(flags: list[str], base: dict[str, str]) -> dict[str, str] | None:
    """--model LANG=ID_OR_PATH flags merged over the BABELWIRE_MODELS ones; None when no flag was given."""
    if not flags:
        return None
    try:
        return {**base, **parse_model_overrides(flags)}
    except ValueError as error:
        raise UsageError(f"--model: {error}") from None


def languages(value: str) -> list[str]:
    """argparse type for --to: "uk,de" -> ["uk", "de"], each a plausible language code, no duplicates."""
    codes = [code.strip().lower() for code in value.split(",") if code.strip()]
    bad = [code for code in codes if not _LANGUAGE.match(code)]
    if not codes or bad:
        raise argparse.ArgumentTypeError(f"{value!r}: expected language codes separated by commas, e.g. uk,de")
    return list(dict.fromkeys(codes))


def read_text(words: list[str], input_path: str | None) -> str:
    """The text to work on: TEXT arguments, a file, or stdin ("-", or piped). Never empty."""
    if words and input_path:
        raise UsageError("give the text as arguments or with --input, not both")
    if words:
        text, source = " ".join(words), "the text argument"
    else:
        data, source = _read_bytes(input_path)
        text = _decode(data, source)
    if not text.strip():
        raise UsageError(f"{source} is empty or only whitespace: nothing to work on")
    return text


def _read_bytes(input_path: str | None) -> tuple[bytes, str]:
    if input_path in (None, "-"):
        if input_path is None and sys.stdin.isatty():
            raise UsageError("no input: give TEXT, --input FILE, or pipe text on stdin")
        return sys.stdin.buffer.read(), "stdin"
    path = Path(input_path)
    try:
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise UsageError(f"input file {input_path!r} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"input {input_path!r} is a directory, not a file") from None
    except OSError as error:
        raise UsageError(f"cannot read {input_path!r}: {error.strerror}") from None


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")  # a leading byte-order mark is not part of the text
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{source} is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "convert it first, e.g. `iconv -f cp1252 -t utf-8`") from None
