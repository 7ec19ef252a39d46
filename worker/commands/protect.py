"""`babelwire protect`: show the spans the masker would keep verbatim, and so why a word was or was not kept."""

import argparse
import json
from pathlib import Path

from babelwire.translation.protection.glossary import Glossary
from babelwire.translation.round_trip.html import find_html_spans
from babelwire.translation.protection.policy import ProtectionPolicy
from babelwire.translation.protection.protect import find_protection
from babelwire.worker.commands._common import add_names_option, load_settings, read_text
from babelwire.worker.commands.translate import is_html_input
from babelwire.worker.errors import UsageError


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "protect", help="show what would be kept verbatim",
        description="Print, as JSON, the spans of the text that translation keeps verbatim "
                    "(quotes, names, URLs, e-mails, handles, hashtags, numbers, glossary terms), "
                    "each with the rule that produced it.")
    parser.add_argument("text", nargs="*", metavar="TEXT", help="text to inspect (default: --input or stdin)")
    parser.add_argument("--input", metavar="FILE|-", help="read from FILE, or stdin with -")
    parser.add_argument("--jsonl", action="store_true",
                        help='input is one JSON object with a "text" field per line; one result line per line')
    parser.add_argument("--glossary", type=Path, metavar="FILE", help="TOML or JSON glossary")
    parser.add_argument("--to", metavar="LANG", help="target language: glossary renderings, and people it writes in its own script")
    parser.add_argument("--policy", choices=("desk", "strict"),
                        help="desk (default): places and institutions described in common words are not "
                             "protected; strict: every name is (default: BABELWIRE_POLICY or desk)")
    add_names_option(parser)
    parser.add_argument("--format", choices=("text", "html"),
                        help="html: the input is an HTML fragment; offsets are into its markup (the default for "
                             "an --input file ending in .html or .htm)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(args)
    path = args.glossary or settings.glossary
    glossary = Glossary.load(path) if path else None
    text = read_text(args.text, args.input)
    documents = _jsonl_texts(text) if args.jsonl else [text]
    html = is_html_input(args.format, args.input)
    policy = ProtectionPolicy.named(settings.policy).with_names(settings.names)
    for document in documents:
        print(json.dumps(_spans_of(document, html, policy, glossary, args.to), ensure_ascii=False))
    return 0


def _spans_of(document: str, html: bool, policy: ProtectionPolicy, glossary: Glossary | None,
              target: str | None) -> dict:
    if not html:
        protection = find_protection(document, policy, glossary=glossary, target=target)
        result = {"spans": [span.as_dict() for span in protection.spans]}
        if protection.rendered_people:  # people the target writes in its own script: left to the model, checked
            result["rendered"] = [{**person.span.as_dict(), "rendering": person.rendering.text,
                                   "source": person.rendering.source} for person in protection.rendered_people]
        return result
    spans, repaired = find_html_spans(document, policy, glossary=glossary, target=target)
    result = {"spans": [span.as_dict() for span in spans]}
    if repaired is not None:  # the offsets are into the repaired markup, which is shown
        result["repaired_markup"] = repaired
    return result


def _jsonl_texts(data: str) -> list[str]:
    """Every line's "text" field; a line that is not such an object is an error naming its number.

    Lines end at "\n" only (JSON Lines): U+2028 or U+0085 inside a JSON string, as `json.dumps(...,
    ensure_ascii=False)` writes them, are text, not line ends. Blank lines are skipped.
    """
    lines = enumerate(data.split("\n"), start=1)
    return [_text_field(line, number) for number, line in lines if line.strip()]


def _text_field(line: str, number: int) -> str:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise UsageError(f"line {number}: not JSON ({error.msg}); --jsonl wants one object per line") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise UsageError(f'line {number}: expected an object with a string "text" field')
    return record["text"]
