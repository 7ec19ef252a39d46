"""`babelwire render`: how people's names will be written in a target language's script, one name a line."""

import argparse
import json
import sys
from pathlib import Path

from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.protection.name_types import NAME_TYPES, PERSON
from babelwire.translation.target_names.name_forms import NameForm, after_a_title
from babelwire.translation.target_names.rendering import render_name, renders_names, rendering_languages
from babelwire.worker.commands._common import decode_text, load_settings
from babelwire.worker.errors import UsageError

def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "render", help="show how names are written in a target script",
        description="Read names, one per line (arguments or stdin), and print how a copy in LANG writes each, "
                    "one per line: a person in the target's script (established form, reverse romanisation, "
                    "pronunciation or spelling), an organisation as written unless its whole name has an "
                    "established form (a club). A blank line gives a blank line.")
    parser.add_argument("names", nargs="*", metavar="NAME", help="names to render (default: one per line on stdin)")
    parser.add_argument("--to", required=True, metavar="LANG", help="target language written in another script (uk)")
    parser.add_argument("--type", choices=NAME_TYPES, default=PERSON, dest="kind",
                        help="what the names name (default: person; only people are rendered)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help='json: one object a line with "name", "rendering", "type" and "source"')
    parser.add_argument("--glossary", type=Path, metavar="FILE",
                        help="TOML or JSON glossary: its keep and render entries win (default: BABELWIRE_GLOSSARY)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not renders_names(args.to):
        raise UsageError(f"--to {args.to}: no name renderings for this language; names stay as written in a "
                         f"Latin-script copy (rendering languages: {', '.join(rendering_languages())})")
    path = args.glossary or load_settings().glossary
    terms = Glossary.load(path).terms_for(args.to) if path else {}
    for number, line in enumerate(args.names or _stdin_names(), start=1):
        name = line.strip()
        titled = after_a_title(name, args.to) if name and args.kind == PERSON and name not in terms else None
        title, after_title = titled if titled else (None, None)
        person = name[len(title) :].strip() if title else name
        rendering, source = _written(person, args.to, args.kind, terms, after_title)
        if name and source == "kept" and args.kind == PERSON:
            print(f"babelwire: note: name {number} ({name!r}) has a character no {args.to} table covers; "
                  "a copy keeps it as written", file=sys.stderr)
        if title:
            print(f"babelwire: note: name {number}: {title!r} is a title, which a copy translates with its "
                  "sentence; the name is rendered without it", file=sys.stderr)
        print(_line(name, rendering, source, args, title) if name else "")
    return 0


def _stdin_names() -> list[str]:
    if sys.stdin.isatty():
        raise UsageError("no names: give them as arguments or pipe them on stdin, one per line")
    text = decode_text(sys.stdin.buffer.read(), "stdin")
    if not text.strip():
        raise UsageError("stdin is empty or only whitespace: no names to render")
    return text.rstrip("\n").split("\n")


def _written(name: str, language: str, kind: str, terms: dict[str, str | None], after_title: NameForm | None = None
             ) -> tuple[str, str]:
    """(what a copy writes for the name, where it comes from); "kept" for a name written as it is. `after_title`:
    the name's form as read after the title the line opened with."""
    if name in terms:
        return (name, "glossary keep") if terms[name] is None else (terms[name], "glossary")
    if after_title is not None:
        return after_title.forms[0], after_title.source
    rendering = render_name(name, language, kind) if name else None
    return (name, "kept") if rendering is None else (rendering.text, rendering.source)


def _line(name: str, rendering: str, source: str, args: argparse.Namespace, title: str | None = None) -> str:
    if args.format == "text":
        return rendering
    record = {"name": name, "rendering": rendering, "type": args.kind, "source": source}
    return json.dumps(record | ({"title": title} if title else {}), ensure_ascii=False)
