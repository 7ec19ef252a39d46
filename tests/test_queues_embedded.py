"""The embedded broker's own guarantees: rows, leases, routing (what RabbitMQ gives for free)."""

import sqlite3
import time

import pytest
from kombu import Queue

from queue_fixtures import embedded_url  # noqa: F401
from babelwire.queues import topology
from babelwire.queues.connection import connect
from babelwire.queues.embedded.routing import topic_matches
from babelwire.queues.embedded.transport import Unroutable
from babelwire.queues.errors import BrokerConfigurationError, BrokerUnavailableError
from babelwire.queues.publisher import Publisher


def db_path(url):
    return url[len("embedded://"):].partition("?")[0]


def rows(url, queue):
    with sqlite3.connect(db_path(url)) as db:
        return db.execute("SELECT COUNT(*) FROM messages WHERE queue = ?", (queue,)).fetchone()[0]


@pytest.fixture
def connection(embedded_url):
    with connect(embedded_url) as connection:
        topology.declare_topology(connection, ["uk"])
        yield connection


def get(channel, name):
    return Queue(name, no_declare=True).bind(channel).get(no_ack=False)


@pytest.mark.parametrize(
    "pattern, key, expected",
    [("uk", "uk", True), ("uk", "de", False), ("*", "uk", True), ("*", "uk.x", False), ("#", "", True),
     ("#", "a.b.c", True), ("uk.#", "uk", True), ("uk.#", "uk.a.b", True), ("*.b.#", "a.b", True),
     ("a.*.c", "a.b.c", True), ("a.*.c", "a.c", False), ("#.c", "a.b.c", True), ("#.c", "a.b", False)],
)
def test_topic_matching_follows_amqp(pattern, key, expected):
    assert topic_matches(pattern, key) is expected


def test_ack_deletes_the_row_and_reject_requeue_keeps_it(connection, embedded_url):
    publisher = Publisher(connection)
    publisher.submit(b"a", ["uk"], message_id="a")
    publisher.submit(b"b", ["uk"], message_id="b")
    job_queue = topology.job_queue_name("uk")
    with connection.channel() as channel:
        get(channel, job_queue).ack()
        assert rows(embedded_url, job_queue) == 1
        second = get(channel, job_queue)
        second.requeue()
        again = get(channel, job_queue)
        assert again.body == b"b" and again.delivery_info["redelivered"]
        again.ack()
    assert rows(embedded_url, job_queue) == 0


def test_a_lease_expires_when_its_holder_stops_renewing(tmp_path):
    url = f"embedded://{tmp_path / 'b.sqlite3'}?lease_s=0.5"
    with connect(url) as first, connect(url) as second:
        topology.declare_topology(first, ["uk"])
        Publisher(first).submit(b"job", ["uk"], message_id="j")
        holder, other = first.channel(), second.channel()
        assert get(holder, topology.job_queue_name("uk")).body == b"job"
        assert get(other, topology.job_queue_name("uk")) is None  # leased
        time.sleep(0.7)
        taken = get(other, topology.job_queue_name("uk"))
        assert taken.body == b"job" and taken.delivery_info["redelivered"]
        taken.ack()
        holder.basic_ack(1)  # a stale ack after losing the lease deletes nothing and raises nothing


def test_renewal_keeps_a_long_job_leased(tmp_path):
    url = f"embedded://{tmp_path / 'b.sqlite3'}?lease_s=0.6"
    with connect(url) as first, connect(url) as second:
        topology.declare_topology(first, ["uk"])
        Publisher(first).submit(b"job", ["uk"], message_id="j")
        holder, other = first.channel(), second.channel()
        get(holder, topology.job_queue_name("uk"))
        for _ in range(6):
            time.sleep(0.25)
            holder.renew_leases()
            assert get(other, topology.job_queue_name("uk")) is None


def test_clean_close_releases_leases_at_once(connection, embedded_url):
    Publisher(connection).submit(b"job", ["uk"], message_id="j")
    channel = connection.channel()
    assert get(channel, topology.job_queue_name("uk")) is not None
    channel.close()
    with connection.channel() as again:
        assert get(again, topology.job_queue_name("uk")).body == b"job"


def test_mandatory_publish_without_route_raises_when_nobody_listens_for_returns(connection):
    with connection.channel() as channel:
        message = channel.prepare_message(b"x", content_type="application/json")
        with pytest.raises(Unroutable, match="NO_ROUTE"):
            channel.basic_publish(message, topology.LOCALIZED_EXCHANGE, "zz", mandatory=True)
        channel.basic_publish(channel.prepare_message(b"y"), topology.LOCALIZED_EXCHANGE, "zz")  # dropped, as AMQP


def test_reject_without_requeue_dead_letters_through_the_queue_arguments(connection, embedded_url):
    Publisher(connection).submit(b"poison", ["uk"], message_id="p")
    with connection.channel() as channel:
        get(channel, topology.job_queue_name("uk")).reject()
        assert get(channel, topology.DEAD_QUEUE).body == b"poison"


def test_fanout_binding_made_by_another_connection_is_honoured(tmp_path):
    url = f"embedded://{tmp_path / 'b.sqlite3'}"
    with connect(url) as first, connect(url) as second:
        with first.channel() as channel:
            topology.declare(channel, [topology.dead_queue()])
        Publisher(second).publish(b"x", exchange=topology.DEAD_EXCHANGE, routing_key="any")
        with first.channel() as channel:
            assert get(channel, topology.DEAD_QUEUE).body == b"x"


def test_relative_and_absolute_paths_and_options(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with connect("embedded://rel/broker.sqlite3?lease_s=5&synchronous=NORMAL") as connection:
        topology.declare_topology(connection, ["uk"])
    assert (tmp_path / "rel" / "broker.sqlite3").exists()
    with pytest.raises(BrokerConfigurationError, match="unknown embedded broker option 'lease'"):
        connect("embedded://rel/broker.sqlite3?lease=5")


def test_unusable_file_is_a_one_line_broker_error(tmp_path):
    not_a_db = tmp_path / "junk.sqlite3"
    not_a_db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BrokerUnavailableError) as raised:
        connect(f"embedded://{not_a_db}")
    assert "\n" not in str(raised.value) and "junk.sqlite3" in str(raised.value)
