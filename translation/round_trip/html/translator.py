"""MarkupTranslator: translates plain texts and HTML fragments (marked `Html`) in shared engine batches.

    translator = MarkupTranslator(Translator(engine, policy=ProtectionPolicy()))
    [[headline, body]] = translator.translate_documents([(["Headline", Html("<p>Body</p>")], terms)], "uk")

Each HTML fragment is cut into units (see units.py); the units and the alt/title values go through the
Translator with the plain texts, the inline tags protected as do-not-translate terms. Then, per unit,
cheapest first:
  1. the tags came back in the source's order: done;
  2. "tag-order": an element's start and end tags came back the wrong way round: swapped back;
  3. "runs": the text between the tags is translated run by run and put back between the tags, which
     cannot fail (the tags never leave their places).
The whole copy is then checked (see document.is_intact); a copy that fails is made again with every unit
translated run by run, and if even that fails (only a malformed source whose HTML5 repair the parser does not
read back as it read the source can) the text is refused with InvalidHtmlError rather than published with
broken markup.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from babelwire.translation.engines.base import ModelInfo
from babelwire.translation.errors import InvalidHtmlError
from babelwire.translation.round_trip.html import document
from babelwire.translation.round_trip.html.document import Fragment
from babelwire.translation.round_trip.html.units import is_sentinel, sentinel
from babelwire.translation.target_names.people import RenderedName
from babelwire.translation.round_trip.pipeline import SentenceReport, Translation
from babelwire.translation.protection.spans import Span


class Html(str):
    """A text that is an HTML fragment: its markup is kept and only its text translated."""


@dataclass(frozen=True, slots=True)
class HtmlTranslation:
    """An HTML fragment's translation; `repairs` counts what its markup needed: "repaired-source" (the
    source was not well nested and was read as an HTML5 parser reads it), "tag-order", "runs" (units)."""

    language: str
    text: str
    model: ModelInfo | None  # None when the fragment had no text to translate
    spans: tuple[Span, ...]  # offsets into the (repaired) source markup; for text translated run by run, the run's
    sentences: tuple[SentenceReport, ...] = ()
    repairs: dict[str, int] = field(default_factory=dict)
    names: tuple[RenderedName, ...] = ()  # people written in the target's script, offsets into the markup

    @property
    def fallbacks(self) -> int:
        return sum(1 for report in self.sentences if report.fallback is not None) + sum(self.repairs.values())


@dataclass(slots=True)
class _PendingFragment:
    """One HTML text of one document, on its way through the rounds."""

    document: int
    index: int  # of the text in its document
    fragment: Fragment
    reports: list[SentenceReport] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)  # protected spans, offsets into the fragment's markup
    model: ModelInfo | None = None
    repairs: dict[str, int] = field(default_factory=dict)
    runs: set[int] = field(default_factory=set)  # units to translate run by run
    copy: str = ""
    names: list[RenderedName] = field(default_factory=list)

    def took(self, translation: Translation, offset_of) -> None:
        """Record a translation of part of the fragment; `offset_of` maps its offsets to the markup's."""
        self.model = translation.model
        self.reports += translation.sentences
        self.spans += [replace(s, start=offset_of(s.start), end=offset_of(s.end))
                       for s in translation.spans if not is_sentinel(s.text)]
        self.names += [replace(name, start=offset_of(name.start)) for name in translation.names]

    def count(self, repair: str) -> None:
        self.repairs[repair] = self.repairs.get(repair, 0) + 1


class MarkupTranslator:
    """Arguments:
        translator: a Translator (anything with its `translate_documents` and `policy`). Its policy's `quotes`
            decides whether <q> and <blockquote> are kept verbatim: read from the translator, so that the markup
            and the text runs inside it can never follow two policies.
    """

    def __init__(self, translator):
        self._translator = translator
        self._keep_quotes = translator.policy.quotes

    def translate(self, text: str, target: str, terms: Iterable[str] = ()):
        return self.translate_many([text], target, terms)[0]

    def translate_many(self, texts: Sequence[str], target: str, terms: Iterable[str] = ()):
        return self.translate_documents([(texts, terms)], target)[0]

    def translate_documents(self, documents: Sequence[tuple[Sequence[str], Iterable[str]]], target: str) -> list[list]:
        """As Translator.translate_documents; texts that are `Html` come back as HtmlTranslation.

        Raises: as Translator.translate_documents, and InvalidHtmlError for HTML that cannot be kept intact.
        """
        documents = [(list(texts), list(terms)) for texts, terms in documents]
        jobs = {(d, t): _PendingFragment(d, t, self._parsed(text, t))
                for d, (texts, _) in enumerate(documents) for t, text in enumerate(texts) if isinstance(text, Html)}
        plain = self._first_round(documents, jobs, target)
        pending = list(jobs.values())
        while pending:
            self._runs_round(documents, pending, target)
            pending = [job for job in pending if not self._finished(job)]
        return [[_result(jobs[(d, t)], target) if (d, t) in jobs else plain[(d, t)] for t in range(len(texts))]
                for d, (texts, _) in enumerate(documents)]

    def _parsed(self, text: str, index: int) -> Fragment:
        try:
            return document.parse(text, self._keep_quotes)
        except InvalidHtmlError as error:
            raise InvalidHtmlError(str(error), **{**error.fields, "text_index": index}) from None

    def _first_round(self, documents, jobs: dict, target: str) -> dict:
        """Plain texts, units and attribute values of every document in one Translator call; returns the
        translations of the plain texts by (document, text) index."""
        requests = []
        for d, (texts, terms) in enumerate(documents):
            pieces, marks = [], 0
            for t, text in enumerate(texts):
                job = jobs.get((d, t))
                if job is None:
                    pieces.append(text)
                    continue
                units = job.fragment.units
                job.runs = {n for n, unit in enumerate(units) if unit.runs_only}
                pieces += [unit.text for n, unit in enumerate(units) if n not in job.runs]
                pieces += [attribute.text for attribute in job.fragment.layout.attributes]
                marks = max([marks, *(len(unit.sentinel_parts) for n, unit in enumerate(units) if n not in job.runs)])
            requests.append((pieces, [*terms, *(sentinel(n) for n in range(marks))]))
        answers = self._translator.translate_documents(requests, target) if requests else []
        plain = {}
        for d, (texts, _) in enumerate(documents):
            answer = iter(answers[d])
            for t in range(len(texts)):
                if (d, t) in jobs:
                    self._take_first(jobs[(d, t)], answer)
                else:
                    plain[(d, t)] = next(answer)
        return plain

    def _take_first(self, job: _PendingFragment, answer) -> None:
        fragment = job.fragment
        units = [(number, unit, next(answer)) for number, unit in enumerate(fragment.units) if number not in job.runs]
        values = {}
        for number, attribute in enumerate(fragment.layout.attributes):
            translation = next(answer)
            job.took(translation, lambda offset, start=attribute.value_start: start)
            values[number] = translation.text
        document.set_attribute_values(fragment, values)  # before the units: their tags carry these values
        for number, unit, translation in units:
            job.took(translation, lambda offset, unit=unit: unit.offsets[min(offset, len(unit.offsets) - 1)])
            rendered = document.render_unit(fragment, unit, translation.text)
            if rendered is None:
                job.runs.add(number)
                continue
            fragment.renderings[number], reordered = rendered
            if reordered:
                job.count("tag-order")

    def _runs_round(self, documents, jobs: list[_PendingFragment], target: str) -> None:
        """Translate, run by run, the units of `jobs` that need it, in one Translator call."""
        wanted = []
        requests: dict[int, list[str]] = {}
        for job in jobs:
            for number in sorted(job.runs):
                pieces = [(start, end) for start, end, translate in
                          document.run_pieces(job.fragment, job.fragment.units[number], self._keep_quotes) if translate]
                wanted.append((job, number, pieces))
                requests.setdefault(job.document, []).extend(
                    document.run_text(job.fragment, start, end) for start, end in pieces)
        order = sorted(requests)
        answers = self._translator.translate_documents(
            [(requests[d], documents[d][1]) for d in order], target) if order else []
        answer_of = {d: iter(found) for d, found in zip(order, answers)}
        for job, number, pieces in wanted:
            translated = {}
            for start, end in pieces:
                translation = next(answer_of[job.document])
                job.took(translation, lambda offset, start=start: start)
                translated[(start, end)] = translation.text
            job.fragment.renderings[number] = document.render_runs(job.fragment, job.fragment.units[number], translated)
            job.count("runs")
        for job in jobs:
            job.runs = set()

    def _finished(self, job: _PendingFragment) -> bool:
        """Is the copy intact? If not, every unit will be translated run by run."""
        fragment = job.fragment
        job.copy = document.copy_markup(fragment)
        if document.is_intact(fragment, job.copy):
            return True
        if job.repairs.get("runs", 0) >= len(fragment.units):
            raise InvalidHtmlError(
                "HTML cannot be translated with its markup intact: " + (
                    f"it is not well nested ({fragment.repair_reason}) and an HTML5 parser does not read its own "
                    "repair of it the same way" if fragment.repair_reason else
                    "its copy does not keep the source's elements even with every paragraph translated run by run"),
                text_index=job.index)
        job.repairs.pop("tag-order", None)
        job.repairs.pop("runs", None)
        job.runs = set(range(len(fragment.units)))
        return False


def _result(job: _PendingFragment, target: str) -> HtmlTranslation:
    repairs = dict(job.repairs)
    if job.fragment.repair_reason is not None:
        repairs["repaired-source"] = 1
    spans = sorted(job.spans + job.fragment.layout.quotes, key=lambda s: s.start)
    return HtmlTranslation(target, job.copy, job.model, tuple(spans),
                           tuple(job.reports), repairs, tuple(job.names))
