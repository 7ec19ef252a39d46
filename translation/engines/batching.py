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

    `at_least`: how many batches decode side by side (an engine's translators, taking the batches in order as each
    becomes free). Groups are split in two, longer sentences first, at the cut that balances their tokens, wherever
    that ends the whole call sooner with that many decoding at once (see _balance)."""
    batches: list[list[int]] = []
    for index in sorted(lengths, key=lambda i: lengths[i], reverse=True):
        if batches and _fits(batches[-1], lengths, lengths[index], limits, can_share):
            batches[-1].append(index)
        else:
            batches.append([index])
    return _balance(batches, at_least, lambda batch: _work(batch, lengths, limits.beams)) if at_least > 1 else batches


def _work(batch: list[int], lengths: dict[int, int], beams: int) -> int:
    """A batch's decoding work in source tokens: greedy search drops each sentence at its end, so its own length
    counts; beam search decodes the whole batch to its longest sentence."""
    if beams == 1:
        return sum(lengths[i] for i in batch)
    return len(batch) * max(lengths[i] for i in batch)


def _balance(batches: list[list[int]], parallel: int, work: Callable[[list[int]], int]) -> list[list[int]]:
    """Split the batch of the most work in two of about equal work, in place of it, as long as that shortens the
    call's makespan with `parallel` batches decoding at once, taken in order (as a thread pool takes them).

    A call whose sentences fit one batch becomes `parallel` batches, and a call of a long batch and a few short ones
    no longer leaves one translator idle while the other decodes the long one: on the benchmark's quick set (32
    sentences, greedy, two translators) the guard's batching made batches of 21, 10 and 1 sentences. The parts of a
    length-sorted batch stay length-sorted and in order. By work, not by sentence count: the longer half of a sorted
    batch takes longer (two halves by tokens ran 1.17x faster than halves by count on that set, interleaved)."""
    while True:
        splittable = [i for i, batch in enumerate(batches) if len(batch) >= 2]
        if not splittable:
            return batches
        largest = max(splittable, key=lambda i: work(batches[i]))
        batch = batches[largest]
        cut = _balanced_cut(batch, work)
        split = batches[:largest] + [batch[:cut], batch[cut:]] + batches[largest + 1 :]
        if len(batches) >= parallel and _makespan(split, parallel, work) >= _makespan(batches, parallel, work):
            return batches
        batches = split


def _balanced_cut(batch: list[int], work: Callable[[list[int]], int]) -> int:
    """Where to cut `batch` (two or more) so that the two parts' work is closest, each part at least one."""
    return min(range(1, len(batch)), key=lambda cut: abs(work(batch[:cut]) - work(batch[cut:])))


def _makespan(batches: list[list[int]], parallel: int, work: Callable[[list[int]], int]) -> int:
    """When the last batch ends, `parallel` decoding at once and each free one taking the next batch in order."""
    ends = [0] * parallel
    for batch in batches:
        earliest = min(range(parallel), key=ends.__getitem__)
        ends[earliest] += work(batch)
    return max(ends)


def _fits(batch: list[int], lengths: dict[int, int], length: int, limits: BatchLimits, can_share: CanShare | None) -> bool:
    longest = lengths[batch[0]]
    return limits.admits(len(batch) + 1, longest) and (can_share is None or can_share(longest, length))
