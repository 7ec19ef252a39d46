"""How long a translation may run: the decode-length guard both Marian backends share.

A model that falls into a loop never emits its end token and decodes until it hits the limit it was given.
With the model's position limit as that limit (512), one looping sentence costs hundreds of steps for its
whole batch. So each sentence gets a budget that follows its source length, and sentences whose budgets are
far apart are not batched together: a short sentence never runs to a long one's budget, and a long one is
never cut at a short one's.
"""

import logging
from dataclasses import dataclass

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



def warn_ran_out(source: str, budget: int) -> None:
    """Say that a translation ran to its budget even with n-gram blocking: it ends there, cut."""
    log.warning("the translation of %r ran to its budget of %d tokens even with n-gram blocking; it ends there",
                source[:80], budget)
