"""benchmarks/throughput.py's report: the measured results are written even where the chart cannot be drawn."""

import json
import sys
from argparse import Namespace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import throughput  # noqa: E402


def _measured(tokens_per_s: float) -> dict:
    beams = {f"beam{b}": {"seconds": 1.0, "tokens_per_s": tokens_per_s / b, "sentences_per_s": 1.0,
                          "round_tokens_per_s": [tokens_per_s / b], "peak_rss_mb": 250.0 + b}
             for b in throughput.BEAMS}
    return {"load_s": 0.5, "peak_rss_mb": 300.0, "item_latency_s": [], **beams}


def _results() -> dict:
    results = {name: _measured(rate) for name, rate in
               (("ctranslate2", 900.0), ("baseline", 40.0), ("ctranslate2-unguarded", 880.0))}
    results["ctranslate2"]["briefs"] = {"speedup": 2.0}
    results["ctranslate2"]["runaway"] = {"sentences": 8, "guarded_s": 1.0, "unguarded_s": 4.0, "retried": 8,
                                         "speedup": 4.0}
    worker = {"worker_rss_steady_mb": 350, "worker_rss_peak_mb": 420, "samples": 100, "items": 200}
    return {"gemm": {"fp32_gflops": {"M1": 20.0}, "int8_gops": {"M32": 400.0}}, "worker": worker, **results}


def test_results_are_written_without_matplotlib(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` raises ImportError
    model_dir = tmp_path / "model"
    model_dir.mkdir()
    (model_dir / "config.json").write_text(json.dumps(
        {"d_model": 512, "decoder_ffn_dim": 2048, "encoder_ffn_dim": 2048, "vocab_size": 60000,
         "decoder_layers": 6, "encoder_layers": 6}))
    spec = {"model_dir": str(model_dir), "sentences": ["a"] * 32, "mean_source_tokens": 20.0, "item_words": 600}
    args = Namespace(quick=True, results=tmp_path / "results")

    assert throughput.report(args, spec, _results(), elapsed=1.0) == 0

    written = json.loads((tmp_path / "results" / "throughput.json").read_text())
    assert written["speedup_greedy"] == 22.5 and written["decode_guard"]["runaway_greedy"]["speedup"] == 4.0
    assert written["decode_guard"]["ending_beam1_ratio"] == round(900 / 880, 2)
    assert not (tmp_path / "results" / "throughput.png").exists()
    captured = capsys.readouterr()
    assert "matplotlib is not installed" in captured.err
    last = json.loads(captured.out.strip().splitlines()[-1])  # the last line is JSON
    assert last["speedup_beam4"] == 22.5
    assert (last["worker_rss_steady_mb"], last["worker_rss_peak_mb"]) == (350, 420)
    # 400 GOP/s over about 142 MFLOP a greedy token: about 2,800 tokens/s at most; 900 reached
    assert last["int8_bound_fraction_greedy"] == round(900 / last["int8_bound_tokens_per_s"], 3)
    assert last["mflop_per_greedy_token"] == 142.2
    assert 0.31 < last["int8_bound_fraction_greedy"] < 0.33
    assert [row["peak_rss_mb_beam4"] for row in written["rows"]] == [254, 254, 254]


def test_engine_batching_is_the_product_engine_over_the_hand_written_batches():
    results = _results()
    results["transformers"] = _measured(200.0)
    results["transformers-engine"] = _measured(250.0)

    ratios = throughput.engine_batching(results)

    assert ratios["beam1_ratio"] == 1.25 and ratios["beam4_ratio"] == 1.25
    assert ratios["beam4_per_round"] == [1.25]


def test_the_int8_bound_takes_the_faster_kernel_per_shape_and_survives_a_missing_one(monkeypatch):
    """torch._int_mm has only a slow fallback on CPUs without VNNI or AMX: the bound must not rest on it alone."""
    rates = {"int_mm": 2.5, "quantized_linear": 240.0}

    def int8_rate(torch, kernel, m, k, n):
        if kernel == "int_mm" and n == 60000:
            raise RuntimeError("no kernel for this shape")
        return rates[kernel]

    monkeypatch.setattr(throughput, "_rate", lambda multiply, *operands, multiply_adds: 100.0)
    monkeypatch.setattr(throughput, "_int8_rate", int8_rate)

    probe = throughput.run_gemm()

    assert probe["int8_gops"] == {"M128_K512_N2048": 240.0, "M32_K512_N60000": 240.0, "M32_K512_N2048": 240.0}
    assert probe["int8_gops_by_kernel"]["int_mm"] == {"M128_K512_N2048": 2.5, "M32_K512_N2048": 2.5}
