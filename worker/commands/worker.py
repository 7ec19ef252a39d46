"""`babelwire worker`: consume translation jobs until stopped (SIGTERM / SIGINT stop it gracefully)."""

import argparse
import logging

from babelwire.worker.commands._common import add_broker_option, add_engine_options, load_settings, parse_languages
from babelwire.worker.errors import UsageError
from babelwire.worker.exits import exit_now

log = logging.getLogger(__name__)


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "worker", help="translate jobs from the broker until stopped",
        description="Consume wire items from the job queues of the given languages and publish localised copies.",
    )
    add_broker_option(parser)
    parser.add_argument("--languages", metavar="uk,de", help="languages this worker serves (default: BABELWIRE_LANGUAGES, else uk)")
    parser.add_argument("--prefetch", type=int, metavar="N", help="unacknowledged jobs held at once (default: 8)")
    parser.add_argument("--batch-jobs", type=int, metavar="N",
                        help="jobs of one language translated together when they wait together (default: 4)")
    add_engine_options(parser)
    parser.set_defaults(handler=run_worker)


def run_worker(args: argparse.Namespace) -> int:
    from babelwire.queues.connection import display_url
    from babelwire.worker.logs import configure_logging
    from babelwire.worker.service import build_worker, ready_translator

    settings = load_settings(args, languages=parse_languages(args.languages, "--languages"))
    try:
        configure_logging(settings)
    except ValueError as error:
        raise UsageError(f"BABELWIRE_LOG_LEVEL: {error}") from None
    check_broker(settings.resolved_broker_url)
    translator, models = ready_translator(settings)
    service = build_worker(settings, translator, models)
    log.info("worker serving %s on %s", ",".join(settings.languages), display_url(settings.resolved_broker_url))
    service.run()
    if service.translation_outlived_stop():
        log.info("worker stopped; the job in hand went back to its queue while its translation still ran")
        exit_now(0)  # see exit_now: a native translation thread must not see interpreter shutdown
    log.info("worker stopped")
    return 0


def check_broker(url: str) -> None:
    """Fail at start, with one line, when the broker is not there; later outages are reconnected."""
    from babelwire.queues.connection import connect

    connect(url).release()
