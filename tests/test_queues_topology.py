"""Names, arguments and connection errors: no broker needed except where marked."""

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from queue_fixtures import rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from babelwire.queues import topology
from babelwire.queues.connection import connect, is_embedded
from babelwire.queues.errors import BrokerConfigurationError, BrokerUnavailableError
from babelwire.queues.publisher import bounded
from babelwire.translation.models.registry import is_language_code


def test_names_follow_the_documented_scheme():
    assert topology.job_queue_name("uk") == "babelwire.jobs.uk"
    assert topology.outbox_queue_name("pt-BR") == "babelwire.localized.pt-BR"
    assert topology.DEAD_QUEUE == topology.DEAD_EXCHANGE == "babelwire.dead"


@pytest.mark.parametrize("bad", ["", "u", "uk.x", "uk#", "#", "en us", "uk\n", "zh_Hant", None])
def test_language_tags_that_would_break_routing_are_refused(bad):
    with pytest.raises(topology.TopologyError):
        topology.job_queue_name(bad)


@given(st.from_regex(topology.LANGUAGE_PATTERN))
def test_every_routable_language_is_a_language_the_translator_takes(tag):
    assert topology.check_language(tag) == tag
    assert is_language_code(tag.lower())


@pytest.mark.parametrize("delay_s, ms", [(0.0001, 1), (0.3, 300), (2, 2000), (2.345, 2400), (61.2, 62000)])
def test_retry_delays_round_up_to_few_queues(delay_s, ms):
    assert topology.retry_delay_ms(delay_s) == ms


def test_retry_queue_dead_letters_to_the_job_queue_after_its_ttl():
    arguments = topology.retry_queue("uk", 4).queue_arguments
    assert arguments["x-message-ttl"] == 4000
    assert arguments["x-dead-letter-exchange"] == ""
    assert arguments["x-dead-letter-routing-key"] == "babelwire.jobs.uk"
    assert arguments["x-expires"] > arguments["x-message-ttl"]


def test_long_reasons_are_cut_visibly():
    assert bounded("x" * 10) == "x" * 10
    assert bounded("x" * 2500).endswith("... [500 more characters cut]")


def test_is_embedded():
    assert is_embedded("embedded:///tmp/b.sqlite3")
    assert not is_embedded("amqp://guest:guest@127.0.0.1:5672//")


def test_unreachable_rabbitmq_is_a_quick_one_line_error():
    started = time.monotonic()
    with pytest.raises(BrokerUnavailableError) as raised:
        connect("amqp://guest:secret@127.0.0.1:1//")
    assert time.monotonic() - started < 6
    message = str(raised.value)
    assert "127.0.0.1:1" in message and "secret" not in message and "\n" not in message
    assert raised.value.fields["url"].startswith("amqp://guest:") and "127.0.0.1:1" in raised.value.fields["url"]
    assert "secret" not in raised.value.fields["url"]


@pytest.mark.rabbitmq
def test_wrong_credentials_are_a_configuration_error_not_an_outage(rabbitmq_url):
    with pytest.raises(BrokerConfigurationError, match="wrong user name or password"):
        connect(rabbitmq_url.replace("guest:guest", "guest:wrong"), max_retries=0)


@pytest.mark.rabbitmq
def test_conflicting_declaration_is_a_topology_error(rabbitmq_url):
    with connect(rabbitmq_url) as connection:
        with connection.channel() as channel:
            channel.queue_declare(queue=topology.job_queue_name("uk"), durable=False)
        with pytest.raises(topology.TopologyError, match="PRECONDITION_FAILED"):
            topology.declare_topology(connection, ["uk"])
