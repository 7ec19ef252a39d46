"""End to end with tiny Marian checkpoints: `submit` the seed article, a `worker` process translates it,
`watch` receives the uk and de copies with every quote and name of the seed intact. On both brokers."""

import json
import re

import pytest
from cli_helpers import run_babelwire
from queue_fixtures import broker_url, embedded_url, rabbitmq_url, rabbitmq_vhosts  # noqa: F401
from worker_processes import SEED_ARTICLE, clean_env, cli_worker, log_text

pytestmark = pytest.mark.slow

# The people and organisations a desk would check first; every one must come back verbatim.
SEED_PEOPLE_IN_UKRAINIAN = ("Володимир", "Зеленськ", "Стів", "Віткофф", "Джаред", "Кушнер", "Оксан", "Стефаниш",
                            "Рустем", "Умєров", "Андрі", "Гнатов")
SEED_NAMES = (
    "Volodymyr Zelenskyy", "Donald Trump", "Steve Witkoff", "Jared Kushner", "Vladimir Putin",
    "Oksana Stefanyshyna", "Rustem Umerov", "Andriy Hnatov", "Axios", "UWB",
)


def seed_quotes(text):
    return re.findall(r'"[^"\n]+"', text)


def test_seed_article_comes_back_in_uk_and_de_with_quotes_and_names_intact(broker_url, tiny_models, tmp_path):
    source = SEED_ARTICLE.read_text(encoding="utf-8")
    assert len(seed_quotes(source)) >= 2
    env = clean_env(BABELWIRE_MODELS=f"uk={tiny_models['uk']},de={tiny_models['de']}", BABELWIRE_BEAMS="1",
                    BABELWIRE_STATE_DIR=str(tmp_path))
    with cli_worker(broker_url, "uk,de", env, tmp_path / "worker.log"):
        submitted = run_babelwire("submit", str(SEED_ARTICLE), "--to", "uk,de", "--broker", broker_url)
        assert submitted.returncode == 0, submitted.stderr.decode()
        watched = run_babelwire("watch", "--languages", "uk,de", "--count", "2", "--timeout", "240", "--headers",
                                "--broker", broker_url, timeout=300)
        log = log_text(tmp_path / "worker.log")
    assert watched.returncode == 0, watched.stderr.decode() + log

    lines = [json.loads(line) for line in watched.stdout.decode().splitlines()]
    copies = {line["copy"]["language"]: line["copy"] for line in lines}
    headers = {line["copy"]["language"]: line["headers"] for line in lines}
    assert sorted(copies) == ["de", "uk"]
    for language, copy in copies.items():
        body = copy["body_text"]
        assert body != source, f"{language}: not translated"
        # A Ukrainian copy writes people in Cyrillic (declined); organisations and the German copy keep names as
        # they stand.
        names = SEED_NAMES if language == "de" else ("Axios", "UWB", *SEED_PEOPLE_IN_UKRAINIAN)
        missing = [text for text in (*seed_quotes(source), *names) if text not in body]
        assert missing == [], f"{language}: lost {missing}"
        if language == "uk":
            assert not [name for name in SEED_NAMES if name not in ("Axios", "UWB") and name in body]
            rendered = json.loads(headers[language]["babelwire-rendered-names"])
            assert {r["name"] for r in rendered} >= {"Steve Witkoff", "Rustem Umerov"}
        assert headers[language]["babelwire-model-id"] == str(tiny_models[language])
        assert json.loads(headers[language]["babelwire-protected-spans"])["quote"] >= len(seed_quotes(source))
        assert body.count("\n\n") == source.count("\n\n"), f"{language}: paragraphs changed"
