"""Chaos scenarios 1, 2 (and 10 for both): 1,000 items x 2 languages through 2 worker processes, then the
same with kill -9 of a worker at random moments. Criterion: exactly 2,000 distinct copy ids, one per
(item, language), none missing, every duplicate byte-identical to its twin. On RabbitMQ and embedded."""

import random
import time

import pytest
from chaos_helpers import Tally, WorkerPool, collect, publish_items, wait_until
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401

pytestmark = pytest.mark.slow

ITEMS = 1000


def test_load_1000_items_x_2_languages_through_2_workers(broker_url, tmp_path):
    tally = Tally(expected=publish_items(broker_url, ITEMS))
    assert len(tally.expected) == 2 * ITEMS
    with WorkerPool(broker_url, tmp_path / "logs", 2) as pool:
        collect(broker_url, tally, quiet_s=60)
        assert pool.alive(), pool.logs()
    assert tally.problems() == [], pool.logs()
    assert len(tally.bodies_by_id) == 2000


def test_kill_9_of_workers_at_random_moments_loses_nothing(broker_url, tmp_path):
    chance = random.Random()
    seed = chance.randrange(1_000_000)
    chance.seed(seed)  # printed on failure: the same kill pattern can be replayed
    tally = Tally(expected=publish_items(broker_url, ITEMS))
    kills = 4
    with WorkerPool(broker_url, tmp_path / "logs", 2) as pool:
        wait_until(lambda: pool_has_started(tmp_path), 60, "a worker to take jobs")
        for _ in range(kills):
            time.sleep(chance.uniform(0.5, 3.0))
            pool.kill9(chance.randrange(2))
        collect(broker_url, tally, quiet_s=60)
        logs = pool.logs()
    assert pool.kills == kills
    assert tally.problems() == [], f"seed {seed}\n{logs}"
    assert len(tally.bodies_by_id) == 2000


def pool_has_started(tmp_path):
    return any("job published" in path.read_text(errors="replace") for path in (tmp_path / "logs").glob("*.log"))
