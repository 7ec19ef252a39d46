"""Does babelwire use a GPU when one is there, and how fast? A check for a CUDA machine, one command.

Usage (from the repository root; needs only the checkout, not ../shared):
    python benchmarks/gpu_check.py [OUT.json] [--sentences 64] [--throughput-device cuda]

1. Where each setting runs: a tiny Marian checkpoint (tests/tiny_models.py: random weights, no translation quality);
   for each backend setting (transformers, ctranslate2, auto) and device setting (auto, cuda, cpu) the engine is built
   as the worker builds it (babelwire.worker.engines.build_engine), translates a few sentences with beam 4, and the check reports
   the device and engine that ran, or the error. It also says which CUDA 12 libraries the `gpu` extra put in the
   process (translation/engines/cuda_libraries.py).
2. `babelwire run` on the example wire item in a subprocess, as a user runs it: its exit status and engine.
3. Throughput of the benchmark's real-size architecture (benchmarks/_models.py: OPUS-MT en-uk shape, random weights,
   SentencePiece trained on the repository's examples when ../shared is absent), on --throughput-device (default
   cuda when one is visible): CTranslate2 at the device's default precision (float16 on CUDA) and transformers fp32,
   each greedy and beam 4, each sentence forced to 1.2 x its source tokens as throughput.py does. The sentences are
   the repository's examples, repeated to --sentences.

Prints one JSON object per check; writes them all to OUT.json when given. Exit 0 when the default settings (`auto`,
and `babelwire run`) work.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from tests.tiny_models import build_tiny_marian  # noqa: E402
from babelwire.worker.engines import build_engine, choose_backend, resolve_device  # noqa: E402
from babelwire.worker.settings import Settings  # noqa: E402

SENTENCES = ["The parties discussed peace.", "Details", "Zelenskyy held a two-hour conversation on Saturday."]
BACKENDS = ("transformers", "ctranslate2", "auto")
DEVICES = ("auto", "cuda", "cpu")
OUTPUT_RATIO = 1.2  # as throughput.py


def check_backend(backend: str, device: str, checkpoint: Path) -> dict:
    report = {"check": f"backend={backend} device={device}"}
    try:
        resolved = resolve_device(device, backend)
        report.update(device=resolved, chosen=choose_backend(backend, resolved))
        engine = build_engine(Settings(backend=backend, device=device, beams=4, models={"uk": str(checkpoint)}))
        started = time.perf_counter()
        outputs = engine.translate(SENTENCES, "uk")
        report.update(ok=len(outputs) == len(SENTENCES) and all(outputs), seconds=round(time.perf_counter() - started, 3),
                      engine=engine.model_info("uk").engine, runs_on=_where(engine))
    except Exception as error:  # noqa: BLE001 - the report is the point
        report.update(ok=False, error=f"{type(error).__name__}: {str(error)[:400]}")
    return report


def _where(engine) -> str:
    """Which device the loaded model sits on (for `auto`, that of the engine that served)."""
    if hasattr(engine, "fallen_back"):  # FallbackEngine: CTranslate2 first, transformers if it cannot load
        engine = engine._fallback if "uk" in engine.fallen_back else engine._primary
    for model in engine._cache.values():
        if hasattr(model, "model"):
            return str(next(model.model.parameters()).device)
        if hasattr(model, "translator"):
            return f"{model.translator.device} ({model.translator.compute_type})"
    return "unknown"


def check_cli(checkpoint: Path, work: Path) -> dict:
    out = work / "out"
    command = [sys.executable, "-m", "babelwire.worker", "run", str(ROOT / "examples" / "wire-item.json"), "--to", "uk",
               "--model", f"uk={checkpoint}", "--out", str(out)]
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    copies = sorted(path.name for path in out.glob("*.json")) if out.exists() else []
    # The provenance travels in the copy's headers, not its ninjs body: `run` names the engine as it writes a copy.
    engine = next(iter(re.findall(r"^wrote .* \(engine (\S+),", done.stderr, re.M)), None)
    return {"check": "babelwire run", "ok": done.returncode == 0 and bool(copies), "returncode": done.returncode,
            "copies": copies, "engine": engine, "seconds": round(time.perf_counter() - started, 1),
            "stderr_tail": done.stderr.strip().splitlines()[-3:]}


def cuda_libraries() -> dict:
    from babelwire.translation.engines.cuda_libraries import library_paths, preload

    return {"check": "cuda libraries (gpu extra)", "ok": True, "found": [str(path) for path in library_paths()],
            "loaded": list(preload())}


# --- throughput of the real-size architecture --------------------------------------------------------


def output_length(source_tokens: int) -> int:
    return max(1, round(OUTPUT_RATIO * source_tokens))


def throughput(device: str, count: int, model_dir: Path | None = None) -> list[dict]:
    """tokens/s of each backend and beam setting on `device`, each sentence forced to output_length (two timed
    passes after a warm-up; the better one counts, as a GPU's first passes pay for kernel selection)."""
    import _models

    from babelwire.translation.models.registry import ModelRegistry

    lines = _models.repository_lines()
    model_dir = model_dir or _models.build(_models.CACHE / "opus-mt-en-uk-random-repo", lines=lines)
    sentences = (lines * (count // len(lines) + 1))[:count]
    rows = []
    for backend in ("ctranslate2", "transformers"):
        for beams in (1, 4):
            registry = ModelRegistry({"uk": str(model_dir)})
            options = {"device": device, "beams": beams, "max_batch_tokens": Settings().max_batch_tokens}
            if backend == "ctranslate2":
                engine = _models.ForcedLengthEngine(registry, output_length, **options)
            else:
                engine = _models.ForcedLengthMarianEngine(registry, output_length, **options)
            rows.append(_timed(engine, backend, beams, device, sentences))
            print(json.dumps(rows[-1]), flush=True)
            del engine
    return rows


def _timed(engine, backend: str, beams: int, device: str, sentences: list[str]) -> dict:
    started = time.perf_counter()
    tokens = sum(output_length(engine.count_tokens(sentence, "uk")) for sentence in sentences)
    load_s = time.perf_counter() - started
    engine.translate(sentences[:8], "uk")  # warm-up
    passes = []
    for _ in range(2):
        t0 = time.perf_counter()
        engine.translate(sentences, "uk")
        passes.append(time.perf_counter() - t0)
    return {"check": "throughput", "backend": backend, "beams": beams, "device": device, "runs_on": _where(engine),
            "sentences": len(sentences), "output_tokens": tokens, "tokens_per_s": round(tokens / min(passes), 1),
            "seconds": [round(s, 3) for s in passes], "load_s": round(load_s, 2), "ok": True}


def markdown(rows: list[dict]) -> str:
    lines = ["| backend | beams | runs on | tokens/s |", "|---|---|---|---|"]
    lines += [f"| {r['backend']} | {r['beams']} | {r['runs_on']} | {r['tokens_per_s']} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, help="write every check's JSON here")
    parser.add_argument("--sentences", type=int, default=64, help="sentences per throughput pass")
    parser.add_argument("--throughput-device", choices=("cuda", "cpu", "none"),
                        help="where the throughput table runs (default: cuda when visible, else none)")
    args = parser.parse_args(argv)
    results = [{"check": "started", "ok": True, "utc": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())},
               cuda_libraries()]
    print(json.dumps(results[-1]), flush=True)
    with tempfile.TemporaryDirectory() as work:
        checkpoint = build_tiny_marian(Path(work) / "uk", target="uk", seed=3)
        for backend in BACKENDS:
            for device in DEVICES:
                results.append(check_backend(backend, device, checkpoint))
                print(json.dumps(results[-1]), flush=True)
        results.append(check_cli(checkpoint, Path(work)))
        print(json.dumps(results[-1]), flush=True)
    device = args.throughput_device or ("cuda" if resolve_device("auto", "ctranslate2") == "cuda" else "none")
    if device != "none":
        rows = throughput(device, args.sentences)
        results += rows
        print(markdown(rows), flush=True)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    # What a user with default settings gets: `auto` and `babelwire run` must work (an explicit backend or device
    # may not, e.g. cuda on a machine without a GPU; it must then fail clearly).
    defaults = [r for r in results if r["check"] in ("backend=auto device=auto", "babelwire run")]
    return 0 if all(r["ok"] for r in defaults) else 1


if __name__ == "__main__":
    sys.exit(main())
