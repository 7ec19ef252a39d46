"""The interface every translation engine implements."""

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What produced a translation: recorded in every localised copy's provenance."""

    engine: str  # "marian", "pseudo", "ctranslate2"
    model_id: str  # hub id or local path
    revision: str  # the digest of the model's files (babelwire.translation.models.loading.checkpoint_digest), or the engine's version


class Engine(ABC):
    """Translates batches of single sentences from English into one target language.

    Engines see sentences only (already segmented and masked); they never see documents.
    """

    @abstractmethod
    def translate(self, sentences: list[str], target: str) -> list[str]:
        """Translate `sentences` into `target`, one output per input, same order.

        An empty batch returns an empty list without loading anything.

        Raises:
            UnsupportedLanguageError: no model for `target`.
            ModelNotFoundError: the model for `target` cannot be found.
            ModelLoadError: the model exists but failed to load.
        """

    @abstractmethod
    def model_info(self, target: str) -> ModelInfo:
        """Which model serves `target` (may load it)."""

    @abstractmethod
    def max_input_tokens(self, target: str) -> int:
        """The longest input, in model tokens, that the model translates without truncation."""

    @abstractmethod
    def count_tokens(self, sentence: str, target: str) -> int:
        """How many model tokens `sentence` takes, including the end-of-sentence token."""

    def carries(self, text: str, target: str) -> bool:
        """Does the model's vocabulary spell `text` exactly, with no unknown pieces? Placeholder forms are
        chosen with this. Engines that cannot tell say yes."""
        return True

    def load(self, target: str) -> ModelInfo:
        """Load the model for `target` now rather than on the first sentence; say which model it is.

        Engines load lazily; a worker calls this at start so that a missing model fails before any job
        is taken and readiness means "models loaded". Raises as `translate` would.
        """
        self.max_input_tokens(target)  # every engine needs its model (or tokenizer) loaded to answer this
        return self.model_info(target)
