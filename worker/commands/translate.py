"""`babelwire translate`: translate text from arguments, a file or stdin into one or more languages."""

import argparse
import json
import sys
from pathlib import Path

from babelwire.translation.round_trip.html import Html, MarkupTranslator
from babelwire.worker.commands._common import add_engine_options, add_names_option, languages, load_settings, read_text

_PROGRESS_MIN_CHARS = 20_000  # shorter inputs finish before a bar would help


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "translate", help="translate English text, keeping quotes and names verbatim",
        description="Translate English text into one or more languages. Quotes, names, URLs and numbers "
                    "come back verbatim.")
    parser.add_argument("text", nargs="*", metavar="TEXT", help="text to translate (default: --input or stdin)")
    parser.add_argument("--input", metavar="FILE|-", help="read the text from FILE, or stdin with -")
    parser.add_argument("--to", required=True, type=languages, metavar="LANGS", help="target languages, e.g. uk,de")
    parser.add_argument("--format", choices=("text", "json", "html"),
                        help="text (default), json, or html: the input is an HTML fragment and the output HTML "
                             "(the default for an --input file ending in .html or .htm)")
    add_engine_options(parser)
    parser.add_argument("--policy", choices=("desk", "strict"),
                        help="desk (default): translate places and institutions described in common words; "
                             "strict: keep every name verbatim (default: BABELWIRE_POLICY or desk)")
    add_names_option(parser)
    parser.add_argument("--beams", type=int, metavar="N", help="beam size (default: BABELWIRE_BEAMS or 4)")
    parser.add_argument("--show-masking", action="store_true",
                        help="also show what was protected and which recovery each sentence needed")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from babelwire.worker.build import build_translator, load_models  # heavy: only when translating
    from babelwire.worker.engines import build_engine

    settings = load_settings(args)
    text = read_text(args.text, args.input)
    progress = _ProgressBar(_estimated_sentences(text)) if _wants_progress(text) else None
    engine = build_engine(settings, progress=progress)
    load_models(engine, args.to)  # unknown language or missing model (all named): fail before any work
    translator = build_translator(settings, args.glossary, engine=engine)
    if is_html_input(args.format, args.input):
        translator, text = MarkupTranslator(translator), Html(text)
    results = []
    for target in args.to:
        if progress:
            progress.start(target)
        results.append(translator.translate(text, target=target))
        if progress:
            progress.done()
    if progress:
        progress.finish()
    if args.format == "json":
        print(_render_json(results, args.show_masking))
    else:
        sys.stdout.write(_render_text(results))
    if args.show_masking and args.format != "json":
        _print_masking(results)
    return 0


def is_html_input(output_format: str | None, input_path: str | None) -> bool:
    """HTML with --format html, or from an .html / .htm file (unless --format text says otherwise)."""
    if output_format is not None and output_format != "json":
        return output_format == "html"
    return input_path is not None and Path(input_path).suffix.lower() in (".html", ".htm")


def _render_text(results) -> str:
    """One translation as it came, its line endings the source's; several, each under its language's heading."""
    if len(results) == 1:
        return _ending_a_line(results[0].text)
    blocks = [f"== {result.language} ==\n" + result.text.rstrip("\r\n") for result in results]
    return "\n\n".join(blocks) + "\n"


def _ending_a_line(text: str) -> str:
    """`text` with the newline a terminal needs after it, unless it already ends with one (as a file does)."""
    if text.endswith("\n"):
        return text
    return text + ("\r\n" if "\r\n" in text else "\n")


def _render_json(results, show_masking: bool) -> str:
    translations = []
    for result in results:
        entry = {"language": result.language, "text": result.text,
                 "model": result.model.model_id if result.model else None, "fallbacks": result.fallbacks}
        if hasattr(result, "repairs"):
            entry["markup_repairs"] = result.repairs
        entry["names"] = [name.as_dict() for name in getattr(result, "names", ())]  # people rendered (uk)
        if show_masking:
            entry["sentences"] = [_sentence_report(report) for report in result.sentences]
        translations.append(entry)
    document = {"source_language": "en", "translations": translations, "protected": _protected(results)}
    return json.dumps(document, ensure_ascii=False, indent=2)


def _protected(results) -> list[dict]:
    """Spans of the source protected for any language (glossary renderings may differ per language)."""
    spans = {(span.start, span.end, str(span.kind)): span for result in results for span in result.spans}
    return [spans[key].as_dict() for key in sorted(spans)]


def _sentence_report(report) -> dict:
    return {"source": report.source, "spans": [span.as_dict() for span in report.spans],
            "restored": report.restored, "fallback": report.fallback, "form": report.form}


def _print_masking(results) -> None:
    for span in _protected(results):
        print(f"protected {span['kind']:<8} {span['start']}-{span['end']}: {span['text']}", file=sys.stderr)
    for result in results:
        for report in result.sentences:
            if report.fallback:
                print(f"{result.language}: fallback {report.fallback}: {report.source[:80]}", file=sys.stderr)


def _wants_progress(text: str) -> bool:
    return len(text) >= _PROGRESS_MIN_CHARS and sys.stderr.isatty()


def _estimated_sentences(text: str) -> int:
    """About how many sentences the engine will see: each distinct sentence is translated once (long-sentence
    splits and recovery retries add a few, masking may make two sentences one)."""
    from babelwire.translation.round_trip.segment import split_sentences

    return max(1, len({text[start:end].strip() for start, end in split_sentences(text)}))


class _ProgressBar:
    """One line on stderr, redrawn in place: the sentences translated so far for the current language.

    The total is an estimate made before translating; the count is what the engine reports. The total grows
    when the engine translates more than estimated, and when a language is done its line shows the count
    it reached as the total, so the bar always ends full with the true number."""

    def __init__(self, estimate: int, width: int = 30):
        self._estimate = estimate
        self._total = estimate
        self._width = width
        self._language = ""
        self._done = 0

    def start(self, language: str) -> None:
        self._language, self._done, self._total = language, 0, self._estimate

    def __call__(self, translated: int) -> None:
        self._done += translated
        self._total = max(self._total, self._done)
        self._draw()

    def done(self) -> None:
        self._total = max(1, self._done)
        self._done = self._total
        self._draw()

    def _draw(self) -> None:
        filled = self._width * self._done // self._total
        bar = "#" * filled + "-" * (self._width - filled)
        print(f"\r{self._language} [{bar}] {self._done}/{self._total} sentences\033[K", end="", file=sys.stderr, flush=True)

    def finish(self) -> None:
        print("\r\033[K", end="", file=sys.stderr, flush=True)
