"""`babelwire models list|pull`, offline."""

import shutil
import time

from cli_helpers import one_line_error, run_babelwire


def listing(*args, env=None):
    result = run_babelwire("models", "list", *args, env=env)
    assert result.returncode == 0, result.stderr.decode()
    return {line.split()[0]: line for line in result.stdout.decode().splitlines()[1:]}


def test_list_shows_language_model_and_not_downloaded(tmp_path):
    rows = listing(env={"HF_HOME": str(tmp_path)})
    assert "Helsinki-NLP/opus-mt-en-uk" in rows["uk"] and rows["uk"].endswith("not downloaded")
    assert ">>pol<<" in rows["pl"]


def test_list_shows_cached_snapshot_and_local_overrides(tiny_models, tmp_path):
    snapshot = tmp_path / "hub" / "models--Helsinki-NLP--opus-mt-en-de" / "snapshots" / "abc123"
    shutil.copytree(tiny_models["de"], snapshot)
    (snapshot.parent.parent / "refs").mkdir()
    (snapshot.parent.parent / "refs" / "main").write_text("abc123")
    rows = listing("--model", f"uk={tiny_models['uk']}", "--model", "fr=/no/such/dir", env={"HF_HOME": str(tmp_path)})
    assert rows["de"].endswith(str(snapshot))
    assert rows["uk"].endswith(f"{tiny_models['uk']} (local)")
    assert "missing" in rows["fr"]


def test_pull_offline_fails_fast_and_clearly():
    started = time.monotonic()
    message = one_line_error(run_babelwire("models", "pull", "uk"))
    assert time.monotonic() - started < 10
    assert "offline" in message and "Helsinki-NLP/opus-mt-en-uk" in message


def test_pull_unknown_language_is_an_error():
    assert "'xx'" in one_line_error(run_babelwire("models", "pull", "xx"))


def test_pull_of_a_local_override_has_nothing_to_do(tiny_models):
    result = run_babelwire("models", "pull", "uk", "--model", f"uk={tiny_models['uk']}")
    assert result.returncode == 0 and "nothing to pull" in result.stdout.decode()
