"""The `gpu` extra's CUDA 12 libraries: found in NVIDIA's pip packages and loaded before CTranslate2 is imported.

No GPU here: a fake package layout (nvidia/cublas/lib, nvidia/cuda_nvrtc/lib, namespace packages as NVIDIA ships
them) holds small shared libraries with the real sonames, built with the C compiler where there is one.
"""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from babelwire.translation.engines.cuda_libraries import LIBRARIES, library_paths

ROOT = Path(__file__).resolve().parents[1]
SONAMES = [name for _, name in LIBRARIES]


def _layout(root: Path, write) -> Path:
    """site-packages-like `root` with nvidia/<package>/lib/<library> for every library; no __init__.py anywhere."""
    for package, name in LIBRARIES:
        folder = root.joinpath(*package.split("."), "lib")
        folder.mkdir(parents=True, exist_ok=True)
        write(folder / name)
    return root


@pytest.fixture
def on_path(monkeypatch):
    """Put a fake site-packages first on sys.path for the test; no `nvidia` module survives it."""
    def put(root: Path) -> Path:
        monkeypatch.syspath_prepend(str(root))
        importlib.invalidate_caches()
        return root

    yield put
    for module in [m for m in sys.modules if m == "nvidia" or m.startswith("nvidia.")]:
        del sys.modules[module]


def test_libraries_are_found_in_namespace_packages_in_load_order(tmp_path, on_path):
    root = on_path(_layout(tmp_path, lambda path: path.write_bytes(b"")))
    found = library_paths()
    assert [path.name for path in found] == SONAMES  # libcublasLt before libcublas, which needs it
    assert found[0].parent == root / "nvidia" / "cublas" / "lib"


def test_nothing_installed_nothing_found():
    assert library_paths(lambda name: None) == []


def test_a_package_without_its_library_is_skipped(tmp_path, on_path):
    root = on_path(_layout(tmp_path, lambda path: path.write_bytes(b"")))
    (root / "nvidia" / "cuda_nvrtc" / "lib" / "libnvrtc.so.12").unlink()
    assert [path.name for path in library_paths()] == SONAMES[:2]


@pytest.fixture
def compiled_layout(tmp_path) -> Path:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build stand-in shared libraries")
    source = tmp_path / "stub.c"
    source.write_text("int babelwire_stub(void) { return 12; }\n")

    def build(path: Path) -> None:
        subprocess.run([compiler, "-shared", "-fPIC", f"-Wl,-soname,{path.name}", "-o", str(path), str(source)],
                       check=True, capture_output=True)

    return _layout(tmp_path / "site", build)


PROBE = """
import ctypes, json, sys
calls = []
real_cdll = ctypes.CDLL
def recording(name, *args, **kwargs):
    calls.append([str(name), "ctranslate2" in sys.modules])
    return real_cdll(name, *args, **kwargs)
ctypes.CDLL = recording
from babelwire.translation.engines import ctranslate2 as engine
available = engine.is_available("cpu")
maps = open("/proc/self/maps").read()
by_soname = [bool(real_cdll(name, mode=ctypes.RTLD_GLOBAL | 4)) for name in {sonames}]  # RTLD_NOLOAD: already there?
print(json.dumps({{"calls": calls, "available": available, "imported": "ctranslate2" in sys.modules,
                  "mapped": [name for name in {sonames} if name in maps], "by_soname": by_soname}}))
"""


def test_the_engine_loads_them_before_importing_ctranslate2_and_a_soname_lookup_finds_them(compiled_layout):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(compiled_layout)]))
    done = subprocess.run([sys.executable, "-c", PROBE.format(sonames=SONAMES)], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    ours = [call for call in report["calls"] if str(compiled_layout) in call[0]]
    assert [Path(name).name for name, _ in ours] == SONAMES
    assert not any(imported for _, imported in ours)  # every one before `import ctranslate2`
    assert report["available"] and report["imported"]
    assert report["mapped"] == SONAMES
    # CTranslate2 opens "libcublas.so.12" by name at its first GPU kernel: the loaded library answers it.
    assert report["by_soname"] == [True, True, True]
