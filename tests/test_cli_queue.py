"""The queue commands as a user meets them: `run` for a first try, `submit` / `watch` / `worker` errors."""

import json
from pathlib import Path

from cli_helpers import one_line_error, run_babelwire
from ninjs_helpers import example_version, schema_errors
from queue_fixtures import embedded_url  # noqa: F401
from worker_processes import write_items

from babelwire.queues.subscriber import follow

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_run_translates_every_file_into_every_language_each_copy_valid_ninjs(tmp_path):
    out = tmp_path / "out"
    items = ("wire-item.json", "wire-item-2.json", "wire-item-3.json")
    result = run_babelwire("run", *(str(EXAMPLES / name) for name in items), str(EXAMPLES / "breaking.txt"),
                           "--to", "uk,de", "--engine", "pseudo", "--out", str(out), timeout=180)
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(path.name for path in out.iterdir()) == sorted(
        f"{Path(name).stem}.{language}.json" for name in (*items, "breaking.txt") for language in ("de", "uk"))
    source = json.loads((EXAMPLES / "wire-item.json").read_text(encoding="utf-8"))
    copy = json.loads((out / "wire-item.uk.json").read_text(encoding="utf-8"))
    assert copy["language"] == "uk" and copy["headline"] != source["headline"]
    assert copy["slugline"] == source["slugline"] and copy["place"] == source["place"]
    assert '"We will keep the lights on this winter,"' in copy["body_text"]
    assert copy["altids"]["babelwire-source-uri"] == source["uri"]
    for name in items:
        for language in ("de", "uk"):
            copy = json.loads((out / f"{Path(name).stem}.{language}.json").read_text(encoding="utf-8"))
            assert schema_errors(copy, example_version(EXAMPLES / name)) == [], (name, language)


def test_run_without_out_prints_copies_as_json_lines(tmp_path):
    (tmp_path / "story.txt").write_text("Kyiv talks resume\n\nThe minister spoke on Monday.\n", encoding="utf-8")
    result = run_babelwire("run", str(tmp_path / "story.txt"), "--to", "uk", "--engine", "pseudo", timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    (line,) = result.stdout.decode().splitlines()
    copy = json.loads(line)
    assert copy["language"] == "uk" and copy["uri"].startswith("urn:babelwire:text:")


def test_run_with_a_missing_model_says_so_in_one_line_before_translating_anything(tmp_path):
    (tmp_path / "story.txt").write_text("A short story.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_babelwire("run", str(tmp_path / "story.txt"), "--to", "uk",
                           "--model", f"uk={tmp_path / 'no-such-model'}", "--out", str(out), timeout=120)
    assert "no-such-model" in one_line_error(result) and not out.exists()


def test_run_reports_each_job_that_was_not_translated_and_exits_1(capsys):
    from types import SimpleNamespace

    from babelwire.queues.outcomes import DeadLetter
    from babelwire.worker.commands.run import JobTally, report_dead

    tally = JobTally(expected=2, handler=SimpleNamespace(handle=lambda delivery: DeadLetter(reason="engine broke")))
    tally.handle(SimpleNamespace(body=b"item", language="de"))
    submissions = [SimpleNamespace(body=b"item", path=Path("story.txt"))]
    assert report_dead(tally, submissions) == 1
    assert "babelwire: story.txt (de) was not translated: engine broke" in capsys.readouterr().err


def test_run_refuses_a_bad_file_before_doing_anything(tmp_path):
    (tmp_path / "bad.json").write_text('{"headline": "no uri"}', encoding="utf-8")
    (tmp_path / "good.txt").write_text("Fine.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_babelwire("run", str(tmp_path / "good.txt"), str(tmp_path / "bad.json"), "--to", "uk",
                           "--engine", "pseudo", "--out", str(out))
    assert "bad.json: not a valid ninjs 1.6 item: 'uri' is a required property" in one_line_error(result)
    assert not out.exists()


def test_submit_rejects_bad_files_with_one_line_and_sends_nothing(embedded_url, tmp_path):
    good = write_items(tmp_path, 1)[0]
    cases = {
        "missing.json": "cannot read",
        "empty.txt": "is empty",
        "latin1.txt": "is not valid UTF-8 text (byte 0xe9 at offset 3)",
        "french.json": "English items only",
        "broken.json": "not valid JSON",
    }
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "french.json").write_text('{"uri": "u", "language": "fr"}', encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"uri": ', encoding="utf-8")
    for name, message in cases.items():
        result = run_babelwire("submit", str(good), str(tmp_path / name), "--to", "uk", "--broker", embedded_url)
        assert message in one_line_error(result), name
    assert list(follow(embedded_url, languages=["uk"], timeout_s=0.2)) == []


def test_submit_routes_to_the_items_own_target_languages(embedded_url, tmp_path):
    path = tmp_path / "item.json"
    path.write_text(json.dumps({"uri": "urn:t", "headline": "Hi", "target_languages": ["de", "pl"]}), "utf-8")
    result = run_babelwire("submit", str(path), "--broker", embedded_url)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == f"submitted {path} as urn:t to de,pl"


def test_watch_with_count_exits_1_when_the_timeout_ends_the_wait(embedded_url):
    result = run_babelwire("watch", "--languages", "uk", "--count", "1", "--timeout", "0.3", "--broker", embedded_url)
    assert result.returncode == 1
    assert "0 of 1 messages arrived within 0.3 s" in result.stderr.decode()


def test_worker_rejects_a_bad_language_list(embedded_url):
    result = run_babelwire("worker", "--languages", ",", "--broker", embedded_url)
    assert "--languages" in one_line_error(result)


def test_commands_say_in_one_line_when_the_broker_is_not_there(tmp_path):
    nowhere = "amqp://guest:guest@127.0.0.1:1//"
    item = write_items(tmp_path, 1)[0]
    for args in (["worker", "--engine", "pseudo"], ["submit", str(item)], ["watch", "--count", "1"]):
        result = run_babelwire(*args, "--broker", nowhere, timeout=60)
        stderr = result.stderr.decode()
        assert result.returncode == 75, (args, stderr)  # EX_TEMPFAIL: try again later
        assert stderr.strip().splitlines()[-1].startswith("babelwire: error: cannot reach the broker"), stderr
        assert "Traceback" not in stderr


def test_worker_with_a_missing_model_refuses_to_start_instead_of_dead_lettering_jobs(embedded_url, tmp_path):
    result = run_babelwire("worker", "--languages", "uk", "--model", f"uk={tmp_path / 'absent'}",
                           "--broker", embedded_url, timeout=120)
    assert "does not exist" in one_line_error(result)


def test_watch_headers_prints_each_copy_beside_its_provenance():
    from types import SimpleNamespace

    from babelwire.worker.commands.watch import copy_line

    message = SimpleNamespace(body=b'{"uri": "urn:x#uk", "language": "uk"}', language="uk",
                              headers={"babelwire-copy-id": "c-1", "babelwire-engine": "pseudo"})
    assert copy_line(message) == {"uri": "urn:x#uk", "language": "uk"}  # the ninjs copy alone, as published
    assert copy_line(message, with_headers=True) == {
        "headers": {"babelwire-copy-id": "c-1", "babelwire-engine": "pseudo"},
        "copy": {"uri": "urn:x#uk", "language": "uk"}}
