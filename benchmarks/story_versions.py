"""Story versions through the translation memory: five versions of each story against its final version alone.

Usage:
    .venv/bin/python benchmarks/story_versions.py [--stories 8] [--beams 4] [--redis URL] [--results DIR]

Stories: NTREX-128 news documents (read in place from ../shared/data/ntrex128-dev; CC BY-SA 4.0, development
half), the first `--stories` documents of at least 16 sentences, each cut to its first line (the headline) and up
to 20 sentences. Versions, as a wire sends them: version 1 is the first 60% of the sentences, each later version
adds an even share until version 5 holds them all; the first figure of version 1 is one higher in versions 1-2
and corrected from version 3 on; versions 2-5 carry the headline as "UPDATE n-<headline>". Paragraphs of two
sentences. Every version is the whole story under the same uri.

Model: the real OPUS-MT en-uk architecture with random weights (benchmarks/_models.py), on babelwire's default
backend (CTranslate2, int8) with each sentence's output length forced to 1.2 x its source tokens
(_models.ForcedLengthEngine), as benchmarks/throughput.py does.

Each item goes through the worker's JobHandler alone, in the order a desk receives them (every story's version 1,
then every story's version 2, ...). For each memory setting (off, embedded SQLite in a temporary directory, Redis
at --redis when it answers), each with a fresh memory: the time and the sentences sent to the engine for the 40
items, against the same for the 8 final versions alone (measured in the same run, same memory setting, fresh).

Writes results/story_versions.json; the last line printed is a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import _models  # noqa: E402
from babelwire.queues.consumer import Delivery  # noqa: E402
from babelwire.translation.engines.base import Engine  # noqa: E402
from babelwire.translation.round_trip.memory import SentenceMemory  # noqa: E402
from babelwire.translation.protection.policy import ProtectionPolicy  # noqa: E402
from babelwire.translation.models.registry import ModelRegistry  # noqa: E402
from babelwire.worker.build import build_memory, build_translator  # noqa: E402
from babelwire.worker.handler import JobHandler  # noqa: E402
from babelwire.worker.settings import Settings  # noqa: E402

NTREX = _models.SHARED / "data" / "ntrex128-dev"
MIN_SENTENCES, MAX_SENTENCES = 16, 20
VERSIONS = 5
OUTPUT_RATIO = 1.2
_FIRST_NUMBER = re.compile(r"\d+")
_CARRIED = re.compile(r"[\[({<]\d+[\])}>]|\b[A-Z][\w'.-]*")  # placeholders, capitalised words


# --- stories ---------------------------------------------------------------------------------------------


def documents() -> list[list[str]]:
    """NTREX's English documents, each as its lines (the first is the headline)."""
    lines = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    grouped: dict[str, list[str]] = {}
    for doc_id, line in zip(ids, lines, strict=True):
        grouped.setdefault(doc_id, []).append(line.strip())
    return list(grouped.values())


def story_versions(number: int, lines: list[str]) -> list[dict]:
    """The five versions of one document as ninjs items (see the module docstring)."""
    headline, sentences = lines[0], lines[1 : 1 + MAX_SENTENCES]
    first = math.ceil(0.6 * len(sentences))
    sizes = [round(first + (len(sentences) - first) * k / (VERSIONS - 1)) for k in range(VERSIONS)]
    figure = next((i for i, sentence in enumerate(sentences[:first]) if _FIRST_NUMBER.search(sentence)), None)
    items = []
    for version, size in enumerate(sizes, start=1):
        body = list(sentences[:size])
        if figure is not None and version < 3:  # the wrong figure, corrected in version 3
            body[figure] = _FIRST_NUMBER.sub(lambda m: str(int(m.group()) + 1), body[figure], count=1)
        paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
        items.append({"uri": f"urn:bench:story-{number}", "version": str(version), "language": "en", "type": "text",
                      "headline": headline if version == 1 else f"UPDATE {version - 1}-{headline}",
                      "body_text": "\n\n".join(paragraphs)})
    return items


def stories(count: int) -> list[list[dict]]:
    chosen = [lines for lines in documents() if len(lines) - 1 >= MIN_SENTENCES][:count]
    return [story_versions(number, lines) for number, lines in enumerate(chosen)]


# --- the engine and the worker's handler -----------------------------------------------------------------


class CountingEngine(Engine):
    """The engine under test, counting the sentences sent to it and the seconds it took.

    With `carry`, each output also carries its source's placeholders and capitalised words (names, places), as a
    trained model's output nearly always does and random weights' never does: without it every sentence would run
    the pipeline's whole recovery chain (tolerant, unmasked, alternate forms, piecewise) and every translated place
    would be judged lost and translated again, each a further engine call that a trained model rarely needs. The
    decoding itself is the real one either way.
    """

    def __init__(self, engine: Engine, carry: bool = True):
        self.engine = engine
        self.carry = carry
        self.sent = 0
        self.seconds = 0.0

    def translate(self, sentences, target):
        self.sent += len(sentences)
        started = time.perf_counter()
        outputs = self.engine.translate(sentences, target)
        self.seconds += time.perf_counter() - started
        if not self.carry:
            return outputs
        return [f"{output} {' '.join(_CARRIED.findall(source))}" for source, output in zip(sentences, outputs)]

    def model_info(self, target):
        return self.engine.model_info(target)

    def max_input_tokens(self, target):
        return self.engine.max_input_tokens(target)

    def count_tokens(self, sentence, target):
        return self.engine.count_tokens(sentence, target)

    def carries(self, text, target):
        return self.engine.carries(text, target)


def handler_for(settings: Settings, engine: CountingEngine, run_id: str) -> JobHandler:
    """The worker's handler over `engine` with the memory of `settings`, keyed fresh for this run (`run_id`)."""
    translator = build_translator(settings, engine=engine)
    memory = build_memory(settings, None, ProtectionPolicy.named(settings.policy))
    if memory is not None:  # fresh keys: a Redis that served an earlier run must not answer this one
        translator.memory = SentenceMemory(memory.store, memory.conditions.with_data("benchmark run", run_id))
    return JobHandler(translator)


def translate_items(handler: JobHandler, engine: CountingEngine, items: list[dict]) -> dict:
    engine.sent, engine.seconds = 0, 0.0
    started = time.perf_counter()
    for item in items:
        delivery = Delivery(body=json.dumps(item).encode(), headers={}, language="uk", attempt=1, redelivered=False)
        outcome = handler.handle(delivery)
        if not hasattr(outcome, "publications"):
            raise RuntimeError(f"{item['uri']} v{item['version']} was not translated: {outcome}")
    return {"seconds": round(time.perf_counter() - started, 2), "engine_seconds": round(engine.seconds, 2),
            "engine_sentences": engine.sent}


def measure(setting: str, memory_url: str, engine: CountingEngine, arrivals: list[dict], finals: list[dict],
            beams: int, state_dir: Path) -> dict:
    settings = Settings(memory_url=memory_url, state_dir=state_dir / setting, beams=beams, device="cpu")
    final = translate_items(handler_for(settings, engine, uuid.uuid4().hex), engine, finals)
    every = translate_items(handler_for(settings, engine, uuid.uuid4().hex), engine, arrivals)
    result = {"setting": setting, "final_versions": final, "five_versions": every,
              "time_ratio": round(every["seconds"] / final["seconds"], 3),
              "engine_sentence_ratio": round(every["engine_sentences"] / final["engine_sentences"], 3)}
    print(json.dumps(result), flush=True)
    return result


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=8)
    parser.add_argument("--beams", type=int, default=Settings.model_fields["beams"].default)
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--no-carry", action="store_true",
                        help="outputs as random weights make them: no placeholder or name comes back "
                             "(see CountingEngine)")
    args = parser.parse_args()

    versions = stories(args.stories)
    arrivals = [story[k] for k in range(VERSIONS) for story in versions]
    finals = [story[-1] for story in versions]
    from babelwire.translation.engines.budget import DecodeBudget

    engine = CountingEngine(_models.ForcedLengthEngine(
        ModelRegistry({"uk": str(_models.build())}), lambda tokens: max(1, round(OUTPUT_RATIO * tokens)),
        beams=args.beams, threads=0, max_batch_tokens=Settings.model_fields["max_batch_tokens"].default,
        budget=DecodeBudget()), carry=not args.no_carry)
    engine.engine.model_info("uk")  # load before timing
    settings = [("off", "off"), ("embedded", "embedded")]
    if redis_answers(args.redis):
        settings.append(("redis", args.redis))
    else:
        print(f"Redis does not answer at {args.redis}: measured without it", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="story-versions-") as state_dir:
        results = [measure(name, url, engine, arrivals, finals, args.beams, Path(state_dir)) for name, url in settings]
    report = {"stories": len(versions), "items": len(arrivals), "beams": args.beams, "carry": not args.no_carry,
              "results": results}
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "story_versions.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({r["setting"]: {"time_ratio": r["time_ratio"], "engine_sentence_ratio": r["engine_sentence_ratio"]}
                      for r in results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
