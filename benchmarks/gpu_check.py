"""Does babelwire use a GPU when one is there? A functional check for a CUDA machine (issue 5).

Usage (on a machine with an NVIDIA GPU, from the repository root):
    python benchmarks/gpu_check.py [OUT.json]

It builds a tiny Marian checkpoint (tests/tiny_models.py: random weights, so no translation quality), then
for each backend setting (transformers, ctranslate2, auto) with BABELWIRE_DEVICE left at auto it builds the
engine exactly as the worker does (worker.build.build_engine), translates a few sentences with beam 4, and
reports the device and engine that ran, or the error. Finally it runs `babelwire run` on the example wire
item in a subprocess, as a user would, and reports its exit status. Prints one JSON object per check; exits 0
when the default settings (`auto`, and `babelwire run`) work.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.tiny_models import build_tiny_marian  # noqa: E402
from worker.build import build_engine, choose_backend, resolve_device  # noqa: E402
from worker.settings import Settings  # noqa: E402

SENTENCES = ["The parties discussed peace.", "Details", "Zelenskyy held a two-hour conversation on Saturday."]


def check_backend(backend: str, checkpoint: Path) -> dict:
    settings = Settings(backend=backend, device="auto", beams=4, models={"uk": str(checkpoint)})
    report = {"check": f"backend={backend}", "device": resolve_device("auto", backend),
              "chosen": choose_backend(backend, resolve_device("auto", backend))}
    try:
        engine = build_engine(settings)
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
    loaded = getattr(engine, "_cache", None) or getattr(engine, "_models", None) or {}
    for model in loaded.values():
        if hasattr(model, "model"):
            return str(next(model.model.parameters()).device)
        if hasattr(model, "translator"):
            return str(model.translator.device)
    return "unknown"


def check_cli(checkpoint: Path, work: Path) -> dict:
    out = work / "out"
    command = [sys.executable, "-m", "worker", "run", str(ROOT / "examples" / "wire-item.json"), "--to", "uk",
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


def main() -> int:
    results = []
    with tempfile.TemporaryDirectory() as work:
        checkpoint = build_tiny_marian(Path(work) / "uk", target="uk", seed=3)
        for backend in ("transformers", "ctranslate2", "auto"):
            results.append(check_backend(backend, checkpoint))
            print(json.dumps(results[-1]), flush=True)
        results.append(check_cli(checkpoint, Path(work)))
        print(json.dumps(results[-1]), flush=True)
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    # What a user with default settings gets: `auto` and `babelwire run` must work (backend=ctranslate2 alone
    # may not, where CTranslate2's CUDA build finds no matching CUDA libraries; it must then fail clearly).
    return 0 if all(result["ok"] for result in results if result["check"] != "backend=ctranslate2") else 1


if __name__ == "__main__":
    sys.exit(main())
