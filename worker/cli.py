"""The `babelwire` command: translate English news items into other languages, keeping quotes and names verbatim.

Each subcommand lives in `worker/commands/<name>.py` and exposes `register(subparsers)`, which adds its
parser and sets `handler=callable(args) -> int`. Errors a user can cause end here as one line on stderr
and a non-zero exit; nothing below the CLI prints tracebacks for them. Only the standard library is
imported at the top, so that Ctrl-C while the commands load still ends in one line, not a traceback.
"""

import argparse
import os
import signal
import sys
from types import ModuleType

from babelwire.worker.exits import (EXIT_INTERRUPTED, EXIT_PIPE, EXIT_TEMPFAIL, EXIT_USAGE, close_stdout_quietly,
                          error_types, exit_now)
from babelwire.worker.arenas import limit_arenas

EPILOG = ("Exit status: 0 done, 1 some items failed (run, watch --count), 2 a usage or configuration error, "
          "75 a temporary failure (broker unreachable), 130 interrupted, 141 the reader went away, "
          "143 a worker stopped at once by a second SIGTERM.")


class OneLineErrorParser(argparse.ArgumentParser):
    """argparse with the one-line usage errors of every other error (the subcommands' parsers are of this class
    too): the usage is one `--help` away, not printed above the line that says what was wrong."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineErrorParser(prog="babelwire", description=__doc__.splitlines()[0].split(": ", 1)[1],
                                epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("babelwire")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


_commands_loaded = False  # until the command modules are imported, a Ctrl-C ends the process at once (`interrupt`)


def _command_modules() -> tuple[ModuleType, ...]:
    """The command modules, in the order `--help` lists them; imported here, not at the top (see above)."""
    global _commands_loaded
    from babelwire.worker.commands import models, protect, render, run, submit, translate, watch, worker

    _commands_loaded = True
    return translate, protect, render, models, worker, submit, watch, run


INTERRUPTED = "babelwire: interrupted"


def main(argv: list[str] | None = None) -> int:
    """Run one command -> exit status. Interrupted or cut off (`| head`): one line or none, never a traceback."""
    limit_arenas(environment=os.environ)  # before any thread starts (worker/arenas.py)
    if argv is None:  # the real process, not a test calling main()
        signal.signal(signal.SIGINT, interrupt)
    try:
        status = _run(argv)
        if argv is None:
            # The command is over and its output written: a Ctrl-C during interpreter shutdown, when Python has put
            # back the default handler, would kill the process (exit -2) instead of letting it end with `status`.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        return status
    except KeyboardInterrupt:
        if argv is None:  # the real process: a native engine thread may still run, see exit_now
            _end_interrupted()
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`babelwire watch | head -1`): nothing left to say, and no one to say it to.
        close_stdout_quietly()
        return EXIT_PIPE


def interrupt(signum: int, frame) -> None:
    """Ctrl-C as Python's own handler takes it (a KeyboardInterrupt, which `main` ends in one line), except while the
    command modules load: there it may land in a callback of the import machinery (a module lock's weakref), where
    Python prints it as "Exception ignored" with a traceback, drops it and lets the command run on to its end, or in
    native code that turns it into another error (pydantic building a settings model's serializer: a SchemaError with
    a traceback, exit 1). Nothing is written yet while modules load, so the process ends at once, in the same line."""
    if not _commands_loaded or frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        _end_interrupted()
    raise KeyboardInterrupt


def _end_interrupted() -> None:
    print(INTERRUPTED, file=sys.stderr)
    exit_now(EXIT_INTERRUPTED)


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    permanent, transient = error_types()
    try:
        return args.handler(args)
    except permanent as error:
        return _fail(error, EXIT_USAGE)
    except transient as error:
        return _fail(error, EXIT_TEMPFAIL)


def _fail(error: Exception, code: int) -> int:
    print(f"babelwire: error: {error}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
