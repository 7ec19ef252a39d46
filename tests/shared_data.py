"""Where the tests find the team's shared material: `../shared` beside the checkout (as in CI).

The seed article is a real wire item; the tests read it in place and never copy it into the project.
"""

from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED_ARTICLE = SHARED / "examples" / "unn-2025-12-06.txt"
