"""End to end with HTML: IPTC's ninjs example item and a real story as body_html go through `submit`, a
`worker` with a tiny Marian checkpoint (gibberish output: an adversary for the inline tags) and `watch`.
Every copy keeps its markup intact, its quotes and names verbatim. On both brokers."""

import html
import json
import re
from pathlib import Path

import pytest
from cli_helpers import run_babelwire
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from worker_processes import SEED_ARTICLE, clean_env, cli_worker, log_text

from babelwire.translation.round_trip.html import markup_intact

pytestmark = pytest.mark.slow

IPTC_ITEM = Path(__file__).parent / "data" / "iptc-ninjs-1.6-complex1.json"
NAMES = ("Volodymyr Zelenskyy", "Steve Witkoff", "Rustem Umerov")
NAMES_IN_UKRAINIAN = ("Володимир", "Зеленськ", "Стів", "Віткофф", "Рустем", "Умєров")  # stems, in any case


def story_html(text: str) -> str:
    """The seed article as a newsroom CMS would send it: paragraphs, linked names, a bold dateline."""
    paragraphs = [html.escape(p.strip(), quote=False) for p in text.split("\n\n") if p.strip()]
    body = []
    for number, paragraph in enumerate(paragraphs):
        for name in NAMES:
            slug = name.lower().replace(" ", "-")
            paragraph = paragraph.replace(name, f'<a href="https://example.org/people/{slug}?ref=wire&amp;n=1" '
                                                f'title="About {name}">{name}</a>', 1)
        if number == 0:
            paragraph = re.sub(r"^(\S+ \S+)", r"<strong>\1</strong>", paragraph)
        body.append(f"<p>{paragraph}</p>")
    return "\n".join(body) + '\n<figure><img src="talks.jpg" alt="Delegations at the talks"></figure>\n'


def quotes(text):
    return re.findall(r'"[^"\n<>]+"', text)


def test_html_items_come_back_with_markup_quotes_and_names_intact(broker_url, tiny_models, tmp_path):
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    story = {"uri": "urn:test:html-story", "language": "en", "headline": seed.splitlines()[0],
             "body_html": story_html(seed), "person": [{"name": name} for name in NAMES]}
    (tmp_path / "story.json").write_text(json.dumps(story), encoding="utf-8")
    iptc = json.loads(IPTC_ITEM.read_text())
    env = clean_env(BABELWIRE_MODELS=f"uk={tiny_models['uk']}", BABELWIRE_BEAMS="1", BABELWIRE_STATE_DIR=str(tmp_path))
    with cli_worker(broker_url, "uk", env, tmp_path / "worker.log"):
        submitted = run_babelwire("submit", str(tmp_path / "story.json"), str(IPTC_ITEM), "--to", "uk",
                                  "--broker", broker_url)
        assert submitted.returncode == 0, submitted.stderr.decode()
        watched = run_babelwire("watch", "--languages", "uk", "--count", "2", "--timeout", "240", "--headers",
                                "--broker", broker_url, timeout=300)
        log = log_text(tmp_path / "worker.log")
    assert watched.returncode == 0, watched.stderr.decode() + log
    lines = [json.loads(line) for line in watched.stdout.decode().splitlines()]
    copies = {line["headers"]["babelwire-source-uri"]: line["copy"] for line in lines}
    headers = {line["headers"]["babelwire-source-uri"]: line["headers"] for line in lines}

    body = copies[story["uri"]]["body_html"]
    assert body != story["body_html"] and markup_intact(story["body_html"], body)
    # The Ukrainian copy writes the people in Cyrillic, declined, inside their links.
    missing = [text for text in (*quotes(seed), *NAMES_IN_UKRAINIAN) if text not in body]
    assert len(quotes(seed)) >= 2
    assert missing == []
    for markup in ('<a href="https://example.org/people/', "<p>", "<strong>"):
        assert body.count(markup) == story["body_html"].count(markup), markup
    assert isinstance(json.loads(headers[story["uri"]]["babelwire-markup-repairs"]), dict)

    copy = copies[iptc["uri"]]
    assert markup_intact(iptc["body_xhtml"], copy["body_xhtml"]) and copy["body_xhtml"] != iptc["body_xhtml"]
    caption = copy["associations"]["mainpic"]["description_xhtml"]
    assert markup_intact(iptc["associations"]["mainpic"]["description_xhtml"], caption)
    assert copy["associations"]["mainpic"]["headline"] != iptc["associations"]["mainpic"]["headline"]
