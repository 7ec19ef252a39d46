"""Issue 14: one-line errors everywhere, the right exit status, no silent nonsense, no tracebacks.

Each test runs the real `babelwire` entry point as a user would (tests/cli_helpers.py).
"""

import json
import os
import signal
import subprocess

import pytest
from cli_helpers import BABELWIRE, one_line_error, run_babelwire
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401

from babelwire.queues import topology
from babelwire.queues.connection import connect
from babelwire.queues.outcomes import Publication
from babelwire.queues.publisher import Publisher
from babelwire.queues.subscriber import follow

ITEM = {"uri": "urn:test:ops", "headline": "Talks", "body_text": "Kyiv said talks go on."}


@pytest.fixture
def item_file(tmp_path):
    path = tmp_path / "item.json"
    path.write_text(json.dumps(ITEM), encoding="utf-8")
    return path


def env_without_babelwire(**extra):
    env = {key: value for key, value in os.environ.items() if not key.startswith("BABELWIRE_")}
    return {**env, "HF_HUB_OFFLINE": "1", "BABELWIRE_MEMORY_URL": "off", **extra}


# --- item 3: a reader that goes away (`| head`) ------------------------------------------------------------

def read_a_little_then_close(args, stdin=b"", first_bytes=100, env=None):
    """Start babelwire, read `first_bytes` of its stdout, close the pipe as `head -c` does -> (status, stderr)."""
    proc = subprocess.Popen([BABELWIRE, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env or env_without_babelwire())
    proc.stdin.write(stdin)
    proc.stdin.close()
    assert len(proc.stdout.read(first_bytes)) == first_bytes
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    return proc.wait(timeout=120), stderr


def test_protect_cut_off_by_head_ends_quietly():
    lines = "".join(json.dumps({"text": f"Oksana Stefanyshyna said \"talks go on\" in Kyiv {n}."}) + "\n"
                    for n in range(3000))  # about 400 KB of results: far more than a pipe holds
    status, stderr = read_a_little_then_close(["protect", "--jsonl"], stdin=lines.encode())
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert status == 141 and stderr == ""


def test_translate_json_cut_off_by_head_ends_quietly():
    text = "Zelenskyy met Witkoff in Kyiv on Monday, officials said. " * 3000
    status, stderr = read_a_little_then_close(["translate", "--engine", "pseudo", "--to", "uk", "--format", "json"],
                                              stdin=text.encode())
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert status == 141


def publish_copy(url, n):
    with connect(url) as connection:
        topology.declare_topology(connection, ["uk"])
        publisher = Publisher(connection)
        publisher.publish_copy(Publication(json.dumps({"n": n}).encode(), "uk", f"copy-{n}"))
        publisher.close()


def test_watch_cut_off_by_head_ends_quietly_and_keeps_the_copy_it_could_not_show(embedded_url):
    publish_copy(embedded_url, 1)
    proc = subprocess.Popen([BABELWIRE, "watch", "--languages", "uk", "--broker", embedded_url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_without_babelwire())
    assert json.loads(proc.stdout.readline()) == {"n": 1}
    proc.stdout.close()  # `head -1` has what it wanted and goes away
    publish_copy(embedded_url, 2)
    status = proc.wait(timeout=60)
    stderr = proc.stderr.read().decode()
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert status == 141
    left = [json.loads(message.body) for message in follow(embedded_url, languages=["uk"], timeout_s=2)]
    assert left == [{"n": 2}], "the copy that could not be shown must stay on the outbox"


# --- item 3 and 5: languages that cannot be routing keys, or none at all ------------------------------------

def test_submit_refuses_an_item_whose_target_languages_hold_a_space(tmp_path, embedded_url):
    path = tmp_path / "item.json"
    path.write_text(json.dumps({**ITEM, "target_languages": ["uk de"]}), encoding="utf-8")
    line = one_line_error(run_babelwire("submit", str(path), "--broker", embedded_url))
    assert "'uk de'" in line and "target_languages" in line


@pytest.mark.parametrize("value", ["uk de", "", " , "])
def test_babelwire_languages_must_name_usable_languages(value, item_file, embedded_url):
    env = {"BABELWIRE_LANGUAGES": value}
    for args in (["submit", str(item_file)], ["worker", "--engine", "pseudo"]):
        line = one_line_error(run_babelwire(*args, "--broker", embedded_url, env=env, timeout=60))
        assert "BABELWIRE_LANGUAGES" in line and "Value error" not in line


@pytest.mark.parametrize("target", ["xx", "en"])
def test_the_pseudo_engine_refuses_languages_a_real_run_would_refuse(target):
    line = one_line_error(run_babelwire("translate", "--engine", "pseudo", "--to", target, "Hello there."))
    assert repr(target) in line


# --- items 3 and 4: broker URLs; configuration errors exit 2, outages 75 ------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("redis://x", "unsupported broker URL 'redis://x'"),
    ("nonsense", "unsupported broker URL 'nonsense'"),
    ("embedded://", "names no file"),
    ("embedded:///tmp/b.sqlite3?lease_s=abc", "lease_s='abc' is not a number of seconds"),
    ("embedded:///tmp/b.sqlite3?lease=5", "unknown embedded broker option 'lease'"),
    ("embedded:///tmp/b.sqlite3?synchronous=maybe", "synchronous='maybe' is not one of"),
])
def test_a_broker_url_that_can_never_work_is_a_configuration_error(url, expected, item_file):
    for args in (["submit", str(item_file)], ["watch", "--count", "1", "--timeout", "1"]):
        assert expected in one_line_error(run_babelwire(*args, "--broker", url, timeout=60))


def test_a_bad_embedded_path_is_named_as_written(tmp_path, item_file):
    """A file where the broker's folder must be fails the same way on every retry: a configuration error."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    url = f"embedded://{blocker}/broker.sqlite3"
    line = one_line_error(run_babelwire("submit", str(item_file), "--broker", url, timeout=60))
    assert f"at {url}:" in line and "localhost" not in line


@pytest.mark.rabbitmq
def test_wrong_credentials_and_an_unknown_vhost_are_configuration_errors(rabbitmq_url, item_file):
    from queue_fixtures import RABBITMQ_HOST, RABBITMQ_PORT

    wrong_password = rabbitmq_url.replace("guest:guest", "guest:wrong")
    no_vhost = f"amqp://guest:guest@{RABBITMQ_HOST}:{RABBITMQ_PORT}/babelwire-no-such-vhost"
    for url, expected in ((wrong_password, "wrong user name or password"), (no_vhost, "vhost")):
        line = one_line_error(run_babelwire("submit", str(item_file), "--broker", url, timeout=60))
        assert expected in line and "wrong@" not in line


# --- item 6: JSON Lines are split at "\n" only ------------------------------------------------------------

def test_protect_jsonl_keeps_unicode_line_separators_inside_strings_and_skips_blank_lines():
    records = [{"text": "Kyiv\u2028said \"talks go on\"."}, {"text": "Paris\u0085and Rome"}]
    data = "\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n\n  \n"
    result = run_babelwire("protect", "--jsonl", "--policy", "strict", stdin=data)  # strict: places are kept
    assert result.returncode == 0, result.stderr.decode()
    lines = [json.loads(line) for line in result.stdout.decode().split("\n") if line]
    assert [[span["text"] for span in line["spans"]] for line in lines] == [["Kyiv", '"talks go on"'],
                                                                           ["Paris", "Rome"]]


# --- item 7: look at dead letters without taking them ------------------------------------------------------

def dead_letter(url, bodies):
    with connect(url) as connection:
        topology.declare_topology(connection, ["uk"])
        publisher = Publisher(connection)
        for n, body in enumerate(bodies):
            publisher.publish_dead_letter(body, "uk", reason=f"bad item {n}", attempt=1, message_id=f"m{n}")
        publisher.close()


def watch_dead(url, *flags):
    result = run_babelwire("watch", "--dead", *flags, "--timeout", "1", "--broker", url, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line)["reason"] for line in result.stdout.decode().splitlines()]


@pytest.mark.slow
def test_watch_dead_peek_looks_without_taking_and_plain_dead_takes(broker_url):
    dead_letter(broker_url, [b"first", b"second"])
    assert watch_dead(broker_url, "--peek") == ["bad item 0", "bad item 1"]
    assert watch_dead(broker_url, "--peek", "--count", "1") == ["bad item 0"]
    assert watch_dead(broker_url, "--peek") == ["bad item 0", "bad item 1"], "peeking must leave them all"
    assert watch_dead(broker_url) == ["bad item 0", "bad item 1"]
    assert watch_dead(broker_url, "--peek") == [], "without --peek, watch --dead takes what it prints"


def test_peek_at_the_live_tap_is_refused():
    assert "--peek needs --dead or --languages" in one_line_error(run_babelwire("watch", "--peek"))


# --- item 9: rough edges -----------------------------------------------------------------------------------

def test_version_and_help_say_what_babelwire_is():
    version = run_babelwire("--version")
    assert version.returncode == 0 and version.stdout.decode().startswith("babelwire ")
    help_text = run_babelwire("--help").stdout.decode()
    assert "parse, build, run" not in help_text and "translate" in help_text.lower()


@pytest.mark.parametrize("action, says", [("list", "where its files are"), ("pull", "Download the models")])
def test_models_subcommands_have_help_texts(action, says):
    help_text = " ".join(run_babelwire("models", action, "--help").stdout.decode().split())
    assert says in help_text
    assert "--model LANG=ID_OR_PATH use this hub id or local checkpoint" in help_text


def test_watch_count_that_is_not_a_number_says_so_plainly():
    result = run_babelwire("watch", "--count", "abc")
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "_positive_int" not in stderr and "'abc'" in stderr


def test_embedded_broker_worker_logs_no_missing_hostname_warning(embedded_url, tmp_path):
    from worker_processes import cli_worker, clean_env, wait_until

    log = tmp_path / "worker.log"
    with cli_worker(embedded_url, "uk", clean_env(BABELWIRE_ENGINE="pseudo"), log) as worker:
        wait_until(lambda: "connected to the broker" in log.read_text(), 60, "the worker to connect")
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    assert "No hostname" not in log.read_text(), log.read_text()


def test_a_missing_model_error_names_every_missing_language_and_the_dry_run(tmp_path, embedded_url):
    models = ["--model", f"uk={tmp_path / 'no-uk'}", "--model", f"de={tmp_path / 'no-de'}"]
    for args in (["translate", "--to", "uk,de", *models, "Hello."],
                 ["worker", "--languages", "uk,de", *models, "--broker", embedded_url]):
        line = one_line_error(run_babelwire(*args, timeout=120))
        assert "no-uk" in line and "no-de" in line and "--engine pseudo" in line, line


# --- item 8: Ctrl-C while the commands load -----------------------------------------------------------------

INTERRUPTED_WHILE_LOADING = """
import sys
from babelwire.worker import cli

def interrupted_import():
    raise KeyboardInterrupt  # what Ctrl-C does during the imports of build_parser

cli._command_modules = interrupted_import
sys.exit(cli.main(["translate", "--to", "uk", "Hello."]))
"""


def test_ctrl_c_while_the_commands_load_is_one_line_not_a_traceback():
    # In a child process: an interrupt that escaped would otherwise stop this whole test session.
    from queue_fixtures import python_process

    child = python_process(INTERRUPTED_WHILE_LOADING)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130 and stderr == "babelwire: interrupted\n", stderr
