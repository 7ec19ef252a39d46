"""Which kinds of span the masker protects. Detection is separate from policy."""

from dataclasses import dataclass, replace

from babelwire.translation.protection.spans import SpanKind


@dataclass(frozen=True, slots=True)
class ProtectionPolicy:
    """Which spans come back verbatim. By default a desk's choice: quotes, people and proper-noun
    organisations are kept, while places, demonyms and institutions described in common words are
    translated (see `babelwire.translation.protection.translated_names`). `strict()` keeps every name, as before."""

    quotes: bool = True
    names: bool = True
    urls: bool = True
    emails: bool = True
    handles: bool = True
    hashtags: bool = True
    numbers: bool = True
    terms: bool = True
    places: bool = False  # places, demonyms and holidays that languages have their own words for
    institutions: bool = False  # institution names built from common words ("Supreme Court")
    # People written in the target's script where it has another (Ukrainian: Cyrillic, declined), except in
    # the targets listed in `people_kept_in`.
    render_people: bool = True
    people_kept_in: frozenset[str] = frozenset()

    @classmethod
    def strict(cls) -> "ProtectionPolicy":
        """Every detected name kept verbatim, places, descriptive institutions and people included."""
        return cls(places=True, institutions=True, render_people=False)

    def renders_people_in(self, target: str | None) -> bool:
        """Whether people may be rendered in `target` (the target must also have rendering data)."""
        return self.render_people and target is not None and target not in self.people_kept_in

    def with_names(self, choice: str) -> "ProtectionPolicy":
        """This policy with a desk's names choice: "render", "keep", or per language "uk=render,ru=keep" (a
        language not named renders). ValueError for anything else."""
        choices = parse_names_choice(choice)
        if "*" in choices:
            return replace(self, render_people=self.render_people and choices["*"] == "render")
        kept = frozenset(language for language, how in choices.items() if how == "keep")
        return replace(self, people_kept_in=self.people_kept_in | kept)

    @classmethod
    def named(cls, name: str) -> "ProtectionPolicy":
        """"desk" (the default) or "strict"; ValueError for anything else."""
        if name not in POLICY_NAMES:
            raise ValueError(f"unknown protection policy {name!r}: use one of {', '.join(POLICY_NAMES)}")
        return cls.strict() if name == "strict" else cls()

    def allows(self, kind: SpanKind) -> bool:
        return getattr(self, _FIELD_OF_KIND[kind])


POLICY_NAMES = ("desk", "strict")
NAMES_CHOICES = ("render", "keep")


def parse_names_choice(choice: str) -> dict[str, str]:
    """"render" / "keep" -> {"*": it}; "uk=keep,ru=render" -> {"uk": "keep", "ru": "render"}."""
    choice = choice.strip()
    if choice in NAMES_CHOICES:
        return {"*": choice}
    pairs = [part.strip().partition("=") for part in choice.split(",") if part.strip()]
    if not pairs or any(not language.strip() or how.strip() not in NAMES_CHOICES or not sep
                        for language, sep, how in pairs):
        raise ValueError(f"unknown names choice {choice!r}: use render, keep, or per language uk=render,ru=keep")
    return {language.strip(): how.strip() for language, _, how in pairs}

_FIELD_OF_KIND = {
    SpanKind.QUOTE: "quotes",
    SpanKind.NAME: "names",
    SpanKind.URL: "urls",
    SpanKind.EMAIL: "emails",
    SpanKind.HANDLE: "handles",
    SpanKind.HASHTAG: "hashtags",
    SpanKind.NUMBER: "numbers",
    SpanKind.TERM: "terms",
}
