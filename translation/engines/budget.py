"""How long a translation may run: the decode-length guard both Marian backends share.

A model that falls into a loop never emits its end token and decodes until it hits the limit it was given.
With the model's position limit as that limit (512), one looping sentence costs hundreds of steps for its
whole batch. So each sentence gets a budget that follows its source length, and sentences whose budgets are
far apart are not batched together: a short sentence never runs to a long one's budget, and a long one is
never cut at a short one's.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from babelwire.translation.round_trip.repetition import RETRY_NO_REPEAT_NGRAM, looks_looping

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DecodeBudget:
    """Output tokens a sentence may take: `ratio` x its source tokens + `margin`, never above the model's limit.

    Twice the source plus ten is well above any real translation's length (a real Marian model's output runs
    at about 1.0-1.3 times its source in tokens), so the budget binds only on a runaway.
    """

    ratio: float = 2.0
    margin: int = 10

    def tokens(self, source_tokens: int, limit: int) -> int:
        return min(limit, int(self.ratio * source_tokens) + self.margin)

    def can_share(self, longest: int, shortest: int, limit: int) -> bool:
        """Whether sentences of `longest` and `shortest` source tokens may decode in one batch: the batch runs
        to the longest one's budget, at most twice what the shortest would have used alone."""
        return self.tokens(longest, limit) <= 2 * self.tokens(shortest, limit)



# decode(indexes of the sentences, most tokens, **decoder options) -> (text cut at the sentence's budget, tokens
# the sentence produced before the cut) for each of them.
Decode = Callable[..., list[tuple[str, int]]]


def decode_guarded(sources: list[str], budgets: list[int], decode: Decode) -> tuple[list[str], int]:
    """Decode every sentence within the largest of the budgets; decode again, with n-gram blocking, each one
    that looped or ran to its own budget. Returns the texts and how many sentences were decoded again."""
    first = decode(list(range(len(sources))), max(budgets))
    texts = [text for text, _ in first]
    looping = [i for i, (text, length) in enumerate(first) if length >= budgets[i] or looks_looping(sources[i], text)]
    if not looping:
        return texts, 0
    again = decode(looping, max(budgets[i] for i in looping), no_repeat_ngram_size=RETRY_NO_REPEAT_NGRAM)
    for i, (text, length) in zip(looping, again):
        texts[i] = text
        if length >= budgets[i]:
            warn_ran_out(sources[i], budgets[i])
    log.info("%d of %d sentences looped or ran out of budget; decoded again with %d-gram blocking",
             len(looping), len(sources), RETRY_NO_REPEAT_NGRAM)
    return texts, len(looping)


def warn_ran_out(source: str, budget: int) -> None:
    """Say that a translation ran to its budget even with n-gram blocking: it ends there, cut."""
    log.warning("the translation of %r ran to its budget of %d tokens even with n-gram blocking; it ends there",
                source[:80], budget)
