"""`babelwire translate` on a terminal: one progress line that counts to the end, on both Marian backends."""

import os
import pty
import re
import subprocess

import pytest

from cli_helpers import BABELWIRE

# Distinct sentences, repeated past the size from which the line is shown: each distinct one is translated once.
SENTENCES = [
    "The parties met again today and discussed the options.", "Prices rose on Monday and fell again.",
    "The meeting ended late in the evening.", "Security issues were discussed at length.",
    "The talks will continue next week.", "Details were not made public.",
    "A source said the talks were difficult.", "The team returned home on Sunday.",
]


def translate_on_a_terminal(text_path, model, backend: str) -> str:
    """Run `babelwire translate` with stderr on a pseudo-terminal and stdout to /dev/null; return what stderr
    showed."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BABELWIRE_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", BABELWIRE_BACKEND=backend, BABELWIRE_MEMORY_URL="off",
               BABELWIRE_MAX_BATCH_TOKENS="64", BABELWIRE_BEAMS="1")
    leader, follower = pty.openpty()
    process = subprocess.Popen([BABELWIRE, "translate", "--input", str(text_path), "--to", "uk", "--model",
                                f"uk={model}"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower,
                               env=env)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert process.wait(timeout=300) == 0, shown.decode(errors="replace")
    return shown.decode("utf-8", errors="replace")


@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_progress_line_counts_every_sentence_to_the_end(backend, tiny_models, tmp_path):
    text = ""
    while len(text) < 21_000:
        text += " ".join(SENTENCES) + "\n\n"
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    shown = translate_on_a_terminal(path, tiny_models["uk"], backend)
    counts = [(int(done), int(total)) for done, total in re.findall(r"uk \[[#-]+\] (\d+)/(\d+) sentences", shown)]
    assert len(counts) >= 3, shown  # several batches, each redrawing the line
    assert [done for done, _ in counts] == sorted(done for done, _ in counts)
    assert counts[-1][0] == counts[-1][1] >= len(SENTENCES), shown  # it ends full, at the true count
    assert shown.endswith("\r\x1b[K")  # and the line is cleared before the translation is printed
