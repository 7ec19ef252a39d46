"""benchmarks/names_render.py's interval: how far another half of as many documents may put each figure."""

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import names_render  # noqa: E402


def _document(words: int, agreeing: int) -> Counter:
    return Counter({"people": words, "people_agree": agreeing, "cyrillic": words, "cyrillic_agree": agreeing,
                    "all": words, "all_agree": agreeing})


def test_documents_that_all_agree_alike_leave_no_doubt():
    interval = names_render.document_interval([_document(10, 8)] * 20)
    assert interval["people"] == [80.0, 80.0]


def test_documents_that_disagree_widen_the_interval_around_the_figure():
    documents = [_document(10, 10)] * 10 + [_document(10, 5)] * 10  # 75% in all
    low, high = names_render.document_interval(documents)["cyrillic"]
    assert low < 75.0 < high
    assert high - low > 5  # twenty documents this far apart cannot pin the share to within a few points


def test_the_interval_is_the_same_every_run():
    documents = [_document(10, n) for n in range(11)]
    assert names_render.document_interval(documents) == names_render.document_interval(list(documents))


def test_a_group_no_document_has_gets_no_interval():
    documents = [Counter({"all": 4, "all_agree": 3})] * 5
    interval = names_render.document_interval(documents)
    assert interval["people"] is None and interval["all"] == [75.0, 75.0]
