"""The translation memory: model outputs kept by the exact text sent to the model and all that decides them.

    memory = SentenceMemory(EmbeddedStore(path, max_entries=..., ttl_s=...), Conditions(...))
    translator = Translator(engine, memory=memory)

A sentence found there is not sent to the engine (translation/pipeline.py asks before each engine call).
"""

from translation.memory.key import Conditions
from translation.memory.memory import SentenceMemory
from translation.memory.store import MemoryStore

__all__ = ["Conditions", "MemoryStore", "SentenceMemory"]
