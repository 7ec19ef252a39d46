"""Issue 14 item 12: quorum queues on RabbitMQ (`BABELWIRE_QUEUE_TYPE=quorum`, or `?queue_type=quorum`).

The delivery contract itself runs on quorum queues in tests/test_queues_contract.py (same tests as on
classic queues and on the embedded broker); these tests check what only quorum queues have.
"""

import json
import subprocess

import pytest
from cli_helpers import run_babelwire
from queue_fixtures import quorum, rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from worker_processes import clean_env, cli_worker, log_text

from babelwire.queues import topology
from babelwire.queues.connection import connect
from babelwire.queues.publisher import Publisher
from babelwire.worker.settings import Settings

pytestmark = [pytest.mark.rabbitmq, pytest.mark.slow]


def queue_types(url):
    """{queue name: (type, arguments text)} as RabbitMQ lists them for the vhost of `url`."""
    vhost = url.split("?")[0].rsplit("/", 1)[1]
    listing = subprocess.run(["rabbitmqctl", "list_queues", "-q", "--no-table-headers", "-p", vhost,
                              "name", "type", "arguments"], capture_output=True, text=True, timeout=60, check=True)
    rows = [line.split("\t") for line in listing.stdout.splitlines() if line.strip()]
    return {row[0]: (row[1], row[2]) for row in rows}


def test_every_babelwire_queue_is_a_quorum_queue_with_at_least_once_dead_lettering(rabbitmq_url):
    url = quorum(rabbitmq_url)
    with connect(url) as connection:
        topology.declare_topology(connection, ["uk"])
        publisher = Publisher(connection)
        publisher.publish_retry(b"{}", "uk", attempt=1, delay_s=60, reason="test")
        publisher.close()
    queues = queue_types(url)
    retry = topology.retry_queue_name("uk", topology.retry_delay_ms(60))
    names = ["babelwire.dead", "babelwire.jobs.uk", "babelwire.localized.uk", retry]
    assert {name: queues[name][0] for name in names} == dict.fromkeys(names, "quorum")
    for name in ("babelwire.jobs.uk", retry):
        assert "at-least-once" in queues[name][1] and "reject-publish" in queues[name][1]
    assert f"{topology.QUORUM_DELIVERY_LIMIT}" in queues["babelwire.jobs.uk"][1]


def test_a_job_delivered_past_the_delivery_limit_is_dead_lettered(rabbitmq_url):
    url = quorum(rabbitmq_url)
    with connect(url) as connection:
        topology.declare_topology(connection, ["uk"])
        Publisher(connection).submit(b'{"uri": "urn:crashes-its-worker"}', ["uk"], message_id="poison")
        with connection.channel() as channel:
            jobs = topology.job_queue("uk", topology.QUORUM).bind(channel)
            for _ in range(topology.QUORUM_DELIVERY_LIMIT + 1):  # a worker killed with the job in hand
                message = jobs.get(no_ack=False)
                assert message is not None
                message.requeue()
            assert jobs.get(no_ack=False) is None
    watched = run_babelwire("watch", "--dead", "--count", "1", "--timeout", "10", "--broker", url, timeout=60)
    assert watched.returncode == 0, watched.stderr.decode()
    dead = json.loads(watched.stdout)
    assert dead["body"] == '{"uri": "urn:crashes-its-worker"}' and dead["language"] == "uk"
    assert "delivery limit" in dead["reason"]


def test_worker_submit_and_watch_work_on_quorum_queues(rabbitmq_url, tmp_path):
    item = tmp_path / "item.json"
    item.write_text(json.dumps({"uri": "urn:test:quorum", "headline": "Talks", "body_text": "Talks go on."}))
    env = {"BABELWIRE_QUEUE_TYPE": "quorum"}
    with cli_worker(rabbitmq_url, "uk", clean_env(BABELWIRE_ENGINE="pseudo", **env), tmp_path / "worker.log"):
        submitted = run_babelwire("submit", str(item), "--to", "uk", "--broker", rabbitmq_url, env=env)
        assert submitted.returncode == 0, submitted.stderr.decode()
        watched = run_babelwire("watch", "--languages", "uk", "--count", "1", "--timeout", "60",
                                "--broker", rabbitmq_url, env=env, timeout=90)
        log = log_text(tmp_path / "worker.log")
    assert watched.returncode == 0, watched.stderr.decode() + log
    assert json.loads(watched.stdout)["uri"] == "urn:test:quorum#uk"
    assert queue_types(rabbitmq_url)["babelwire.jobs.uk"][0] == "quorum"


def test_a_process_with_the_other_queue_type_is_told_how_to_match(rabbitmq_url, tmp_path):
    item = tmp_path / "item.json"
    item.write_text(json.dumps({"uri": "urn:test:mixed", "headline": "Talks", "body_text": "Talks go on."}))
    classic = run_babelwire("submit", str(item), "--to", "uk", "--broker", rabbitmq_url)
    assert classic.returncode == 0, classic.stderr.decode()
    mixed = run_babelwire("submit", str(item), "--to", "uk", "--broker", rabbitmq_url,
                          env={"BABELWIRE_QUEUE_TYPE": "quorum"})
    stderr = mixed.stderr.decode()
    assert mixed.returncode == 2 and len(stderr.strip().splitlines()) == 1, stderr
    assert "BABELWIRE_QUEUE_TYPE" in stderr and "Traceback" not in stderr


def test_the_queue_type_setting_reaches_rabbitmq_urls_only(tmp_path):
    amqp = Settings(broker_url="amqp://guest:guest@127.0.0.1:5672//", queue_type="quorum")
    assert amqp.resolved_broker_url == "amqp://guest:guest@127.0.0.1:5672//?queue_type=quorum"
    embedded = Settings(broker_url="embedded", state_dir=tmp_path, queue_type="quorum")
    assert embedded.resolved_broker_url == f"embedded://{tmp_path / 'broker.sqlite3'}"
