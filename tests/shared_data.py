"""Material the tests share: the seed article, a wire item of our own in tests/data (see the README there).

The tests need nothing beside the checkout: a fresh clone passes them as it is.
"""

from pathlib import Path

SEED_ARTICLE = Path(__file__).parent / "data" / "seed-article.txt"
