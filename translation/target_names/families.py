"""A family named by its surname in the plural ("the Obamas" after "Barack Obama", "the Joneses" after "Tom Jones"):
the Ukrainian reader gets the surname's own plural, declined as the family's (Обами, з Обамами, у Клінтонів), not
the English plural rendered as one person's name ("Обамас", "з Обамасом").

    family_surname(text, start, name, full_names, target) -> Rendering | None

The plural is read only after "the" and only where the text names a person with that surname (`full_names`: each
rendered person's surname -> full name), so "the Democrats", "the Maldives" or "the Lakers" are never families.
"""

from __future__ import annotations

import re

from babelwire.translation.target_names.rendering import Rendering, render_name

_THE_BEFORE = re.compile(r"(?<!\w)[Tt]he\s+$")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")  # "the Joneses", "the Bushes": English adds -es after them


def family_surname(text: str, start: int, name: str, full_names: dict[str, str], target: str) -> Rendering | None:
    """The rendering of the surname (singular, nominative) whose English plural `name`, mentioned at `start` in
    `text`, names a family; None where it names none."""
    if " " in name or not name.endswith("s") or not _THE_BEFORE.search(text[max(0, start - 5) : start]):
        return None
    singular = next((word for word in _singulars(name) if word in full_names), None)
    if singular is None:
        return None
    rendering = render_name(full_names[singular], target)
    return None if rendering is None else Rendering(rendering.text.split()[-1], rendering.source)


def _singulars(name: str) -> list[str]:
    """What `name` may be the English plural of: "Obamas" -> Obama; "Joneses" -> Jonese, Jones."""
    singulars = [name[:-1]]
    if name.endswith("es") and name[:-2].lower().endswith(_SIBILANT_ENDINGS):
        singulars.append(name[:-2])
    return singulars
