"""Wire stories as they arrive: a first take, then versions that add paragraphs, correct a figure and rewrite
the headline, each the whole story under the same uri. Written for these tests (no outside source)."""

import json
from pathlib import Path

STORIES = [
    {
        "uri": "urn:test:floods",
        "headline": "Floods cut roads in western Ukraine",
        "final_headline": "Floods in western Ukraine leave two dead, thousands without power",
        "paragraphs": [
            "Heavy rain flooded dozens of villages in the Zakarpattia region on Tuesday, cutting the main road "
            "to the Hungarian border.",
            "Rescue teams evacuated 340 people by boat overnight, the State Emergency Service said.",
            '"The water rose faster than anyone expected," said Olena Kovalenko, a teacher in the village of '
            "Vylok.",
            "Regional governor Myroslav Biletskyi said schools in three districts would stay closed until "
            "Friday.",
            "Two people died when their car was swept off a bridge near Tiachiv, police said.",
            "About 12,000 households were without electricity on Wednesday morning, the grid operator said.",
            "Forecasters expect more rain in the Carpathian mountains over the weekend.",
        ],
        "correction": ("340 people", "430 people"),
    },
    {
        "uri": "urn:test:talks",
        "headline": "Trade ministers meet in Geneva",
        "final_headline": "Trade ministers agree to cut tariffs on farm goods",
        "paragraphs": [
            "Trade ministers from 20 countries met in Geneva on Monday to discuss tariffs on farm goods.",
            "The talks, hosted by the World Trade Organization, are the first in two years.",
            'Kenya\'s trade minister Lee Kinyanjui told reporters "we came here to close a deal, not to talk".',
            "Delegates said a draft text would cut tariffs on wheat and maize by 15 percent over five years.",
            "Farmers' groups in France and Poland protested outside the meeting.",
            "The European Commission said it would publish its assessment of the draft next week.",
            "Ministers are due to sign the agreement on Thursday.",
        ],
        "correction": ("15 percent", "12 percent"),
    },
]
VERSIONS = 5
FIRST_TAKE = 3  # paragraphs in version 1; each later version adds one


def versions(story: dict) -> list[dict]:
    """The story's five versions: paragraphs added one by one, the figure corrected from version 3 on, the
    headline marked UPDATE n and rewritten in the last."""
    items = []
    for version in range(1, VERSIONS + 1):
        paragraphs = story["paragraphs"][: FIRST_TAKE + version - 1]
        if version >= 3:
            wrong, right = story["correction"]
            paragraphs = [paragraph.replace(wrong, right) for paragraph in paragraphs]
        headline = story["final_headline"] if version == VERSIONS else story["headline"]
        if version > 1:
            headline = f"UPDATE {version - 1}-{headline}"
        items.append({"uri": story["uri"], "version": str(version), "language": "en", "type": "text",
                      "headline": headline, "body_text": "\n\n".join(paragraphs)})
    return items


def write_versions(directory: Path, only_final: bool = False) -> list[Path]:
    """Every version of every story as `<slug>-v<n>.json` in `directory` (only the final ones if asked)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for story in STORIES:
        for item in versions(story)[-1:] if only_final else versions(story):
            path = directory / f"{story['uri'].rsplit(':', 1)[1]}-v{item['version']}.json"
            path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
    return paths
