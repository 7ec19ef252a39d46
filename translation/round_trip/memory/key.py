"""The key of a memorised sentence: everything that decides its translation, hashed.

A key is the SHA-256 of the conditions (the model with its revision, backend, compute type, beams, decoding
limits, the versions of what shaped the text: glossary, policy, babelwire's translation code and data), the
target language and the exact text sent to the model, placeholders and all. Any difference is another key, so
an output made under other conditions is never handed back: a changed condition simply misses.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, replace

from babelwire.translation.engines.base import ModelInfo
from babelwire.translation.models.registry import language_key

# Bumped when the way keys or values are written changes: old entries then miss, and age out.
KEY_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class Conditions:
    """What decides a model's output besides the model itself and the text sent to it.

    Arguments:
        backend: how the model runs ("transformers", "ctranslate2", "pseudo").
        compute: device and weight precision as configured ("cpu/int8", "cuda/auto").
        beams: beam size.
        decoding: the decode limits, spelled out ("budget 2.0x+10").
        data: (component, version) pairs of what shaped the text sent: the glossary, the protection policy,
            the translation package's code and data (its word lists, renderings, declension tables). A component
            adds its own with `with_data`.
    """

    backend: str
    compute: str
    beams: int
    decoding: str
    data: tuple[tuple[str, str], ...] = ()

    def with_data(self, component: str, version: str) -> "Conditions":
        """These conditions, with `component`'s data at `version` (replacing an earlier version of it)."""
        return replace(self, data=tuple(sorted({**dict(self.data), component: version}.items())))

    def fingerprint(self, model: ModelInfo, target: str) -> str:
        """The digest of everything but the sentence, for the model serving `target`."""
        spelled = json.dumps({"schema": KEY_SCHEMA, "target": language_key(target), "model": asdict(model),
                              **asdict(self)}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(spelled.encode("utf-8")).hexdigest()


def sentence_key(fingerprint: str, sentence: str, layer: str) -> str:
    """The key of `sentence` in the memory's `layer` (memory.ENGINE_LAYER, sentences.SENTENCE_LAYER) under the
    conditions of `fingerprint`."""
    return hashlib.sha256(f"{layer}\x00{fingerprint}\x00{sentence}".encode("utf-8")).hexdigest()
