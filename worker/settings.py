"""One frozen settings object, read from `BABELWIRE_*` environment variables once, at the edge (the CLI).

Nothing below the CLI reads `os.environ`: factories receive a `Settings`.
"""

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from babelwire.translation.protection.policy import parse_names_choice
from babelwire.translation.models.registry import language_key
from babelwire.worker.engines import BACKENDS, ENGINES


def default_state_dir() -> Path:
    return Path.home() / ".local" / "state" / "babelwire"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BABELWIRE_", frozen=True, extra="ignore")

    # Broker. "embedded" means the SQLite broker file under state_dir (no server to install).
    broker_url: str = "embedded"
    state_dir: Path = Field(default_factory=default_state_dir)
    languages: Annotated[tuple[str, ...], NoDecode] = ("uk",)
    # Jobs waiting together (same language) are translated in shared engine batches, up to batch_jobs at a
    # time; prefetch is twice that, so the next batch gathers while one is translated.
    prefetch: int = Field(default=8, ge=1, le=1000)
    batch_jobs: int = Field(default=4, ge=1, le=1000)
    max_attempts: int = Field(default=5, ge=1)
    retry_base_delay_s: float = Field(default=2.0, gt=0)
    heartbeat_s: int = Field(default=30, ge=0)
    # RabbitMQ queue type of every queue babelwire declares: quorum queues are replicated over a cluster.
    # Every process of one deployment must use the same (a queue's type cannot change in place).
    queue_type: Literal["classic", "quorum"] = "classic"
    # On SIGTERM / SIGINT the job in hand may finish within this many seconds, else it goes back to its
    # queue; at most 25, so a worker always exits within the 30 s a supervisor usually grants.
    stop_timeout_s: float = Field(default=25.0, gt=0, le=25)

    # Translation.
    # The choices are the names of worker/engines.py's registry.
    engine: Literal[tuple(ENGINES)] = "marian"
    # How Marian models run: "auto" picks the fastest this machine supports (CTranslate2 when installed).
    backend: Literal[tuple(BACKENDS)] = "auto"
    models: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)  # "uk=PATH_OR_ID,de=..."
    glossary: Path | None = None
    # What comes back verbatim: "desk" keeps quotes, people and proper-noun organisations and translates
    # places, demonyms and institutions described in common words; "strict" keeps every name.
    policy: Literal["desk", "strict"] = "desk"
    # People in a target written in another script (Ukrainian): "render" writes them in that script, declined;
    # "keep" keeps them verbatim; per language "uk=render,ru=keep". Latin-script targets always keep them.
    names: str = "render"
    # Kept names are shown to the model as words first (verified verbatim, masked otherwise: better grammar around
    # them) while the second passes for sentences whose names it changed stay within this share of the sentences
    # translated; 0 turns it off (README "Masking and recovery").
    names_as_words_budget: float = Field(default=0.10, ge=0.0, le=1.0)
    beams: int = Field(default=4, ge=1, le=16)
    # Tokens decoding at once: longest source x sentences x beams per batch, on both backends (translation/engines/
    # batching.py), shared out between CTranslate2's translators (two batches of 1024 at once by default). With a
    # uk-size model and beam 4 (CTranslate2, one translator), peak RSS measured about 370 MB at 2048, 430-460 MB at
    # 3072 and 490 MB at 4096, with throughput within this machine's noise (benchmarks/throughput.py); two
    # translators of 2048 each peaked at 470 MB, of 1024 each at 333 MB: 2048 in all keeps a worker under 400 MB.
    max_batch_tokens: int = Field(default=2048, ge=64)
    # Weights at run time. auto: CTranslate2 int8 on CPU, float16 on CUDA; transformers fp32. none: fp32 on
    # both (CTranslate2 float32 gives the same greedy outputs as transformers). int8: CTranslate2 int8,
    # transformers with torch's dynamic int8 quantisation (CPU only).
    quantization: Literal["auto", "none", "int8"] = "auto"
    device: Literal["auto", "cpu", "cuda"] = "auto"
    # CTranslate2: batches decoded at once (translators, weights shared) and intra-op threads per translator;
    # 0 chooses from the core count (two translators of one thread on two cores). transformers: threads is torch's
    # intra-op thread count, 0 one per core.
    translators: int = Field(default=0, ge=0)
    threads: int = Field(default=0, ge=0)
    # Models kept in memory. 1 keeps a uk + de worker under 400 MB; a language switch then reloads its converted
    # CTranslate2 model (about 0.2 s for an OPUS-MT size model), once per batch of that language's jobs.
    model_cache_size: int = Field(default=1, ge=1)

    # Translation memory (README "Translation memory"): model outputs kept by the exact text sent and all that
    # decides them, so a story's next version costs only what changed. "embedded": a SQLite file in state_dir
    # (`babelwire run` uses the state directory's even though its broker is temporary); "redis://host:6379/0"
    # for a fleet; "off".
    memory_url: str = "embedded"
    memory_ttl_s: float = Field(default=30 * 24 * 3600.0, gt=0)  # an entry lives this long after it is written
    # Embedded memory only (Redis: the server's maxmemory): past this many entries the least recently used go.
    # An entry takes about 0.5 kB with its index, so the default keeps the file near 250 MB at most.
    memory_max_entries: int = Field(default=500_000, ge=1)

    # Operations.
    log_format: Literal["text", "json"] = "text"
    log_level: str = "INFO"
    http_port: int = Field(default=0, ge=0, le=65535)  # 0: no health/metrics server

    @field_validator("languages", mode="before")
    @classmethod
    def _split_languages(cls, value):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        languages = tuple(dict.fromkeys(part.lower() for part in value if part))
        if not languages:
            raise ValueError("no language given: name at least one, e.g. uk or uk,de")
        from babelwire.queues.topology import LANGUAGE_PATTERN  # a language is a routing key; imported late: kombu

        bad = [language for language in languages if not LANGUAGE_PATTERN.match(language)]
        if bad:
            raise ValueError(f"{bad[0]!r} is not a language code; separate languages with commas, e.g. uk,de")
        return languages

    @field_validator("names")
    @classmethod
    def _check_names(cls, value: str) -> str:
        parse_names_choice(value)  # ValueError: the message names the accepted forms
        return value.strip()

    @field_validator("models", mode="before")
    @classmethod
    def _split_models(cls, value):
        if isinstance(value, str):
            return parse_model_overrides(value.split(","))
        return value

    @field_validator("memory_url")
    @classmethod
    def _check_memory_url(cls, value: str) -> str:
        value = value.strip()
        if value in ("embedded", "off") or value.startswith(MEMORY_URL_SCHEMES):
            return value
        raise ValueError(f"{value!r} is not a memory URL: use embedded, off, redis://host:6379/0 "
                         "or embedded:///path/memory.sqlite3")

    @property
    def resolved_memory_url(self) -> str | None:
        """Where the translation memory lives; None when it is off. "embedded" is a file in `state_dir`."""
        if self.memory_url == "off":
            return None
        if self.memory_url == "embedded":
            return f"embedded://{self.state_dir / 'memory.sqlite3'}"
        return self.memory_url

    @property
    def resolved_broker_url(self) -> str:
        """The URL to connect to; for RabbitMQ with `queue_type` quorum, it carries `queue_type=quorum`
        (the embedded broker is one file: nothing to replicate, its queues have no type)."""
        if self.broker_url == "embedded":
            return f"embedded://{self.state_dir / 'broker.sqlite3'}"
        if self.queue_type == "quorum" and not self.broker_url.startswith("embedded://"):
            separator = "&" if "?" in self.broker_url else "?"
            return f"{self.broker_url}{separator}queue_type=quorum"
        return self.broker_url


MEMORY_URL_SCHEMES = ("embedded://", "redis://", "rediss://", "unix://")


def parse_model_overrides(pairs) -> dict[str, str]:
    """["uk=PATH_OR_ID", "de=..."] -> {"uk": "PATH_OR_ID", ...}; raises ValueError on a malformed pair."""
    overrides = {}
    for pair in pairs:
        pair = pair.strip()
        if not pair:
            continue
        language, sep, model = pair.partition("=")
        if not sep or not language.strip() or not model.strip():
            raise ValueError(f"model override {pair!r} is not LANG=MODEL_ID_OR_PATH")
        overrides[language_key(language)] = model.strip()
    return overrides
