"""The translation memory: model outputs kept by the exact text sent to the model and all that decides them.

    memory = SentenceMemory(EmbeddedStore(path, max_entries=..., ttl_s=...), Conditions(...))
    translator = Translator(engine, memory=memory)

Two layers in one store: the engine layer keys the exact text sent to the model (its output before restoration is
the value), and the pipeline asks it before each engine call, so a text found there is not sent; the sentence
layer (sentences.py) keeps each sentence's final translation, so a sentence seen before comes back as it did.
"""

from babelwire.translation.round_trip.memory.key import Conditions
from babelwire.translation.round_trip.memory.memory import SentenceMemory
from babelwire.translation.round_trip.memory.store import MemoryStore

__all__ = ["Conditions", "MemoryStore", "SentenceMemory"]
