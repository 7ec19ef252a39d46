"""Issue 14 item 11: scripts/container-check says what it needs before it installs or starts anything."""

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def harmless_path(directory):
    """A PATH with only the tools the script needs before its first check: should that check ever move, the
    script fails for want of `id`, `apt-get` or `dockerd` instead of installing or starting anything."""
    directory.mkdir()
    for tool in ("dirname", "date", "ls", "head"):
        (directory / tool).symlink_to(shutil.which(tool))
    return str(directory)


def test_container_check_without_the_dev_venv_says_to_run_setup_dev_first(tmp_path):
    (tmp_path / "scripts").mkdir()
    script = shutil.copy(REPO / "scripts" / "container-check", tmp_path / "scripts" / "container-check")
    result = subprocess.run([shutil.which("bash"), script], capture_output=True, text=True, timeout=60,
                            env={"PATH": harmless_path(tmp_path / "bin"), "BABELWIRE_CHECK_WORK": str(tmp_path / "work")})
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip() == "container-check: no .venv/bin/python: run scripts/setup-dev first"
    assert result.stdout == "" and not (tmp_path / "work").exists(), "nothing may happen before the check"


def test_container_check_uses_a_vhost_of_its_own():
    script = (REPO / "scripts" / "container-check").read_text()
    assert "5672//" not in script, "the default vhost holds copies of earlier runs"
    assert 'add_vhost "$VHOST"' in script and 'delete_vhost "$VHOST"' in script
