"""Shared test setup. Tests never reach for the Hugging Face hub: without network it retries for minutes."""

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


# --- tiny Marian checkpoints (tests/tiny_models.py) -------------------------------------------------
import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory) -> dict:
    """{"uk": Path, "de": Path}: tiny en->uk and en->de Marian checkpoints, different random weights."""
    from tiny_models import build_all  # tests/ is on sys.path (rootdir conftest, no package)

    return build_all(tmp_path_factory.mktemp("tiny_models"))
