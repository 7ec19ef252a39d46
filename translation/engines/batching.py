"""Which sentences decode together: one batching policy for both Marian backends.

Sentences are sorted by length, so padding stays small, and grouped longest first, so the batch that takes
the most memory runs first and a memory limit shows at once rather than after minutes of work.
"""

from collections.abc import Callable
from dataclasses import dataclass

# can_share(longest, shortest) -> whether sentences of these source lengths may decode in one batch
CanShare = Callable[[int, int], bool]


@dataclass(frozen=True, slots=True)
class BatchLimits:
    """How much one decoding call may hold.

    Arguments:
        max_tokens: cap on (longest source in tokens) x (sentences) x `beams`. Beam search keeps `beams`
            hypotheses of every sentence, padded to the longest, in transformers and CTranslate2 alike: this is
            what bounds a batch's memory. A single sentence over the cap still decodes, alone.
        max_sentences: cap on sentences per call, however short they are.
        beams: the beam size the engine decodes with.
    """

    max_tokens: int = 4096
    max_sentences: int = 64
    beams: int = 1

    def admits(self, sentences: int, longest: int) -> bool:
        """Whether `sentences` sentences, the longest of `longest` tokens, fit in one call."""
        return sentences <= self.max_sentences and sentences * longest * self.beams <= self.max_tokens


def length_batches(lengths: dict[int, int], limits: BatchLimits, can_share: CanShare | None = None,
                   at_least: int = 1) -> list[list[int]]:
    """The keys of `lengths` (sentence index -> source tokens) grouped longest first, each group within `limits`
    and, when `can_share` is given, holding only sentences that may share one decode with the group's longest.

    `at_least`: split the largest groups in two (longer half first) until there are that many, where there are
    sentences enough: an engine that decodes several batches at once keeps each of its translators busy."""
    batches: list[list[int]] = []
    for index in sorted(lengths, key=lambda i: lengths[i], reverse=True):
        if batches and _fits(batches[-1], lengths, lengths[index], limits, can_share):
            batches[-1].append(index)
        else:
            batches.append([index])
    return _split_to(batches, at_least)


def _split_to(batches: list[list[int]], count: int) -> list[list[int]]:
    """Split the largest batch in halves, in place of it, until there are `count` batches or none has two
    sentences; halves of a length-sorted batch stay length-sorted and in order."""
    while len(batches) < count:
        largest = max(range(len(batches)), key=lambda i: len(batches[i]), default=None)
        if largest is None or len(batches[largest]) < 2:
            break
        batch = batches[largest]
        half = (len(batch) + 1) // 2
        batches[largest : largest + 1] = [batch[:half], batch[half:]]
    return batches


def _fits(batch: list[int], lengths: dict[int, int], length: int, limits: BatchLimits, can_share: CanShare | None) -> bool:
    longest = lengths[batch[0]]
    return limits.admits(len(batch) + 1, longest) and (can_share is None or can_share(longest, length))
