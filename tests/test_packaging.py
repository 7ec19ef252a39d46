"""Installing babelwire prints no setuptools deprecation warnings, and the wheel holds the data it reads at run
time (IPTC's ninjs schemas, with their licence)."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_building_the_package_warns_about_nothing(tmp_path):
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, tmp_path / name)
    for package in ("translation", "queues", "worker"):
        shutil.copytree(REPO / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-w", str(tmp_path / "dist"), str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    output = build.stdout + build.stderr
    assert "Warning" not in output and "deprecated" not in output, output
    (wheel,) = (tmp_path / "dist").glob("babelwire-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    schemas = {f"queues/ninjs/schemas/{name}" for name in (
        "ninjs-schema_1.6.json", "ninjs-schema_2.2.json", "ninjs-schema_3.1.json", "LICENSE")}
    assert schemas <= names, sorted(schemas - names)
