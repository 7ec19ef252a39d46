"""One engine per language until it cannot load that language's model, then another one for good.

Used for backend "auto": CTranslate2 first (faster), transformers for a model that fails to convert.
"""

import logging

from babelwire.translation.engines.base import Engine, ModelInfo
from babelwire.translation.errors import ModelLoadError

log = logging.getLogger(__name__)


class FallbackEngine(Engine):
    """Delegates to `primary`; a language whose model `primary` fails to load moves to `fallback`."""

    def __init__(self, primary: Engine, fallback: Engine):
        self._primary = primary
        self._fallback = fallback
        self.fallen_back: dict[str, str] = {}  # language -> why the primary engine could not serve it

    def translate(self, sentences: list[str], target: str) -> list[str]:
        return self._call("translate", target, sentences)

    def model_info(self, target: str) -> ModelInfo:
        return self._call("model_info", target)

    def max_input_tokens(self, target: str) -> int:
        return self._call("max_input_tokens", target)

    def count_tokens(self, sentence: str, target: str) -> int:
        return self._call("count_tokens", target, sentence)

    def carries(self, text: str, target: str) -> bool:
        return self._call("carries", target, text)

    def _call(self, method: str, target: str, *args):
        if target not in self.fallen_back:
            try:
                return getattr(self._primary, method)(*args, target)
            except ModelLoadError as error:
                self.fallen_back[target] = str(error)
                # Slower, not broken: say so once, or an operator only sees throughput drop.
                log.warning("%s cannot serve %r (%s); using %s for it", type(self._primary).__name__, target,
                            error, type(self._fallback).__name__)
        return getattr(self._fallback, method)(*args, target)
