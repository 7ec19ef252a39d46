"""What checking items and copies against IPTC's ninjs schemas costs, against decoding the same bytes.

    python benchmarks/ninjs_validation.py [--repeat 20]

For IPTC's documentation examples (tests/data/ninjs) and for items of about 1 MB (the wire limit) in each
version, times per item, median of --repeat runs, in the same process: `json.loads` of the body (the baseline),
`decode_wire_item` (the safe JSON checks, version detection, schema check of the item), version detection alone
(for an item that does not state its version it validates against up to three schemas), the schema check alone,
and building an untranslated copy (which checks the copy against the schema again). Prints one JSON line per item and ratios to
the baseline, so figures compare across machines.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from babelwire.queues import ninjs  # noqa: E402
from babelwire.queues.copies import untranslated_copy  # noqa: E402
from babelwire.queues.messages import decode_wire_item  # noqa: E402

PARAGRAPH = "KYIV, Nov 26 - Power returned to most of Kyiv's eastern districts on Wednesday morning, officials said. "


def megabyte_items() -> dict[str, bytes]:
    text = PARAGRAPH * (950_000 // len(PARAGRAPH))
    html = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(900_000 // (len(PARAGRAPH) + 7)))
    one = {"uri": "urn:bench:1", "headline": "Power returns", "body_text": text}
    two = {"uri": "urn:bench:2", "headlines": [{"value": "Power returns"}],
           "bodies": [{"contenttype": "text/html", "value": html}]}
    three = {"uri": "urn:bench:3", "headlines": [{"value": "Power returns"}], "versionCreated": "2026-11-26T07:15:00Z",
             "bodies": [{"contentType": "text/plain", "value": PARAGRAPH} for _ in range(900_000 // 150)]}
    return {name: json.dumps(data).encode() for name, data in
            (("1.x-1MB-body_text", one), ("2.x-1MB-html-body", two), ("3.x-1MB-6000-bodies", three))}


def median_s(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(name: str, body: bytes, repeat: int) -> dict:
    item = decode_wire_item(body)
    parse = median_s(lambda: json.loads(body), repeat)
    decode = median_s(lambda: decode_wire_item(body), repeat)
    detect = median_s(lambda: ninjs.detect_version(item.data), repeat)
    check = median_s(lambda: ninjs.check(item.data, item.version), repeat)
    copy = median_s(lambda: untranslated_copy(item, "uk"), repeat)
    return {"item": name, "bytes": len(body), "version": item.version.schema_version,
            "json_loads_ms": round(parse * 1000, 3), "decode_ms": round(decode * 1000, 3),
            "detect_ms": round(detect * 1000, 3), "check_ms": round(check * 1000, 3), "copy_ms": round(copy * 1000, 3),
            "decode_ratio": round(decode / parse, 1), "copy_ratio": round(copy / parse, 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    bodies = {f"{path.parent.name}/{path.name}": path.read_bytes()
              for path in sorted((ROOT / "tests" / "data" / "ninjs").glob("*/*.json"))}
    bodies.update(megabyte_items())
    for name, body in bodies.items():
        print(json.dumps(measure(name, body, args.repeat)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
