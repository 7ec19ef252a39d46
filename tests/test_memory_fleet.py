"""A fleet shares one translation memory in Redis: real worker processes on RabbitMQ, one after the other."""

import json

import pytest
from cli_helpers import run_babelwire
from queue_fixtures import rabbitmq_url, rabbitmq_vhosts  # noqa: F401 - fixtures
from redis_fixtures import redis_url  # noqa: F401 - fixture
from story_versions import STORIES, versions
from worker_processes import clean_env, cli_worker, log_text

from babelwire.queues import topology
from babelwire.queues.subscriber import follow

pytestmark = [pytest.mark.slow, pytest.mark.rabbitmq, pytest.mark.redis]


def translate_with_a_worker(broker_url, item_path, env, log_path) -> dict:
    """Start a worker, submit the item, return the copy's headers (the worker is killed afterwards)."""
    with cli_worker(broker_url, "uk", env, log_path):
        submitted = run_babelwire("submit", str(item_path), "--to", "uk", "--broker", broker_url)
        assert submitted.returncode == 0, submitted.stderr.decode()
        received = list(follow(broker_url, languages=["uk"], count=1, timeout_s=180))
    assert received, log_text(log_path)
    return received[0].headers | {"body": json.loads(received[0].body)}


def test_two_workers_sharing_redis_translate_a_sentence_once(
        rabbitmq_url, redis_url, tiny_models, tmp_path):  # noqa: F811
    final = versions(STORIES[0])[-1]
    republished = final | {"version": "6"}  # the same story sent again, every sentence unchanged
    paths = []
    for item in (final, republished):
        path = tmp_path / f"v{item['version']}.json"
        path.write_text(json.dumps(item), encoding="utf-8")
        paths.append(path)
    env = clean_env(BABELWIRE_MODELS=f"uk={tiny_models['uk']}", BABELWIRE_BEAMS="1",
                    BABELWIRE_MEMORY_URL=redis_url, BABELWIRE_MEMORY_TTL_S="3600",
                    BABELWIRE_STATE_DIR=str(tmp_path / "state"))

    first = translate_with_a_worker(rabbitmq_url, paths[0], env, tmp_path / "worker-1.log")
    second = translate_with_a_worker(rabbitmq_url, paths[1], env, tmp_path / "worker-2.log")

    sentences = first[topology.SENTENCES_HEADER]
    assert sentences > 0 and first[topology.SENTENCES_FROM_MEMORY_HEADER] == 0
    # The second worker sent no sentence to its engine: every one came from the first one's work.
    assert second[topology.SENTENCES_HEADER] == second[topology.SENTENCES_FROM_MEMORY_HEADER] == sentences
    assert second["body"]["body_text"] == first["body"]["body_text"]
    assert second["body"]["headline"] == first["body"]["headline"]
