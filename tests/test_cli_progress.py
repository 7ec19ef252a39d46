"""`babelwire translate` on a terminal: one progress line that counts to the end, on both Marian backends and
in a dry run."""

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


def translate_on_a_terminal(text_path, engine_args: list[str], backend: str = "auto") -> str:
    """Run `babelwire translate` with stderr on a pseudo-terminal and stdout to /dev/null; return what stderr
    showed."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("BABELWIRE_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", BABELWIRE_BACKEND=backend, BABELWIRE_MEMORY_URL="off",
               BABELWIRE_MAX_BATCH_TOKENS="64", BABELWIRE_BEAMS="1")
    leader, follower = pty.openpty()
    process = subprocess.Popen([BABELWIRE, "translate", "--input", str(text_path), "--to", "uk", *engine_args],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower, env=env)
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


def big_text(path, chars: int = 21_000):
    text = ""
    while len(text) < chars:
        text += " ".join(SENTENCES) + "\n\n"
    path.write_text(text, encoding="utf-8")
    return path


def shown_counts(shown: str) -> list[tuple[int, int]]:
    return [(int(done), int(total)) for done, total in re.findall(r"uk \[[#-]+\] (\d+)/(\d+) sentences", shown)]


def test_a_dry_run_counts_its_sentences_too(tmp_path):
    """The pseudo engine reports what it translated, as Marian does: not "1/1 sentences" for 81 KB."""
    shown = translate_on_a_terminal(big_text(tmp_path / "big.txt", 81_000), ["--engine", "pseudo"])
    counts = shown_counts(shown)
    assert counts and counts[-1][0] == counts[-1][1] >= len(SENTENCES), shown


@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_progress_line_counts_every_sentence_to_the_end(backend, tiny_models, tmp_path):
    shown = translate_on_a_terminal(big_text(tmp_path / "big.txt"), ["--model", f"uk={tiny_models['uk']}"], backend)
    counts = shown_counts(shown)
    assert len(counts) >= 3, shown  # several batches, each redrawing the line
    assert [done for done, _ in counts] == sorted(done for done, _ in counts)
    assert counts[-1][0] == counts[-1][1] >= len(SENTENCES), shown  # it ends full, at the true count
    assert shown.endswith("\r\x1b[K")  # and the line is cleared before the translation is printed
