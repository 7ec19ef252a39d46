"""Throughput of babelwire's Marian backends against the naive baseline, measured in the same run (issue 5).

Usage:
    .venv/bin/python benchmarks/throughput.py [--quick] [--results DIR]

Model: the real OPUS-MT en-uk architecture with random weights (benchmarks/_models.py, built once and
cached under benchmarks/.cache/). Workload: real English news sentences, the seed article and CoNLL-2003
dev documents, read from ../shared in place. Random weights never emit </s>, so every backend decodes a
fixed length: round(1.2 x source tokens) per sentence, and only that counts as output. CTranslate2's greedy
search stops each sentence at its own length (as a real </s> would, dropping it from the batch); beam search
and transformers' generate cannot, so their batches decode to their longest sentence: padding is charged to them.

Each backend and beam setting runs in a subprocess of its own, as a worker runs one setting (honest peak RSS per
setting, cold load of the cached checkpoint; babelwire's own engines with malloc arenas capped as the CLI caps them),
measured in interleaved rounds so that the machine's drift hits the baseline and the backends alike (see measure):
  baseline            one sentence at a time through model.generate, fp32 (what a plain implementation does)
  transformers        fp32, length-sorted batches of up to 32 sentences (a hand-written generate loop)
  transformers-engine babelwire's own transformers engine (MarianEngine, fp32) with the product's batching: at
                      most 64 sentences, sentences x longest source x beams <= the default max_batch_tokens,
                      sentences of similar budgets together (the decode guard's batching); each batch decodes
                      to its longest sentence's forced length (_models.ForcedLengthMarianEngine)
  transformers-int8   torch dynamic int8 quantisation of the Linear layers (full mode only), as the
                      transformers backend runs it with BABELWIRE_QUANTIZATION=int8
  ctranslate2         babelwire's default: CTranslate2Engine with its default settings (int8, two translators of
                      one thread each on two cores, fed length-sorted batches at once), the engine's own batching,
                      with its decode-length guard (translation/engines/budget.py)
  ctranslate2-1-translator  the same engine as it ran before two translators: one translator of one intra-op
                      thread per core (what two translators gain, in the same run)
  ctranslate2-unguarded  the same engine without the guard (every batch may decode to the position limit,
                      sentences of any lengths batched together, no loop check): what the guard costs or saves
All run the same sentences (--quick: a length-stratified subset of 32) with greedy search and beam 4.
Runaway: random weights left to decode freely never end a sentence, exactly as a looping model does; a
length-stratified subset, greedy, through the default backend with and without the guard (each sentence to
its budget, then once more with n-gram blocking, against the position limit for every sentence).
Latency: one ~600-word item (the seed article plus CoNLL sentences) translated as one call, beam 4.
Briefs: the sentences as two-sentence items through the default backend, beam 4, one item per engine call
against the worker's batch_jobs items per call (what it does when that many jobs wait together).
The run also measures this CPU's fp32 and int8 GEMM rates and prints the arithmetic bound per greedy token.
Last, the worker stage (worker_memory.py): a uk + de worker of the same architecture on the embedded broker, 200
items, its RSS sampled (worker_rss_steady_mb, worker_rss_peak_mb).

Writes results/throughput.json, then results/throughput.png (tokens/s per backend and beam) when matplotlib
(the `bench` extra) is installed; the last line printed is a JSON object with speedup_greedy, speedup_beam4
(default backend vs baseline), decode_guard, engine_batching (transformers-engine over transformers, per beam)
peak_rss_mb (the default backend's, the larger of its two processes), worker_rss_steady_mb, worker_rss_peak_mb
and int8_bound_fraction_greedy (greedy tokens/s over what the int8 GEMM rate allows). The results directory is --results (default results/, which holds the committed quick run;
the full run's are committed under results/full/, written with --results benchmarks/results/full).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import _models  # noqa: E402
import worker_memory  # noqa: E402
from babelwire.translation.engines.mkl_memory import SETTING as MKL_POOLS_SETTING  # noqa: E402
from babelwire.worker.settings import Settings  # noqa: E402

DEFAULT_BACKEND = "ctranslate2"
OUTPUT_RATIO = 1.2
BEAMS = (1, 4)
ITEM_WORDS = 600
QUICK_SENTENCES = 32
RUNAWAY_SENTENCES = 8
GUARDED = ("ctranslate2", "ctranslate2-unguarded")
WORKER_ITEMS = 200  # the uk + de worker stage (worker_memory.py)
BRIEF_SENTENCES = 2  # a short wire item (a flash or a brief): what batching across items is for
BATCH_JOBS = Settings.model_fields["batch_jobs"].default
# The default backend runs with babelwire's default batch budget (source tokens x beams per batch).
CT2_MAX_BATCH_TOKENS = Settings.model_fields["max_batch_tokens"].default


def output_length(source_tokens: int) -> int:
    return max(1, round(OUTPUT_RATIO * source_tokens))


# --- workload ---------------------------------------------------------------------------------------


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z\"“«])", paragraph) if s.strip()]


def workload(count: int = 200) -> list[str]:
    """The seed article's sentences, then CoNLL dev sentences of 8-28 words that are not headlines."""
    sentences = [s for p in _models.seed_paragraphs() for s in split_sentences(p) if len(s.split()) >= 4]
    for sentence in _models.conll_sentences():
        words = sentence.split()
        if len(sentences) >= count:
            break
        if 8 <= len(words) <= 28 and not sentence.isupper() and sentence[-1:] in '."':
            sentences.append(sentence)
    return sentences[:count]


def item_sentences() -> list[str]:
    """A ~600-word item: the seed article's sentences, topped up with CoNLL sentences."""
    sentences = [s for p in _models.seed_paragraphs() for s in split_sentences(p)]
    extra = iter(workload(400)[len(sentences):])
    while sum(len(s.split()) for s in sentences) < ITEM_WORDS:
        sentences.append(next(extra))
    return sentences


def stratified(sentences: list[str], lengths: list[int], size: int) -> list[str]:
    """`size` sentences spread evenly over the length distribution."""
    order = sorted(range(len(sentences)), key=lambda i: lengths[i])
    step = len(order) / size
    return [sentences[order[int(k * step)]] for k in range(size)]


# --- backends (run inside worker subprocesses) -------------------------------------------------------


class TransformersBackend:
    def __init__(self, model_dir: Path, batched: bool, int8: bool):
        import torch
        from transformers import MarianMTModel, MarianTokenizer

        torch.set_num_threads(_cores())
        self.torch = torch
        self.tokenizer = MarianTokenizer.from_pretrained(model_dir)
        model = MarianMTModel.from_pretrained(model_dir).eval()
        if int8:  # exactly what the transformers backend runs with BABELWIRE_QUANTIZATION=int8
            from babelwire.translation.engines.marian import quantized_int8

            model = quantized_int8(model)
        self.model, self.batch_size = model, (32 if batched else 1)

    def count(self, sentence: str) -> int:
        return len(self.tokenizer(sentence).input_ids)

    def translate(self, sentences: list[str], beams: int) -> None:
        order = sorted(sentences, key=self.count, reverse=True)
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            length = output_length(max(self.count(s) for s in batch))
            inputs = self.tokenizer(batch, return_tensors="pt", padding=True)
            with self.torch.inference_mode():
                self.model.generate(
                    **inputs, num_beams=beams, do_sample=False, min_new_tokens=length,
                    max_new_tokens=length, forced_eos_token_id=None,
                )


class _ProductEngineBackend:
    """A babelwire engine under test, built once for the beam size of its process (beams are an engine setting, and
    each backend and beam setting runs in a process of its own, as a worker would)."""

    beams: int
    engine: object

    def count(self, sentence: str) -> int:
        return self.engine.count_tokens(sentence, "uk")

    def translate(self, sentences: list[str], beams: int) -> None:
        assert beams == self.beams, f"this process runs beam {self.beams}, not {beams}"
        self.engine.translate(sentences, "uk")


class TransformersEngineBackend(_ProductEngineBackend):
    """babelwire's transformers engine as the worker builds it (the default batch budget and decode guard), fp32,
    with forced output lengths."""

    def __init__(self, model_dir: Path, beams: int):
        import torch

        from babelwire.translation.engines.budget import DecodeBudget
        from babelwire.translation.models.registry import ModelRegistry

        torch.set_num_threads(_cores())  # as the hand-written backend and the worker (threads 0: one per core)
        self.beams = beams
        self.engine = _models.ForcedLengthMarianEngine(
            ModelRegistry({"uk": str(model_dir)}), output_length, beams=beams,
            max_batch_tokens=CT2_MAX_BATCH_TOKENS, budget=DecodeBudget())
        self.engine.max_input_tokens("uk")  # load now: part of the timed cold load


class CTranslate2Backend(_ProductEngineBackend):
    """babelwire's CTranslate2Engine, the default backend with its default settings (int8, thread layout, batch
    budget), with or without its decode guard."""

    def __init__(self, model_dir: Path, beams: int, guard: bool = True, **layout):
        from babelwire.translation.engines.budget import DecodeBudget
        from babelwire.translation.models.registry import ModelRegistry

        self.beams = beams
        self.engine = _models.ForcedLengthEngine(
            ModelRegistry({"uk": str(model_dir)}), output_length, beams=beams, max_batch_tokens=CT2_MAX_BATCH_TOKENS,
            budget=DecodeBudget() if guard else None, **layout)
        self.engine.max_input_tokens("uk")  # load now: part of the timed cold load (model_info reads only files)

    def runaway(self, sentences: list[str]) -> dict:
        """Greedy, with no forced lengths: the random model never ends a sentence, as a looping one would."""
        self.engine.forced = False
        try:
            self.engine.translate(sentences[:1], "uk")  # warm the free path
            self.engine.loops_retried = 0
            t0 = time.perf_counter()
            self.engine.translate(sentences, "uk")
            return {"seconds": time.perf_counter() - t0, "retried": self.engine.loops_retried}
        finally:
            self.engine.forced = True


def _cores() -> int:
    return len(os.sched_getaffinity(0))


ONE_TRANSLATOR = "ctranslate2-1-translator"
PRODUCT = GUARDED + ("transformers-engine", ONE_TRANSLATOR)


def make_backend(name: str, model_dir: Path, beams: int):
    if name in GUARDED:
        return CTranslate2Backend(model_dir, beams, guard=name == "ctranslate2")
    if name == ONE_TRANSLATOR:  # the default before two translators: one, of one intra-op thread per core
        return CTranslate2Backend(model_dir, beams, translators=1, threads=_cores())
    if name == "transformers-engine":
        return TransformersEngineBackend(model_dir, beams)
    return TransformersBackend(model_dir, batched=name != "baseline", int8=name == "transformers-int8")


def serve(name: str, spec: dict, beams: int) -> None:
    """A backend worker for one beam size: load, say "ready", then run the orchestrator's commands (JSON lines on
    stdin). babelwire's own backends run as the CLI starts a worker: malloc arenas capped first."""
    if name in PRODUCT:
        from babelwire.worker.arenas import limit_arenas

        limit_arenas(environment=os.environ)
    started = time.perf_counter()
    backend = make_backend(name, Path(spec["model_dir"]), beams)
    sentences = spec["sentences"]
    reply({"ready": True, "load_s": time.perf_counter() - started,
           "output_tokens": [output_length(backend.count(s)) for s in sentences]})
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "warm":
            backend.translate(sentences[:2], command["beams"])
            reply({})
        elif command["op"] == "run":  # the timed work: these sentences, this beam size
            chosen = [sentences[i] for i in command["indices"]]
            t0 = time.perf_counter()
            backend.translate(chosen, command["beams"])
            reply({"seconds": time.perf_counter() - t0})
        elif command["op"] == "briefs":  # short items, `per_call` of them in one engine call
            briefs = [sentences[i : i + BRIEF_SENTENCES] for i in range(0, len(sentences), BRIEF_SENTENCES)]
            per_call = command["per_call"]
            t0 = time.perf_counter()
            for start in range(0, len(briefs), per_call):
                backend.translate([s for brief in briefs[start : start + per_call] for s in brief], 4)
            reply({"seconds": time.perf_counter() - t0})
        elif command["op"] == "runaway":
            reply(backend.runaway([sentences[i] for i in command["indices"]]))
        elif command["op"] == "item":
            t0 = time.perf_counter()
            backend.translate(spec["item"], 4)
            reply({"seconds": time.perf_counter() - t0})
        else:
            reply({"peak_rss_mb": _own_peak_rss_kib() / 1024})
            # Skip interpreter teardown: CTranslate2 can abort while Python frees a translator at exit.
            os._exit(0)


def _own_peak_rss_kib() -> int:
    """This process's high-water mark (VmHWM). Not getrusage's ru_maxrss: Linux carries that across execve, so a
    measuring process started by a large parent (one that has just built the model) reports the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: no execve carry-over to avoid


REPLY = "@@babelwire-bench "  # marks our lines among whatever libraries print


def reply(message: dict) -> None:
    print(REPLY + json.dumps(message), flush=True)


def measure_runaway(workers: dict[str, Worker], tokens: list[int]) -> dict:
    """The default backend with and without the guard on sentences that never end (greedy)."""
    by_length = sorted(range(len(tokens)), key=tokens.__getitem__)
    indices = [by_length[int(k * len(tokens) / RUNAWAY_SENTENCES)] for k in range(RUNAWAY_SENTENCES)]
    runs = {name: workers[name].ask(op="runaway", indices=indices) for name in GUARDED}
    guarded, unguarded = runs["ctranslate2"], runs["ctranslate2-unguarded"]
    return {"sentences": len(indices), "guarded_s": round(guarded["seconds"], 2),
            "unguarded_s": round(unguarded["seconds"], 2), "retried": guarded["retried"],
            "speedup": round(unguarded["seconds"] / guarded["seconds"], 2)}


def measure_briefs(worker: Worker, tokens: int, rounds: int) -> dict:
    """The default backend on two-sentence items, beam 4: one item per engine call (a worker taking jobs one
    at a time) against BATCH_JOBS items per call (the worker's batch when that many jobs wait), interleaved."""
    seconds = {1: 0.0, BATCH_JOBS: 0.0}
    for _ in range(rounds):
        for per_call in seconds:
            seconds[per_call] += worker.ask(op="briefs", per_call=per_call)["seconds"]
    rates = {per_call: rounds * tokens / spent for per_call, spent in seconds.items()}
    return {"tokens_per_s_one_per_call": rates[1], f"tokens_per_s_{BATCH_JOBS}_per_call": rates[BATCH_JOBS],
            "speedup": rates[BATCH_JOBS] / rates[1]}


GEMM_SHAPES = {"M128_K512_N2048": (128, 512, 2048), "M32_K512_N60000": (32, 512, 60000), "M1_K512_N2048": (1, 512, 2048)}
INT8_KERNELS = ("int_mm", "quantized_linear")


def run_gemm() -> dict:
    """GEMM rates of this CPU (torch, all cores) at decoder-like shapes: fp32, and int8 as a stand-in for the int8
    kernels CTranslate2 runs, each shape at the faster of two int8 kernels (int8_gops; int8_gops_by_kernel has both):
    torch._int_mm (int8 in, int32 out), fast where oneDNN has VNNI or AMX kernels for it and a slow fallback where it
    has none (2.7 GOP/s on an AVX2-only AMD EPYC, below what CTranslate2 itself reached there, which made a bound of
    it meaningless), and torch's dynamically quantized Linear (fbgemm's AVX2/AVX-512 int8 GEMM; it also quantizes its
    float input and dequantizes its output, as CTranslate2's int8 layers do)."""
    import torch

    torch.set_num_threads(_cores())
    fp32 = {label: _rate(torch.matmul, torch.randn(m, k), torch.randn(k, n), multiply_adds=m * k * n)
            for label, (m, k, n) in GEMM_SHAPES.items()}
    by_kernel: dict[str, dict[str, float]] = {kernel: {} for kernel in INT8_KERNELS}
    for m, k, n in GEMM_SHAPES.values():
        m = max(m, 32)  # _int_mm wants more than 16 rows: the thin shape is measured at 32
        label = f"M{m}_K{k}_N{n}"
        for kernel in INT8_KERNELS:
            try:
                by_kernel[kernel][label] = _int8_rate(torch, kernel, m, k, n)
            except (AttributeError, RuntimeError):
                pass  # a torch build without this kernel: the other one stands
    int8 = {label: max(rates[label] for rates in by_kernel.values() if label in rates)
            for label in dict.fromkeys(label for rates in by_kernel.values() for label in rates)}
    return {"fp32_gflops": fp32, "int8_gops": int8, "int8_gops_by_kernel": by_kernel}


def _int8_rate(torch, kernel: str, m: int, k: int, n: int) -> float:
    if kernel == "int_mm":
        a, b = torch.randint(-127, 127, (m, k), dtype=torch.int8), torch.randint(-127, 127, (k, n), dtype=torch.int8)
        return _rate(torch._int_mm, a, b, multiply_adds=m * k * n)
    with warnings.catch_warnings():  # torch 2.13 calls quantized tensors deprecated; the pinned torch has them
        warnings.simplefilter("ignore")
        linear = torch.ao.nn.quantized.dynamic.Linear(k, n)
        linear.set_weight_bias(torch.quantize_per_tensor(torch.randn(n, k), 0.01, 0, torch.qint8), None)
    return _rate(linear, torch.randn(m, k), multiply_adds=m * k * n)


def _rate(multiply, *operands, multiply_adds: int) -> float:
    """G(FL)OP/s of multiply(*operands), which does `multiply_adds` multiply-adds, over half a second."""
    multiply(*operands)
    reps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 0.5:
        multiply(*operands)
        reps += 1
    return 2 * multiply_adds * reps / (time.perf_counter() - t0) / 1e9


def flops_per_greedy_token(config: dict) -> float:
    """Matrix FLOPs per output token: decoder layers (self-attention's four projections, cross-attention's query and
    output projections, the FFN) + output projection + what is computed once per source token (the encoder, and each
    decoder layer's cross-attention keys and values of the encoder's output), per 1.2 output tokens. Attention's own
    products (a few hundred thousand FLOPs at these lengths) are left out."""
    d, ffn, vocab = config["d_model"], config["decoder_ffn_dim"], config["vocab_size"]
    decoder = config["decoder_layers"] * (2 * 4 * d * d + 2 * 2 * d * d + 2 * 2 * d * ffn) + 2 * d * vocab
    encoder = config["encoder_layers"] * (2 * 4 * d * d + 2 * 2 * d * config["encoder_ffn_dim"])
    cross_keys_values = config["decoder_layers"] * 2 * 2 * d * d
    return decoder + (encoder + cross_keys_values) / OUTPUT_RATIO


# --- orchestration ----------------------------------------------------------------------------------


def spawn(name: str, spec_path: Path) -> dict:
    """Run a one-shot worker (the GEMM probe) and return the JSON object it prints last."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--spec", str(spec_path)]
    done = subprocess.run(command, capture_output=True, text=True, env=_worker_env())
    if done.returncode != 0:
        raise SystemExit(f"worker {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _worker_env() -> dict:
    """Each backend's process starts without MKL_DISABLE_FAST_MM: babelwire's CTranslate2 engine sets it itself
    (translation/engines/mkl_memory.py), and the torch rows run with MKL's defaults, as a user's torch would."""
    env = {key: value for key, value in os.environ.items() if key != MKL_POOLS_SETTING}
    return dict(env, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", TOKENIZERS_PARALLELISM="false")


STAGE_SECONDS: dict[str, float] = {}  # wall time of the run by stage ("<backend> beam<b> <op>"): where it goes


def _count_stage(stage: str, since: float) -> None:
    STAGE_SECONDS[stage] = STAGE_SECONDS.get(stage, 0.0) + time.perf_counter() - since


class Worker:
    """One backend loaded in its own process, driven by JSON lines: only one of them computes at a time."""

    def __init__(self, name: str, spec_path: Path, beams: int):
        self.name, self.beams = name, beams
        started = time.perf_counter()
        self._stderr = tempfile.TemporaryFile(mode="w+")  # a file, not a pipe: a chatty worker never blocks
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--spec", str(spec_path),
                   "--beams", str(beams)]
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self._stderr, text=True, env=_worker_env())
        self.ready = self._read()
        _count_stage(f"{name} beam{beams} start", started)

    def ask(self, **command) -> dict:
        started = time.perf_counter()
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()
        answer = self._read()
        _count_stage(f"{self.name} beam{self.beams} {command['op']}", started)
        return answer

    def _read(self) -> dict:
        for line in self._process.stdout:
            if line.startswith(REPLY):
                return json.loads(line[len(REPLY):])
        self._process.wait()
        self._stderr.seek(0)
        raise SystemExit(f"worker {self.name} failed:\n{self._stderr.read()[-3000:]}")

    def close(self) -> None:
        if self._process.poll() is None:  # interrupted: never leave a worker running
            self._process.kill()
            self._process.wait()
        self._stderr.close()


def measure(spec_path: Path, spec: dict, backends: list[str]) -> dict[str, dict]:
    """Each beam setting in turn, every backend in a fresh process of its own for it (as a worker runs one
    setting), measured in interleaved rounds so that the machine's drift (this VM's speed swings by tens of
    percent over minutes) hits the baseline and every backend alike. Each round the baseline translates one
    length-stratified slice of the sentences and each other backend the whole set (for its first `passes` rounds);
    a backend's rate is its tokens over its seconds summed over the rounds. Greedy also runs the runaway check,
    beam 4 the briefs and the item latency; each process reports its peak RSS last."""
    results: dict[str, dict] = {name: {} for name in backends}
    for beams in BEAMS:
        workers: dict[str, Worker] = {}
        try:
            for name in backends:  # loaded one after another: each cold load is timed alone
                workers[name] = Worker(name, spec_path, beams)
                results[name].setdefault("load_s", workers[name].ready["load_s"])
                print(f"  {name} (beam {beams}) loaded in {workers[name].ready['load_s']:.2f} s", file=sys.stderr)
            _measure_beam(workers, spec, beams, results)
        finally:
            for worker in workers.values():
                worker.close()
    for result in results.values():
        result["peak_rss_mb"] = max(result[f"beam{b}"]["peak_rss_mb"] for b in BEAMS)
    return results


def _measure_beam(workers: dict[str, Worker], spec: dict, beams: int, results: dict) -> None:
    rounds, passes = spec["rounds"], spec["passes"]
    tokens = workers["baseline"].ready["output_tokens"]
    by_length = sorted(range(len(tokens)), key=tokens.__getitem__)
    for worker in workers.values():
        worker.ask(op="warm", beams=beams)
    runs = {name: [] for name in workers}
    for round_ in range(rounds):
        for name, worker in workers.items():
            if name == "baseline":
                indices = sorted(by_length[round_::rounds])
            elif round_ < passes.get(name, rounds):
                indices = list(range(len(tokens)))
            else:
                continue
            seconds = worker.ask(op="run", beams=beams, indices=indices)["seconds"]
            runs[name].append((sum(tokens[i] for i in indices), len(indices), seconds))
    for name, done in runs.items():
        seconds = sum(run[2] for run in done)
        results[name][f"beam{beams}"] = {
            "seconds": seconds, "tokens_per_s": sum(run[0] for run in done) / seconds,
            "sentences_per_s": sum(run[1] for run in done) / seconds,
            "round_tokens_per_s": [run[0] / run[2] for run in done],
        }
    if beams == 1:
        results[DEFAULT_BACKEND]["runaway"] = measure_runaway(workers, tokens)
    else:
        results[DEFAULT_BACKEND]["briefs"] = measure_briefs(workers[DEFAULT_BACKEND], sum(tokens), rounds=2)
        for name, worker in workers.items():
            results[name]["item_latency_s"] = [worker.ask(op="item")["seconds"]
                                               for _ in range(spec["latency_repeats"].get(name, 0))]
    for name, worker in workers.items():
        results[name][f"beam{beams}"]["peak_rss_mb"] = worker.ask(op="finish")["peak_rss_mb"]


def summarise(results: dict[str, dict], default: str) -> list[dict]:
    base = results["baseline"]
    rows = []
    for name, r in results.items():
        if name in ("gemm", "worker"):
            continue
        latency = sorted(r["item_latency_s"])
        rows.append({
            "backend": name, "load_s": round(r["load_s"], 2), "peak_rss_mb": round(r["peak_rss_mb"]),
            **{f"peak_rss_mb_beam{b}": round(r[f"beam{b}"]["peak_rss_mb"]) for b in BEAMS},
            **{f"tok_s_beam{b}": round(r[f"beam{b}"]["tokens_per_s"], 1) for b in BEAMS},
            **{f"sent_s_beam{b}": round(r[f"beam{b}"]["sentences_per_s"], 2) for b in BEAMS},
            **{f"speedup_beam{b}": round(r[f"beam{b}"]["tokens_per_s"] / base[f"beam{b}"]["tokens_per_s"], 2)
               for b in BEAMS},
            "item_p50_s": round(statistics.median(latency), 2) if latency else None,
            "item_p95_s": round(_p95(latency), 2) if latency else None,
            "default": name == default,
        })
    return rows


def _p95(values: list[float]) -> float:
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def markdown_table(rows: list[dict]) -> str:
    head = ("| backend | tokens/s greedy | tokens/s beam 4 | sentences/s greedy | sentences/s beam 4 | "
            "speedup greedy | speedup beam 4 | 600-word item p50 / p95 (beam 4) | load | peak RSS |")
    lines = [head, "|" + "---|" * 10]
    for r in rows:
        latency = f"{r['item_p50_s']} s / {r['item_p95_s']} s" if r["item_p50_s"] is not None else "-"
        name = f"**{r['backend']}** (default)" if r["default"] else r["backend"]
        lines.append(
            f"| {name} | {r['tok_s_beam1']} | {r['tok_s_beam4']} | {r['sent_s_beam1']} | {r['sent_s_beam4']} | "
            f"{r['speedup_beam1']}x | {r['speedup_beam4']}x | {latency} | {r['load_s']} s | {r['peak_rss_mb']} MB |"
        )
    return "\n".join(lines)


def chart(rows: list[dict], path: Path, title: str) -> None:
    """Draw the chart when matplotlib (the `bench` extra) is installed; say so otherwise."""
    try:
        import matplotlib
    except ImportError:
        print(f"no chart: matplotlib is not installed (pip install -e '.[bench]'); {path} not written",
              file=sys.stderr)
        return

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r["backend"] for r in rows]
    fig, ax = plt.subplots(figsize=(8, 4.2))
    width = 0.38
    for offset, beams in ((-width / 2, 1), (width / 2, 4)):
        values = [r[f"tok_s_beam{beams}"] for r in rows]
        bars = ax.bar([i + offset for i in range(len(rows))], values, width,
                      label="greedy" if beams == 1 else "beam 4")
        ax.bar_label(bars, labels=[f"{v:.0f}" for v in values], fontsize=8)
    ax.set_xticks(range(len(rows)), names, rotation=20, ha="right")  # six backends: long names would overlap
    ax.set_ylabel("output tokens / s")
    ax.set_title(title, fontsize=10)
    ax.legend()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def prepare(args) -> tuple[dict, list[str]]:
    from babelwire.translation.engines.ctranslate2 import MarianVocab, ensure_converted

    model_dir = _models.build()
    ensure_converted(model_dir, "int8")  # once; the timed loads read the cached conversion
    vocab = MarianVocab(model_dir)
    sentences = workload()
    lengths = [len(vocab.encode(s)) for s in sentences]
    if args.quick:
        sentences = stratified(sentences, lengths, QUICK_SENTENCES)
    # The default backend first, next to the baseline, so their rounds alternate closely.
    # transformers-engine next to transformers: the hand-written batches and the product's alternate closely.
    backends = ["ctranslate2", "baseline", ONE_TRANSLATOR, "ctranslate2-unguarded", "transformers",
                "transformers-engine"] + ([] if args.quick else ["transformers-int8"])
    # --quick keeps to what its targets need: the default backend's item latency, not the transformers rows' (about
    # 13 s a run each at beam 4, over a minute with the machine shared).
    repeats = {"ctranslate2": 3 if args.quick else 7, "ctranslate2-unguarded": 0, "transformers": 0 if args.quick else 3,
               "transformers-engine": 0 if args.quick else 3, "transformers-int8": 3, "baseline": 0 if args.quick else 1}
    rounds = 3 if args.quick else 5
    # The transformers rows translate the whole set in the first round only, side by side (their comparison with
    # each other, engine_batching, sees the same moment of the machine); every round was 3x the time of the slowest
    # stage of --quick (beam 4: 3.5 minutes of a 13-minute run on a shared machine) for rows no target reads.
    batched = 1
    spec = {"model_dir": str(model_dir), "sentences": sentences, "item": item_sentences(),
            "latency_repeats": repeats, "rounds": rounds,
            "passes": {"transformers": batched, "transformers-engine": batched, "transformers-int8": 1},
            "mean_source_tokens": statistics.mean(lengths),
            "item_words": sum(len(s.split()) for s in item_sentences())}
    return spec, backends


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SENTENCES} sentences, fewer repeats (about 9 min on 2 cores with the worker stage)")
    parser.add_argument("--results", type=Path, default=HERE / "results")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--spec", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--beams", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        spec = json.loads(args.spec.read_text(encoding="utf-8"))
        if args.worker == "gemm":
            print(json.dumps(run_gemm()))
        else:
            serve(args.worker, spec, args.beams)
        return 0
    return orchestrate(args)


def orchestrate(args) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # run the workers' cleanup on `timeout`/kill
    started = time.perf_counter()
    spec, backends = prepare(args)
    _count_stage("prepare", started)
    args.results.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix="babelwire-bench-", suffix=".json")  # CoNLL text: never in the repo
    os.close(handle)
    spec_path = Path(name)
    spec_path.write_text(json.dumps(spec), encoding="utf-8")
    print(f"{len(spec['sentences'])} sentences, {len(spec['item'])}-sentence item of {spec['item_words']} words, "
          f"{_cores()} cores, load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    try:
        since = time.perf_counter()
        gemm = spawn("gemm", spec_path)
        _count_stage("gemm probe", since)
        results = measure(spec_path, spec, backends)
    finally:
        spec_path.unlink(missing_ok=True)
    for name, result in results.items():
        print(f"  {name}: {json.dumps(result)[:300]}", file=sys.stderr)
    print(f"  worker stage: a uk + de worker, {WORKER_ITEMS} items on the embedded broker", file=sys.stderr)
    since = time.perf_counter()
    worker = worker_memory.measure(worker_memory.model_dirs(), workload(), WORKER_ITEMS)
    _count_stage("worker stage", since)
    print(f"  worker: {json.dumps(worker)}", file=sys.stderr)
    return report(args, spec, {"gemm": gemm, "worker": worker, **results}, time.perf_counter() - started)


def per_round_speedups(results: dict, beams: int) -> list[float]:
    """Each round's default-backend rate over the baseline's in the same round: how far the noise reaches."""
    default, baseline = (results[name][f"beam{beams}"]["round_tokens_per_s"] for name in (DEFAULT_BACKEND, "baseline"))
    return [round(ours / theirs, 1) for ours, theirs in zip(default, baseline)]


def report(args, spec, results, elapsed: float) -> int:
    rows = summarise(results, DEFAULT_BACKEND)
    config = json.loads((Path(spec["model_dir"]) / "config.json").read_text())
    flops = flops_per_greedy_token(config)
    gemm = results["gemm"]["fp32_gflops"]
    best = max(gemm.values())
    int8_gemm = results["gemm"].get("int8_gops", {})
    best_int8 = max(int8_gemm.values(), default=0)
    default = next(r for r in rows if r["default"])
    mode = "quick" if args.quick else "full"
    title = (f"OPUS-MT en-uk architecture, random weights, {len(spec['sentences'])} news sentences, "
             f"{_cores()} CPU cores ({mode})")
    print(markdown_table(rows))
    print(f"\nArithmetic bound: {flops / 1e6:.0f} MFLOP per greedy token; fp32 GEMM "
          + ", ".join(f"{k} {v:.0f} GFLOP/s" for k, v in gemm.items())
          + f" -> at most {best * 1e9 / flops:.0f} greedy tokens/s in fp32 if only GEMMs counted"
          + (f"; int8 GEMM up to {best_int8:.0f} GOP/s -> {best_int8 * 1e9 / flops:.0f} in int8." if best_int8 else "."))
    summary = {
        "mode": mode, "default_backend": DEFAULT_BACKEND, "sentences": len(spec["sentences"]),
        "mean_source_tokens_200": round(spec["mean_source_tokens"], 1), "item_words": spec["item_words"],
        "speedup_greedy": default["speedup_beam1"], "speedup_beam4": default["speedup_beam4"],
        "briefs_beam4": {key: round(value, 2) for key, value in results[DEFAULT_BACKEND]["briefs"].items()},
        "decode_guard": decode_guard(results, rows),
        **({"engine_batching": engine_batching(results)} if ENGINE_PAIR <= results.keys() else {}),
        "peak_rss_mb": default["peak_rss_mb"], "load_s": default["load_s"],
        "worker_rss_steady_mb": results["worker"]["worker_rss_steady_mb"],
        "worker_rss_peak_mb": results["worker"]["worker_rss_peak_mb"], "worker_stage": results["worker"],
        "int8_bound_tokens_per_s": round(best_int8 * 1e9 / flops) if best_int8 else None,
        "int8_bound_fraction_greedy": round(default["tok_s_beam1"] / (best_int8 * 1e9 / flops), 3) if best_int8 else None,
        "tokens_per_s_greedy": default["tok_s_beam1"], "tokens_per_s_beam4": default["tok_s_beam4"],
        "speedup_per_round": {"greedy": per_round_speedups(results, 1), "beam4": per_round_speedups(results, 4)},
        **({"two_translators_over_one": {f"beam{b}": round(results[DEFAULT_BACKEND][f"beam{b}"]["tokens_per_s"]
                                                           / results[ONE_TRANSLATOR][f"beam{b}"]["tokens_per_s"], 2)
                                         for b in BEAMS}} if ONE_TRANSLATOR in results else {}),
        "baseline_tokens_per_s": {"greedy": round(results["baseline"]["beam1"]["tokens_per_s"], 1),
                                  "beam4": round(results["baseline"]["beam4"]["tokens_per_s"], 1)},
        "mflop_per_greedy_token": round(flops / 1e6, 1), "fp32_gemm_gflops": {k: round(v) for k, v in gemm.items()},
        "int8_gemm_gops": {k: round(v) for k, v in int8_gemm.items()},
        "int8_gemm_gops_by_kernel": {kernel: {k: round(v) for k, v in rates.items()}
                                     for kernel, rates in results["gemm"].get("int8_gops_by_kernel", {}).items()},
        "rows": rows, "elapsed_s": round(elapsed, 1),
        "stage_seconds": {stage: round(spent, 1) for stage, spent in sorted(STAGE_SECONDS.items(), key=lambda kv: -kv[1])}, "load_average_1m": round(os.getloadavg()[0], 2),
    }
    # The measured results first: a missing chart library must never lose them.
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "throughput.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    chart(rows, args.results / "throughput.png", title)
    print(json.dumps({k: v for k, v in summary.items() if k != "rows"}))
    return 0


ENGINE_PAIR = {"transformers-engine", "transformers"}


def engine_batching(results: dict) -> dict:
    """babelwire's transformers engine (the product's batching) over the hand-written 32-sentence batches, both
    fp32 transformers with forced lengths: tokens/s ratios in the same run, overall and per round."""
    ratios = {}
    for b in BEAMS:
        ours, theirs = (results[name][f"beam{b}"] for name in ("transformers-engine", "transformers"))
        ratios[f"beam{b}_ratio"] = round(ours["tokens_per_s"] / theirs["tokens_per_s"], 2)
        ratios[f"beam{b}_per_round"] = [round(a / t, 2) for a, t in zip(ours["round_tokens_per_s"],
                                                                         theirs["round_tokens_per_s"])]
    return ratios


def decode_guard(results: dict, rows: list[dict]) -> dict:
    """What the guard does to throughput: sentences that end (forced lengths; the guard only regroups batches)
    as the guarded engine's tokens/s over the unguarded one's in the same run, and sentences that never end."""
    by_name = {r["backend"]: r for r in rows}
    guarded, unguarded = by_name["ctranslate2"], by_name["ctranslate2-unguarded"]
    return {**{f"ending_beam{b}_ratio": round(guarded[f"tok_s_beam{b}"] / unguarded[f"tok_s_beam{b}"], 2) for b in BEAMS},
            "runaway_greedy": results[DEFAULT_BACKEND]["runaway"]}


if __name__ == "__main__":
    sys.exit(main())
