"""`babelwire run FILE ... --to uk,de [--out DIR]`: submit, translate and collect in one process.

A newcomer's first try: no broker to install and no second terminal. The command starts a private
embedded broker in a temporary directory, submits the files, runs a worker on them until every
(item, language) job has ended as a copy or a dead letter, collects the copies from the broker and
writes them to DIR (`<file stem>.<lang>.json`) or prints them as JSON lines. As the worker does, it loads
the model of every target language first: a missing one is a one-line error (exit 2) before anything is
sent. Exit 1 if any job was dead-lettered (each is reported on stderr with its reason). Ctrl-C (or SIGTERM)
stops after the job in hand and still writes the copies finished so far (exit 130).

The broker is temporary, the translation memory is not: it is the one of the user's state directory (or
BABELWIRE_MEMORY_URL's), so a story's next version run later costs only what changed. The summary ends with
`sentences: T translated, M from memory`.
"""

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from babelwire.queues import topology
from babelwire.queues.outcomes import Ack, DeadLetter
from babelwire.worker.commands import submit
from babelwire.worker.commands._common import add_engine_options, load_settings, parse_languages
from babelwire.worker.errors import UsageError
from babelwire.worker.events import TRANSLATED
from babelwire.worker.exits import EXIT_INTERRUPTED, exit_now

COLLECT_TIMEOUT_S = 30.0  # copies are confirmed before their jobs end, so they are already there


class JobTally:
    """A job handler that counts the decisions of the one it wraps and says when every expected job has ended."""

    def __init__(self, expected: int, handler, sentences: "SentenceCount | None" = None):
        self.expected = expected
        self.copy_ids: set[str] = set()
        self.dead: list[tuple[bytes, str, str]] = []  # (original body, language, reason)
        self.sentences = sentences or SentenceCount()
        self.done = threading.Event()
        self._handler = handler
        self._lock = threading.Lock()

    def handle(self, delivery):
        outcome = self._handler.handle(delivery)
        self._record(delivery, outcome)
        return outcome

    def handle_batch(self, deliveries):
        outcomes = self._handler.handle_batch(deliveries)
        for delivery, outcome in zip(deliveries, outcomes):
            self._record(delivery, outcome)
        return outcomes

    @property
    def summary(self) -> str:
        return f"{len(self.copy_ids) + len(self.dead)} of {self.expected} jobs done; {self.sentences}"

    def _record(self, delivery, outcome) -> None:
        with self._lock:
            if isinstance(outcome, Ack):
                self.copy_ids.update(publication.message_id for publication in outcome.publications)
            elif isinstance(outcome, DeadLetter):
                self.dead.append((delivery.body, delivery.language, outcome.reason))
            ended = len(self.copy_ids) + len(self.dead)
        print(f"babelwire: {ended} of {self.expected} jobs done", file=sys.stderr, flush=True)
        if ended >= self.expected:
            self.done.set()


class SentenceCount:
    """The sentences of the translated jobs, told by the handler's events: by the model, and from memory."""

    def __init__(self):
        self.translated = 0
        self.from_memory = 0
        self._lock = threading.Lock()

    def on_event(self, name: str, **fields) -> None:
        if name == TRANSLATED:
            from_memory = int(fields.get("from_memory") or 0)
            with self._lock:
                self.translated += int(fields.get("sentences") or 0) - from_memory
                self.from_memory += from_memory

    def __str__(self) -> str:
        return f"sentences: {self.translated} translated, {self.from_memory} from memory"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "run", help="submit, translate and collect in one process (no broker to set up)",
        description=__doc__.splitlines()[0].split(": ", 1)[1],
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="ninjs .json file or UTF-8 text file")
    parser.add_argument("--to", required=True, metavar="uk,de", help="target languages")
    parser.add_argument("--out", type=Path, metavar="DIR", help="write copies here (default: JSON lines on stdout)")
    add_engine_options(parser)
    parser.set_defaults(handler=run_run)


def run_run(args: argparse.Namespace) -> int:
    languages = parse_languages(args.to, "--to")
    submissions = submit.prepare(args.files, languages, languages)
    refuse_duplicates(submissions)
    check_out_dir(args.out)  # before any translating: a bad --out must not cost the copies
    memory_url = load_settings(args).resolved_memory_url or "off"  # the user's, not the temporary directory's
    with tempfile.TemporaryDirectory(prefix="babelwire-run-") as state_dir:
        settings = load_settings(args, broker_url="embedded", state_dir=state_dir, languages=languages,
                                 memory_url=memory_url)
        tally, consumer = translate_all(settings, submissions)
        copies = collect(settings.resolved_broker_url, languages, len(tally.copy_ids))
    write_copies(copies, submissions, args.out)
    print(f"babelwire: {tally.summary}", file=sys.stderr)
    status = report_dead(tally, submissions)
    if not tally.done.is_set():
        return report_interrupted(tally, consumer)
    return status


def check_out_dir(out_dir: Path | None) -> None:
    """A one-line UsageError now, not after the translating, when --out DIR could not hold the copies.
    Nothing is left behind: a run that fails before translating leaves no empty folder."""
    if out_dir is None:
        return
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"--out {out_dir} is a file; give a directory for the copies")
    ancestor = next(parent for parent in (out_dir.absolute(), *out_dir.absolute().parents) if parent.exists())
    if not ancestor.is_dir():
        raise UsageError(f"--out {out_dir}: {ancestor} is a file, so no directory can be made there")
    _probe_writable(out_dir, ancestor)


def _probe_writable(out_dir: Path, ancestor: Path) -> None:
    """Make and remove a folder in `ancestor`: permission bits do not tell, for root or on /proc and /sys."""
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".babelwire-probe-", dir=ancestor))
    except OSError as error:
        raise UsageError(f"--out {out_dir}: cannot write in {ancestor}: {error.strerror or error}") from None


def report_interrupted(tally: "JobTally", consumer) -> int:
    """Ctrl-C or SIGTERM: the copies finished so far were written; say what was left undone."""
    ended = len(tally.copy_ids) + len(tally.dead)
    print(f"babelwire: interrupted: {ended} of {tally.expected} jobs done, their copies written; "
          "run again for the rest", file=sys.stderr)
    if not consumer.handler_ended(1.0):
        exit_now(EXIT_INTERRUPTED)  # a native translation still runs: see exit_now
    return EXIT_INTERRUPTED


def refuse_duplicates(submissions) -> None:
    """Two files holding the same item version would make one copy per language, not two: say so."""
    seen = {}
    for submission in submissions:
        key = _version_key(submission.item.uri, submission.item.item_version)  # .version is the ninjs version
        if key in seen:
            raise UsageError(f"{seen[key]} and {submission.path} hold the same item ({key[0]}); give it once")
        seen[key] = submission.path


def translate_all(settings, submissions):
    """Translate every job -> (JobTally, the consumer that ran them). Returns early, with the jobs ended so
    far, on Ctrl-C or SIGTERM (the job in hand gets the stop timeout to finish; a second Ctrl-C quits)."""
    from babelwire.worker.service import build_consumer, build_handler, ready_translator

    translator, _ = ready_translator(settings)  # a missing model: one line and exit 2, before anything is sent
    sentences = SentenceCount()
    handler = build_handler(settings, translator, on_event=sentences.on_event)
    tally = JobTally(sum(len(submission.languages) for submission in submissions), handler, sentences)
    consumer = build_consumer(settings, tally)  # the worker's own consumer, batching and all
    submit.send(settings.resolved_broker_url, submissions)
    # The consumer runs in this (main) thread; a helper thread stops it once every job has ended.
    stopper = threading.Thread(target=lambda: (tally.done.wait(), consumer.stop()), daemon=True)
    stopper.start()
    with _stopping_on_signals(consumer):
        consumer.run()
    return tally, consumer


@contextmanager
def _stopping_on_signals(consumer):
    """The first Ctrl-C or SIGTERM stops the consumer gracefully; a second Ctrl-C interrupts at once."""

    def stop(signum, _frame):
        print("babelwire: stopping: finishing the job in hand (Ctrl-C again to quit now)", file=sys.stderr,
              flush=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        consumer.stop()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def collect(broker_url: str, languages, count: int) -> list[tuple[dict, dict]]:
    """Each copy with its headers (its provenance: `babelwire-source-uri`, `babelwire-engine`, ...)."""
    from babelwire.queues.subscriber import follow

    if count == 0:
        return []
    received = follow(broker_url, languages=languages, count=count, timeout_s=COLLECT_TIMEOUT_S)
    return [(json.loads(message.body), dict(message.headers)) for message in received]


def write_copies(copies: list[tuple[dict, dict]], submissions, out_dir: Path | None) -> None:
    if out_dir is None:
        for copy, _ in copies:
            print(json.dumps(copy, ensure_ascii=False), flush=True)
        return
    stems = output_stems(submissions)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for copy, headers in copies:
            stem = stems[_version_key(headers[topology.SOURCE_URI_HEADER], headers.get(topology.SOURCE_VERSION_HEADER))]
            path = out_dir / f"{stem}.{copy['language']}.json"
            path.write_text(json.dumps(copy, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {path} ({_made_by(headers)})", file=sys.stderr)
    except OSError as error:  # the folder changed since check_out_dir, or the disk is full
        raise UsageError(f"--out {out_dir}: cannot write the copies: {error.strerror or error}") from None


def _made_by(headers: dict) -> str:
    """"engine pseudo, model pseudo", or "not translated" for a copy passed on as it came."""
    if not headers.get(topology.TRANSLATED_HEADER):
        return "not translated"
    return f"engine {headers.get(topology.ENGINE_HEADER)}, model {headers.get(topology.MODEL_ID_HEADER)}"


def output_stems(submissions) -> dict[tuple[str, str | None], str]:
    """(source uri, version) -> file stem, made unique when two inputs share a stem. Keyed by version too: the
    versions of one story share their uri, and each version's copy goes to its own file."""
    stems: dict[tuple[str, str | None], str] = {}
    for submission in submissions:
        stem, n = submission.path.stem, 1
        while stem in stems.values():
            n += 1
            stem = f"{submission.path.stem}-{n}"
        stems.setdefault(_version_key(submission.item.uri, submission.item.item_version), stem)
    return stems


def _version_key(uri: str, version) -> tuple[str, str | None]:
    return uri, None if version is None else str(version)


def report_dead(tally: JobTally, submissions) -> int:
    files = {submission.body: submission.path for submission in submissions}
    for body, language, reason in tally.dead:
        print(f"babelwire: {files.get(body, '?')} ({language}) was not translated: {reason}", file=sys.stderr)
    return 1 if tally.dead else 0
