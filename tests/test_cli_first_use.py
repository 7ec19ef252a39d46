"""What a new user tripped over on a first try: each test runs the real `babelwire` entry point."""

import json
from pathlib import Path

import pytest
from chaos_helpers import is_embedded, queue_counts
from cli_helpers import one_line_error, run_babelwire
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401

from babelwire.queues import topology


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Kyiv said talks go on.\n", encoding="utf-8")
    return path


def jobs_waiting(broker_url: str, language: str) -> int:
    """Jobs on the language's queue; none where the embedded broker's file was never made."""
    if is_embedded(broker_url) and not Path(broker_url.removeprefix("embedded://").partition("?")[0]).exists():
        return 0
    return sum(queue_counts(broker_url, topology.job_queue_name(language)))


# --- a job no worker could ever serve is refused, not stranded on a queue of its own ------------------------

@pytest.mark.parametrize("to, refused", [("ua", "ua"), ("uk,xx", "xx"), ("en", "en")])
def test_submit_refuses_a_language_no_worker_could_translate_and_sends_nothing(broker_url, story, to, refused):
    line = one_line_error(run_babelwire("submit", str(story), "--to", to, "--broker", broker_url, timeout=60))
    assert f"no worker could translate it into {refused!r}" in line
    for language in to.split(","):
        assert jobs_waiting(broker_url, language) == 0, language


def test_submit_refuses_an_items_own_target_language_no_worker_could_translate(embedded_url, tmp_path):
    item = tmp_path / "item.json"
    item.write_text(json.dumps({"uri": "urn:test:ua", "body_text": "Talks go on.", "target_languages": ["ua"]}))
    line = one_line_error(run_babelwire("submit", str(item), "--broker", embedded_url, timeout=60))
    assert str(item) in line and "'ua'" in line


def test_submit_accepts_a_language_served_by_a_model_of_ones_own(embedded_url, story):
    result = run_babelwire("submit", str(story), "--to", "ua", "--broker", embedded_url,
                           env={"BABELWIRE_MODELS": "ua=/models/en-ua"}, timeout=60)
    assert result.returncode == 0, result.stderr.decode()
    assert jobs_waiting(embedded_url, "ua") == 1


# --- the dry-run advice is given only where it helps -------------------------------------------------------

@pytest.mark.parametrize("args", [["translate", "--to", "xx", "--engine", "pseudo", "Hello."],
                                  ["translate", "--to", "xx", "Hello."],
                                  ["worker", "--languages", "xx", "--engine", "pseudo"]])
def test_an_unknown_language_does_not_advise_the_pseudo_engine(args, embedded_url):
    broker = ["--broker", embedded_url] if args[0] == "worker" else []
    line = one_line_error(run_babelwire(*args, *broker, timeout=120))
    assert "'xx'" in line and "--engine pseudo" not in line


# --- a state folder where nothing can be made is a configuration error (2), not an outage (75) -------------

@pytest.mark.parametrize("state_dir", ["/proc/nope", "/proc"])
def test_a_state_dir_where_the_broker_cannot_be_made_is_exit_2(story, state_dir):
    line = one_line_error(run_babelwire("submit", str(story), "--to", "uk",
                                        env={"BABELWIRE_STATE_DIR": state_dir}, timeout=60))
    assert f"embedded://{state_dir}/broker.sqlite3" in line and "cannot reach" not in line


# --- every exit status the process can end with is in the README's table and in --help -----------------------

def test_the_readme_exit_table_and_help_list_every_exit_status():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Errors and exit status", 1)[1].split("\n\n", 2)[1]
    listed = {int(row.split("|")[1]) for row in table.splitlines() if row.split("|")[1].strip().isdigit()}
    statuses = {0, 1, 2, 75, 130, 141, 143}  # 143: a second SIGTERM (tests/test_chaos_stop.py)
    assert listed == statuses
    epilog = run_babelwire("--help").stdout.decode()
    assert all(str(status) in epilog for status in statuses - {0})


# --- translate writes the source's line endings back, adding none -------------------------------------------

@pytest.mark.parametrize("source, ending", [("Hello there.\n\nSecond one.\n\n", "~]\n\n"),
                                            ("Hello there.\r\n\r\nSecond one.\r\n", "~]\r\n"),
                                            ("Hello there.", "~]\n")])
def test_translate_keeps_the_sources_line_endings(tmp_path, source, ending):
    path = tmp_path / "story.txt"
    path.write_bytes(source.encode())
    result = run_babelwire("translate", "--engine", "pseudo", "--to", "uk", "--input", str(path))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert out.endswith(ending) and not out.endswith("\n" + ending), repr(out)
    assert out.count("\n") == source.count("\n") or not source.endswith("\n")


# --- a usage error is one line, as every other user error --------------------------------------------------

@pytest.mark.parametrize("args, command", [
    (["run", "story.txt"], "babelwire run"), (["translate", "--to"], "babelwire translate"),
    (["watch", "--count", "x"], "babelwire watch"), (["models", "pull"], "babelwire models pull"),
    (["frobnicate"], "babelwire"), ([], "babelwire"),
])
def test_a_usage_error_is_one_line_pointing_at_the_help(args, command):
    line = one_line_error(run_babelwire(*args, timeout=60))
    assert line.startswith(f"{command}: error: ") and line.endswith(f"(see `{command} --help`)")


def test_a_bad_value_is_one_line_as_a_missing_one_is(story):
    line = one_line_error(run_babelwire("run", str(story), "--to", "", timeout=60))
    assert line.startswith("babelwire: error: --to ")
