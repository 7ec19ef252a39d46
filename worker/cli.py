"""The `babelwire` command: parse, build, run.

Each subcommand lives in `worker/commands/<name>.py` and exposes `register(subparsers)`, which adds its
parser and sets `handler=callable(args) -> int`. Errors a user can cause end here as one line on stderr
and a non-zero exit; nothing below the CLI prints tracebacks for them.
"""

import argparse
import importlib
import sys

import queues.errors
import translation.errors
from worker.errors import UsageError

COMMAND_MODULES = ("translate", "protect", "models", "worker", "submit", "watch", "run")

EXIT_USAGE = 2
EXIT_TEMPFAIL = 75  # sysexits EX_TEMPFAIL: try again later

PERMANENT_ERRORS = (UsageError, translation.errors.PermanentError, queues.errors.PermanentError)
TRANSIENT_ERRORS = (translation.errors.TransientError, queues.errors.TransientError)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="babelwire", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = _command_module(name)
        if module is not None:
            module.register(subparsers)
    return parser


def _command_module(name: str):
    try:
        return importlib.import_module(f"worker.commands.{name}")
    except ModuleNotFoundError as error:
        if error.name == f"worker.commands.{name}":
            return None  # command not built yet
        raise


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except PERMANENT_ERRORS as error:
        return _fail(error, EXIT_USAGE)
    except TRANSIENT_ERRORS as error:
        return _fail(error, EXIT_TEMPFAIL)
    except KeyboardInterrupt:
        return 130


def _fail(error: Exception, code: int) -> int:
    print(f"babelwire: error: {error}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
