"""`babelwire submit FILE ...`: put wire items on the broker, one job per item and target language.

Every file is read and validated before anything is sent, so a bad file in a batch sends nothing.
ninjs files (`.json`) travel byte for byte as they were written; plain-text files are wrapped into an item
whose uri is derived from the text, so submitting the same text twice yields copies with the same ids.
"""

import argparse
import hashlib
from dataclasses import dataclass
from pathlib import Path

from babelwire.queues import messages
from babelwire.queues.errors import PermanentError as BadMessage
from babelwire.translation.errors import UnsupportedLanguageError
from babelwire.translation.models.registry import SOURCE_LANGUAGE, ModelRegistry, language_key
from babelwire.worker.commands._common import add_broker_option, decode_text, load_settings, parse_languages, read_file
from babelwire.worker.errors import UsageError

JSON_SUFFIXES = (".json", ".ninjs")
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Submission:
    """One validated item, ready to send: the bytes on the wire and the languages it goes to."""

    path: Path
    item: messages.WireItem
    body: bytes
    languages: tuple[str, ...]

    @property
    def message_id(self) -> str:
        return f"{self.item.uri}@{self.item.version or ''}"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "submit", help="send wire items (ninjs JSON or plain text files) for translation",
        description=__doc__.splitlines()[0].split(": ", 1)[1],
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="ninjs .json file or UTF-8 text file")
    parser.add_argument("--to", metavar="uk,de", help="target languages (default: the item's target_languages, "
                        "else BABELWIRE_LANGUAGES)")
    add_broker_option(parser)
    parser.set_defaults(handler=run_submit)


def run_submit(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    submissions = prepare(args.files, parse_languages(args.to, "--to"), settings.languages)
    refuse_unservable(submissions, ModelRegistry(settings.models))
    send(settings.resolved_broker_url, submissions)
    for submission in submissions:
        print(f"submitted {submission.path} as {submission.item.uri} to {','.join(submission.languages)}")
    return 0


def prepare(paths: list[Path], requested: tuple[str, ...] | None, configured: tuple[str, ...]) -> list[Submission]:
    """Read and validate every file; raise UsageError naming the first bad one."""
    submissions = []
    for path in paths:
        item, body = read_item(path)
        languages = requested or _item_languages(item, path) or configured
        submissions.append(Submission(path, item, body, languages))
    return submissions


def refuse_unservable(submissions: list[Submission], registry: ModelRegistry) -> None:
    """A job for a language no worker can serve ("ua", "xx", "en") would wait on its queue for ever: refuse it
    now, before anything is sent. A language served by a model of one's own needs BABELWIRE_MODELS here too."""
    for submission in submissions:
        for language in submission.languages:
            try:
                registry.check_target(language)
            except UnsupportedLanguageError:
                raise UsageError(f"{submission.path}: no worker could translate it into {language!r}: "
                                 f"{_why_unservable(language)}") from None


def _why_unservable(language: str) -> str:
    if language_key(language) == SOURCE_LANGUAGE:
        return "that is the source language, babelwire translates from English"
    return (f"no model is known for it (`babelwire models list` shows the known languages; a language with a "
            f"model of your own needs BABELWIRE_MODELS=\"{language}=...\" here as well)")


def _item_languages(item: messages.WireItem, path: Path) -> tuple[str, ...]:
    """The item's own target_languages, each a usable language tag (it becomes a routing key)."""
    from babelwire.queues.topology import TopologyError, check_language  # imported late: kombu

    languages = tuple(item.target_languages or ())
    for language in languages:
        try:
            check_language(language)
        except TopologyError as error:
            raise UsageError(f"{path}: target_languages: {error}; list each language as its own string") from None
    return languages


def read_item(path: Path) -> tuple[messages.WireItem, bytes]:
    """(item, bytes to send) for a ninjs, HTML (the item's body_html) or plain-text file."""
    raw = _read(path)
    try:
        if path.suffix.lower() in JSON_SUFFIXES:
            return messages.decode_wire_item(raw), raw
        wrap = messages.wrap_html if path.suffix.lower() in HTML_SUFFIXES else messages.wrap_plain_text
        item = wrap(decode_text(raw, path), uri=text_uri(raw))
        body = messages.encode_message(item)
        messages.decode_wire_item(body)  # the size limit applies to what travels, as the worker sees it
        return item, body
    except BadMessage as error:
        raise UsageError(f"{path}: {error}") from None


def text_uri(raw: bytes) -> str:
    return f"urn:babelwire:text:{hashlib.sha256(raw).hexdigest()[:32]}"


def send(broker_url: str, submissions: list[Submission]) -> None:
    from babelwire.queues.connection import connect
    from babelwire.queues.publisher import Publisher
    from babelwire.queues.topology import declare_topology

    languages = sorted({language for submission in submissions for language in submission.languages})
    with connect(broker_url) as connection:
        # Declared here too: jobs sent before any worker has declared its queues would be unroutable.
        declare_topology(connection, languages)
        publisher = Publisher(connection)
        for submission in submissions:
            publisher.submit(submission.body, submission.languages, message_id=submission.message_id)


def _read(path: Path) -> bytes:
    raw = read_file(path)
    if not raw.strip():
        raise UsageError(f"{path} is empty; nothing to translate")
    return raw
