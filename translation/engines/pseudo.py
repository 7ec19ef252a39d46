"""Pseudo-localisation: a dry-run engine that needs no weights.

"The house" becomes "[Ŧĥé ĥöûšé~~~]": accented letters show which text went through translation, the
~30% padding shows where a longer language would overflow a layout, and the brackets show where a
sentence was cut. Deterministic, so its output can be asserted. Never the default engine.

Tokens that carry a digit (the masker's placeholders such as `[1]` or `(23)`, numbers) pass through untouched:
the engine must not damage what the masker hid from it.
"""

import math
import re

from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.engines.core import Progress
from babelwire.translation.models.registry import ModelRegistry

# Each letter with a mark that Unicode decomposition takes off again ("q" has no such form): a pseudo-localised
# "Ûñîţéď Šţàţéš" is still recognisably "United States" to the pipeline's check that a translated place came back.
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àḃçďéḟĝĥîĵķĺṁñöṗqŕšţûṽŵẋýžÀḂÇĎÉḞĜĤÎĴĶĹṀÑÖṖQŔŠŢÛṼŴẊÝŽ",
)
_PROTECTED_TOKEN = re.compile(r"(?<!\S)\S*\d\S*")  # tried at word starts only: linear time
_WORD = re.compile(r"\w+")
_EXPANSION = 0.3
_MAX_INPUT_TOKENS = 256  # like Marian's, so dry runs exercise the pipeline's long-sentence splitting


class PseudoEngine(Engine):
    """Deterministic pseudo-translation into any target language.

    `progress` is called with the number of sentences of each call, as the Marian engines call it per batch.
    """

    def __init__(self, progress: Progress | None = None):
        self._progress = progress

    def translate(self, sentences: list[str], target: str) -> list[str]:
        translated = [pseudo_localise(sentence) for sentence in sentences]
        if self._progress and translated:
            self._progress(len(translated))
        return translated

    def model_info(self, target: str) -> ModelInfo:
        return ModelInfo("pseudo", "pseudo", "1")

    def max_input_tokens(self, target: str) -> int:
        return _MAX_INPUT_TOKENS

    def count_tokens(self, sentence: str, target: str) -> int:
        # Roughly a subword tokenizer: one per word, one per punctuation mark, plus end of sentence.
        return len(_WORD.findall(sentence)) + sum(1 for char in sentence if not char.isalnum() and not char.isspace()) + 1


class DryRunEngine(PseudoEngine):
    """The pseudo engine for the languages a real run could serve: a dry run that accepted `--to xx` or
    `--to en` would promise what the real engine then refuses."""

    def __init__(self, registry: ModelRegistry, progress: Progress | None = None):
        super().__init__(progress)
        self._registry = registry

    def model_info(self, target: str) -> ModelInfo:
        self._registry.check_target(target)
        return super().model_info(target)


def pseudo_localise(sentence: str) -> str:
    """Accent letters outside protected tokens, pad by ~30% of the letters, bracket the sentence."""
    if not sentence.strip():
        return sentence
    pieces, position, letters = [], 0, 0
    for match in _PROTECTED_TOKEN.finditer(sentence):
        plain = sentence[position:match.start()]
        pieces += [plain.translate(_ACCENTED), match.group()]
        letters += sum(char.isalpha() for char in plain)
        position = match.end()
    tail = sentence[position:]
    pieces.append(tail.translate(_ACCENTED))
    letters += sum(char.isalpha() for char in tail)
    return "[" + "".join(pieces) + "~" * math.ceil(letters * _EXPANSION) + "]"
