"""Installing babelwire prints no setuptools deprecation warnings; the wheel holds every module and data file of
the three folders under the one `babelwire` namespace (IPTC's ninjs schemas with their licence among them), and
nothing at the top level that another distribution could also install."""

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
    schemas = {f"babelwire/queues/ninjs/schemas/{name}" for name in (
        "ninjs-schema_1.6.json", "ninjs-schema_2.2.json", "ninjs-schema_3.1.json", "LICENSE")}
    assert schemas <= names, sorted(schemas - names)
    shipped = {f"babelwire/{path}" for path in _tracked_files_of_the_packages()}
    assert shipped <= names, sorted(shipped - names)  # a new folder not listed in pyproject's packages
    assert {name.split("/")[0] for name in names} == {"babelwire", f"babelwire-{_version()}.dist-info"}


def test_the_code_imports_itself_only_under_the_babelwire_namespace():
    """A bare `import translation` would resolve to this checkout in the tests but to another distribution (or
    nothing) once installed."""
    bare = subprocess.run(["git", "grep", "-nE", r"^\s*(from|import) (translation|queues|worker)\b", "--",
                           "*.py"], cwd=REPO, capture_output=True, text=True)
    assert bare.stdout == ""


def _tracked_files_of_the_packages() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "translation", "queues", "worker"], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.split()
    return [path for path in listed if not path.endswith("__pycache__")]


def _version() -> str:
    import tomllib

    return tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
