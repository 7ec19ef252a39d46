"""How the `babelwire` process ends: exit statuses, which errors map to which, and leaving at once.

Exit statuses follow sysexits where one fits, so a supervisor can tell "fix the configuration" (2) from
"try again later" (75) and never restarts forever on a wrong password.
"""

import logging
import os
import sys

EXIT_FAILED = 1  # some jobs failed (run), or watch --count timed out
EXIT_USAGE = 2  # a usage or configuration error: starting again will fail the same way
EXIT_TEMPFAIL = 75  # sysexits EX_TEMPFAIL: try again later
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports after Ctrl-C
EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a command cut off by `| head`


def exit_status_for_signal(signum: int) -> int:
    """What a shell reports for a process ended by signal `signum`: 128 + its number (SIGTERM 143, SIGINT 130)."""
    return 128 + signum


def error_types() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(permanent error types -> EXIT_USAGE, transient error types -> EXIT_TEMPFAIL)."""
    import babelwire.queues.errors
    from babelwire import queues
    import babelwire.translation.errors
    from babelwire import translation
    from babelwire.worker.errors import UsageError

    permanent = (UsageError, babelwire.translation.errors.PermanentError, babelwire.queues.errors.PermanentError,
                 babelwire.queues.errors.BrokerConfigurationError)
    return permanent, (babelwire.translation.errors.TransientError, babelwire.queues.errors.TransientError)


def exit_now(code: int) -> None:
    """Flush what was written and end the process at once, without interpreter shutdown.

    Used when a native engine thread (CTranslate2) may still be translating a job that was already given
    back to the broker: tearing the interpreter down under it aborts the process ("terminate called
    without an active exception", exit 134) instead of the clean exit a supervisor expects.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be said there
            pass
    os._exit(code)


def close_stdout_quietly() -> None:
    """The reader of stdout went away: point stdout at /dev/null so the final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
