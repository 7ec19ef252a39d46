"""The translation memory as a user meets it: `babelwire run` over story versions with a tiny Marian model."""

import json
import re

import pytest
from cli_helpers import run_babelwire
from redis_fixtures import redis_url  # noqa: F401 - fixture
from story_versions import STORIES, versions, write_versions

pytestmark = pytest.mark.slow

SUMMARY = re.compile(r"sentences: (\d+) translated, (\d+) from memory")


def run_versions(paths, tiny_models, state_dir, out_dir, **env) -> tuple[int, int]:
    """`babelwire run` the files into uk with the embedded memory of `state_dir`; (translated, from memory)."""
    result = run_babelwire("run", *map(str, paths), "--to", "uk", "--out", str(out_dir), "--model",
                           f"uk={tiny_models['uk']}",
                           env={"BABELWIRE_STATE_DIR": str(state_dir), "BABELWIRE_MEMORY_URL": "embedded",
                                "BABELWIRE_BEAMS": "1", **env})
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    last = stderr.strip().splitlines()[-1]
    assert SUMMARY.search(last), stderr  # the summary ends the run
    translated, from_memory = map(int, SUMMARY.search(last).groups())
    return translated, from_memory


def distinct_sentences() -> int:
    return len({sentence for story in STORIES for item in versions(story)
                for sentence in (item["headline"], *item["body_text"].split("\n\n"))})


def test_five_versions_translate_only_what_changed_and_unchanged_paragraphs_stay_the_same(tiny_models, tmp_path):
    every = write_versions(tmp_path / "in")
    finals = write_versions(tmp_path / "final", only_final=True)
    all_translated, all_recalled = run_versions(every, tiny_models, tmp_path / "state", tmp_path / "out")
    final_translated, final_recalled = run_versions(finals, tiny_models, tmp_path / "fresh", tmp_path / "out-final")
    assert final_recalled == 0 and final_translated > 0
    assert all_recalled > all_translated  # most of every later version came from memory
    # Each version rewrites the headline and version 3 corrects a figure: what changed is every distinct
    # English sentence of all versions (one sentence a paragraph), and nothing is translated twice.
    assert all_translated == distinct_sentences(), (all_translated, final_translated)

    for slug in ("floods", "talks"):
        previous = json.loads((tmp_path / "out" / f"{slug}-v4.uk.json").read_text(encoding="utf-8"))
        last = json.loads((tmp_path / "out" / f"{slug}-v5.uk.json").read_text(encoding="utf-8"))
        # Version 5 adds a paragraph; those before it are the same English, so the same Ukrainian.
        paragraphs = previous["body_text"].split("\n\n")
        assert last["body_text"].split("\n\n")[: len(paragraphs)] == paragraphs


def test_a_later_run_finds_the_final_versions_in_the_state_directorys_memory(tiny_models, tmp_path):
    every = write_versions(tmp_path / "in")
    run_versions(every, tiny_models, tmp_path / "state", tmp_path / "out")
    finals = write_versions(tmp_path / "final", only_final=True)
    translated, recalled = run_versions(finals, tiny_models, tmp_path / "state", tmp_path / "again")
    assert translated == 0 and recalled > 0
    for slug in ("floods", "talks"):
        first = json.loads((tmp_path / "out" / f"{slug}-v5.uk.json").read_text(encoding="utf-8"))
        again = json.loads((tmp_path / "again" / f"{slug}-v5.uk.json").read_text(encoding="utf-8"))
        assert again == first


def test_memory_off_translates_everything_every_time(tiny_models, tmp_path):
    finals = write_versions(tmp_path / "final", only_final=True)
    first = run_versions(finals, tiny_models, tmp_path / "state", tmp_path / "a", BABELWIRE_MEMORY_URL="off")
    second = run_versions(finals, tiny_models, tmp_path / "state", tmp_path / "b", BABELWIRE_MEMORY_URL="off")
    assert first[1] == second[1] == 0 and first[0] == second[0] > 0
    assert not (tmp_path / "state" / "memory.sqlite3").exists()


def test_unreachable_redis_translates_without_the_memory_and_says_so_once(tiny_models, tmp_path):
    from redis_fixtures import unused_port

    finals = write_versions(tmp_path / "final", only_final=True)
    result = run_babelwire("run", *map(str, finals), "--to", "uk", "--out", str(tmp_path / "out"), "--model",
                           f"uk={tiny_models['uk']}",
                           env={"BABELWIRE_MEMORY_URL": f"redis://127.0.0.1:{unused_port()}/0", "BABELWIRE_BEAMS": "1"})
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert stderr.count("translation memory unavailable") == 1, stderr
    translated, recalled = map(int, SUMMARY.search(stderr).groups())
    assert translated > 0 and recalled == 0
    assert len(list((tmp_path / "out").glob("*.uk.json"))) == len(finals)


def test_a_memory_url_that_is_not_one_is_a_one_line_error(tmp_path):
    from cli_helpers import one_line_error

    finals = write_versions(tmp_path / "final", only_final=True)
    line = one_line_error(run_babelwire("run", str(finals[0]), "--to", "uk", "--engine", "pseudo",
                                        env={"BABELWIRE_MEMORY_URL": "memcached://somewhere"}))
    assert "memory_url" in line and "redis://" in line


@pytest.mark.redis
def test_a_second_process_given_the_same_redis_sends_no_final_version_sentence_to_the_engine(
        tiny_models, tmp_path, redis_url):  # noqa: F811
    every = write_versions(tmp_path / "in")
    finals = write_versions(tmp_path / "final", only_final=True)
    run_versions(every, tiny_models, tmp_path / "state-a", tmp_path / "out",
                 BABELWIRE_MEMORY_URL=redis_url, BABELWIRE_MEMORY_TTL_S="3600")
    translated, recalled = run_versions(finals, tiny_models, tmp_path / "state-b", tmp_path / "again",
                                        BABELWIRE_MEMORY_URL=redis_url, BABELWIRE_MEMORY_TTL_S="3600")
    assert translated == 0 and recalled > 0
