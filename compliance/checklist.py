"""The completeness checklist, read from versioned TOML files in compliance/checklists/.

Announcement 3.3: webmasters check the site against the Government Website Standard, the
Official Information Act (sections 7 and 9 and the Commission's additions) and, in practice,
the ITA open-data indicators. The lists are data, not code: a new fiscal year's ITA list is a
new file (ita-2570.toml), and a wrong file is refused on load with its name and entry.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from chiangkhian.models import pick_language

CHECKLIST_DIR = Path(__file__).resolve().parent / "checklists"

GWS, OIA, ITA = "GWS", "OIA", "ITA"
SOURCES = (GWS, OIA, ITA)
ONCE, ON_CHANGE, ANNUAL, QUARTERLY, MONTHLY = "once", "on_change", "annual", "quarterly", "monthly"
PREVIOUS_YEAR = "previous_year"
FRESHNESS = (ONCE, ON_CHANGE, ANNUAL, PREVIOUS_YEAR, QUARTERLY, MONTHLY)
# The length of the data period (data_from to data_to, in days, both included) that makes a
# report "monthly", "six-monthly", ...: calendar periods, with a few days' slack.
PERIODS = {
    "month": (28, 31),
    "quarter": (88, 93),
    "half_year": (180, 185),
    "year": (363, 367),
    "several_years": (700, 4000),
}
CONFIDENCE = ("V", "P", "I")
SOURCE_LABELS = {
    GWS: _("Government Website Standard"),
    OIA: _("Official Information Act"),
    ITA: _("ITA open-data indicators (OIT)"),
}
FRESHNESS_LABELS = {
    ONCE: _("once"),
    ON_CHANGE: _("on change"),
    ANNUAL: _("every fiscal year"),
    PREVIOUS_YEAR: _("the previous or the current fiscal year"),
    QUARTERLY: _("every quarter"),
    MONTHLY: _("every month"),
}
CONFIDENCE_LABELS = {
    "V": _("verified in a source"),
    "P": _("partly verified"),
    "I": _("inferred, not verified"),
}
SLUG = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)?$")

HEADER_REQUIRED = {"source", "version", "title_th", "title_en", "document", "citations"}
HEADER_OPTIONAL = {"fiscal_year", "confidence", "note"}
ENTRY_REQUIRED = {"code", "name_th", "name_en", "document", "citations", "confidence", "freshness"}
# The structural rules: where an item is published and what its typed fields hold. Each rule
# that names a typed detail also fixes the item's kind.
STRUCTURAL = {
    "satisfied_by",  # "category" or "category/subcategory" listings
    "kinds",  # Item.kind
    "link_types",  # LinkDetail.link_type
    "news_kinds",  # NewsDetail.news_kind
    "manual_types",  # ManualDetail.manual_type
    "procurement_stages",  # ProcurementDetail.stage
    "people",  # "any" or "complete": Person rows (complete: name, position, photo, contact)
    "person_position_any",  # a Person whose position names the role (the CIO)
    "period",  # length of the data period (PERIODS)
    "each_subcategory",  # every listing of satisfied_by needs its own item
    "features",  # site features that must all be present (compliance/features.py)
    "or_features",  # site features any of which satisfies the entry on its own
}
ENTRY_OPTIONAL = {"v2", "fiscal_year", "note"} | STRUCTURAL
PEOPLE = ("any", "complete")


class ChecklistError(ValueError):
    """A checklist file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    """One requirement: what must be on the site, where it is published, how fresh it must be."""

    code: str
    name_th: str
    name_en: str
    source: str
    document: str
    citations: tuple[str, ...]
    confidence: str
    satisfied_by: tuple[str, ...]
    freshness: str
    fiscal_year: int | None = None
    v2: str = ""
    kinds: tuple[str, ...] = ()
    link_types: tuple[str, ...] = ()
    news_kinds: tuple[str, ...] = ()
    manual_types: tuple[str, ...] = ()
    procurement_stages: tuple[str, ...] = ()
    people: str = ""
    person_position_any: tuple[str, ...] = ()
    period: str = ""
    each_subcategory: bool = False
    features: tuple[str, ...] = ()
    or_features: tuple[str, ...] = ()
    note: str = ""

    @property
    def name(self):
        return pick_language(self.name_th, self.name_en)

    @property
    def short_code(self):
        """O1 for ITA69-O1: the year prefix only keeps codes unique across files."""
        return self.code.split("-", 1)[1] if self.source == ITA else self.code

    @property
    def freshness_label(self):
        return FRESHNESS_LABELS[self.freshness]

    @property
    def confidence_label(self):
        return CONFIDENCE_LABELS[self.confidence]

    @property
    def source_label(self):
        return SOURCE_LABELS[self.source]

    def matches(self, item):
        """Whether a live item of one of this entry's listings has the structure it asks for.

        `item` comes from compliance.status, which loads the typed details with it and
        annotates the facts about its people (has_people, has_incomplete_person,
        position_words).
        """
        if self.kinds and item.kind not in self.kinds:
            return False
        detail = item.detail if self._detail_rules else None
        for field_name, allowed in self._detail_rules:
            if detail is None or getattr(detail, field_name) not in allowed:
                return False
        if self.people or self.person_position_any:
            if not getattr(item, "has_people", False):
                return False
            if self.people == "complete" and getattr(item, "has_incomplete_person", True):
                return False
            words = getattr(item, "position_words", set())
            if self.person_position_any and not words & set(self.person_position_any):
                return False
        return not self.period or _period_fits(item, PERIODS[self.period])

    @property
    def _detail_rules(self):
        rules = [
            ("link_type", self.link_types),
            ("news_kind", self.news_kinds),
            ("manual_type", self.manual_types),
            ("stage", self.procurement_stages),
        ]
        return [(name, allowed) for name, allowed in rules if allowed]


@dataclass(frozen=True)
class Checklist:
    """One file: a source document (and, for ITA, a fiscal year) with its entries."""

    path: Path
    source: str
    version: str
    title_th: str
    title_en: str
    document: str
    citations: tuple[str, ...]
    fiscal_year: int | None
    note: str
    entries: tuple[Entry, ...] = field(default=())

    @property
    def title(self):
        return pick_language(self.title_th, self.title_en)


def _period_fits(item, bounds):
    if not (item.data_from and item.data_to):
        return False
    days = (item.data_to - item.data_from).days + 1
    return bounds[0] <= days <= bounds[1]


def load_file(path):
    """Read and validate one checklist file; raise ChecklistError naming the file and entry."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ChecklistError(f"{_name(path)}: cannot be read as TOML: {error}") from error
    header = data.get("checklist")
    if not isinstance(header, dict):
        raise ChecklistError(f"{_name(path)}: the [checklist] table is missing.")
    unknown = set(data) - {"checklist", "entry"}
    if unknown:
        raise ChecklistError(f"{_name(path)}: unknown top-level key(s) {sorted(unknown)}.")
    checklist = _header(path, header)
    raw_entries = data.get("entry")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ChecklistError(f"{_name(path)}: no [[entry]] tables.")
    entries = [_entry(path, checklist, index, raw) for index, raw in enumerate(raw_entries, 1)]
    codes = [entry.code for entry in entries]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise ChecklistError(f"{_name(path)}: duplicate entry code(s) {duplicates}.")
    return Checklist(**{**checklist.__dict__, "entries": tuple(entries)})


def load_all(directory=CHECKLIST_DIR):
    """Every *.toml file of the directory, validated, codes unique across files."""
    return list(_load_all(str(directory)))


@lru_cache(maxsize=4)
def _load_all(directory):
    checklists = [load_file(path) for path in sorted(Path(directory).glob("*.toml"))]
    seen = {}
    for checklist in checklists:
        for entry in checklist.entries:
            if entry.code in seen:
                raise ChecklistError(
                    f"{_name(checklist.path)}, entry {entry.code}: the code is also used in "
                    f"{_name(seen[entry.code])}."
                )
            seen[entry.code] = checklist.path
    return tuple(checklists)


def ita_checklist(fiscal_year, directory=CHECKLIST_DIR):
    """The ITA list of that fiscal year, or the latest earlier one (None if there is none)."""
    candidates = [
        checklist
        for checklist in load_all(directory)
        if checklist.source == ITA and checklist.fiscal_year <= fiscal_year
    ]
    return max(candidates, key=lambda checklist: checklist.fiscal_year, default=None)


def current_checklists(fiscal_year, directory=CHECKLIST_DIR):
    """What the site is checked against in a fiscal year: GWS, OIA and that year's ITA list."""
    checklists = [c for c in load_all(directory) if c.source != ITA]
    ita = ita_checklist(fiscal_year, directory)
    return checklists + ([ita] if ita else [])


def _name(path):
    try:
        return str(path.relative_to(CHECKLIST_DIR.parent.parent))
    except ValueError:
        return str(path)


def _check_keys(where, data, required, optional):
    problems = []
    missing = sorted(required - set(data))
    if missing:
        problems.append(f"missing required key(s) {missing}")
    unknown = sorted(set(data) - required - optional)
    if unknown:
        problems.append(f"unknown key(s) {unknown} (a typo?)")
    if problems:
        raise ChecklistError(f"{where}: {'; '.join(problems)}.")


def _text(where, data, key, *, required=True):
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ChecklistError(f"{where}: {key} must be a non-empty string.")
    return value.strip()


def _texts(where, data, key, *, required=False):
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ChecklistError(f"{where}: {key} must be a list of non-empty strings.")
    if required and not value:
        raise ChecklistError(f"{where}: {key} must list at least one value.")
    return tuple(v.strip() for v in value)


def _choice(where, data, key, choices):
    value = data.get(key)
    if value not in choices:
        raise ChecklistError(f"{where}: {key} is {value!r}; expected one of {list(choices)}.")
    return value


def _header(path, header):
    where = f"{_name(path)}, [checklist]"
    _check_keys(where, header, HEADER_REQUIRED, HEADER_OPTIONAL)
    source = _choice(where, header, "source", SOURCES)
    fiscal_year = header.get("fiscal_year")
    if source == ITA and not _is_buddhist_year(fiscal_year):
        raise ChecklistError(f"{where}: an ITA list needs fiscal_year (B.E., e.g. 2569).")
    return Checklist(
        path=path,
        source=source,
        version=_text(where, header, "version"),
        title_th=_text(where, header, "title_th"),
        title_en=_text(where, header, "title_en"),
        document=_text(where, header, "document"),
        citations=_texts(where, header, "citations", required=True),
        fiscal_year=fiscal_year if source == ITA else None,
        note=_text(where, header, "note", required=False),
    )


def _entry(path, checklist, index, raw):
    code = raw.get("code") if isinstance(raw, dict) else None
    where = f"{_name(path)}, entry {code or f'#{index}'}"
    if not isinstance(raw, dict):
        raise ChecklistError(f"{where}: must be a table.")
    _check_keys(where, raw, ENTRY_REQUIRED, ENTRY_OPTIONAL)
    satisfied_by = _texts(where, raw, "satisfied_by")
    bad = [slug for slug in satisfied_by if not SLUG.match(slug)]
    if bad:
        raise ChecklistError(f"{where}: satisfied_by {bad} is not 'category' or 'category/sub'.")
    if not satisfied_by and not raw.get("features") and not raw.get("or_features"):
        raise ChecklistError(f"{where}: give satisfied_by (listings) or features (site features).")
    entry = Entry(
        code=_text(where, raw, "code"),
        name_th=_text(where, raw, "name_th"),
        name_en=_text(where, raw, "name_en"),
        source=checklist.source,
        document=_text(where, raw, "document"),
        citations=_texts(where, raw, "citations", required=True),
        confidence=_choice(where, raw, "confidence", CONFIDENCE),
        satisfied_by=satisfied_by,
        freshness=_choice(where, raw, "freshness", FRESHNESS),
        fiscal_year=raw.get("fiscal_year"),
        v2=_text(where, raw, "v2", required=checklist.source == GWS),
        note=_text(where, raw, "note", required=False),
        **_structure(where, raw, satisfied_by),
    )
    if checklist.source == ITA and entry.fiscal_year != checklist.fiscal_year:
        raise ChecklistError(
            f"{where}: fiscal_year must be {checklist.fiscal_year}, the year of this list."
        )
    if checklist.source != ITA and entry.fiscal_year is not None:
        raise ChecklistError(f"{where}: only ITA entries have a fiscal_year.")
    return entry


def _structure(where, raw, satisfied_by):
    """The structural rules of an entry, each value checked against the models' choices."""
    from catalog.models import Item, LinkDetail, ManualDetail, NewsDetail, ProcurementDetail

    from . import features

    typed = {
        "link_types": (LinkDetail.LinkType.values, Item.Kind.LINK),
        "news_kinds": (NewsDetail.NewsKind.values, Item.Kind.NEWS),
        "manual_types": (ManualDetail.ManualType.values, Item.Kind.MANUAL),
        "procurement_stages": (ProcurementDetail.Stage.values, Item.Kind.PROCUREMENT),
        "person_position_any": (None, Item.Kind.PERSON),
    }
    values = {"kinds": _values(where, raw, "kinds", Item.Kind.values)}
    for key, (choices, _kind) in typed.items():
        values[key] = _values(where, raw, key, choices)
    values["features"] = _values(where, raw, "features", features.names())
    values["or_features"] = _values(where, raw, "or_features", features.names())
    if "people" in raw:
        values["people"] = _choice(where, raw, "people", PEOPLE)
    if "period" in raw:
        values["period"] = _choice(where, raw, "period", tuple(PERIODS))
    if "each_subcategory" in raw:
        if not isinstance(raw["each_subcategory"], bool):
            raise ChecklistError(f"{where}: each_subcategory must be true or false.")
        values["each_subcategory"] = raw["each_subcategory"]
    # A rule on a typed detail fixes the kind of content; it must agree with `kinds`.
    implied = {kind for key, (_c, kind) in typed.items() if values[key]}
    if values.get("people"):
        implied.add(Item.Kind.PERSON)
    if len(implied) > 1 or (implied and values["kinds"] and not implied <= set(values["kinds"])):
        raise ChecklistError(
            f"{where}: the typed rules need kinds {sorted(str(k) for k in implied)}, which "
            "does not agree "
            f"with kinds {list(values['kinds'])}."
        )
    if implied and not values["kinds"]:
        values["kinds"] = tuple(str(kind) for kind in implied)
    item_rules = [key for key in STRUCTURAL - {"satisfied_by", "features", "or_features"}]
    if not satisfied_by and any(raw.get(key) for key in item_rules):
        raise ChecklistError(f"{where}: item rules without satisfied_by listings.")
    return values


def _values(where, raw, key, choices):
    values = _texts(where, raw, key)
    unknown = sorted(set(values) - set(choices)) if choices is not None else []
    if unknown:
        raise ChecklistError(f"{where}: {key} {unknown} are not among {sorted(choices)}.")
    return values


def _is_buddhist_year(value):
    return isinstance(value, int) and not isinstance(value, bool) and 2500 < value < 2700
