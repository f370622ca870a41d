"""What every format of a report reads: the report context and its rows.

Every text in a context is already in the report's language (labels, units,
qualifiers, names, statuses), so that the formats only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pairaid.reports import charts
from pairaid.reports.year import ReportingYear


@dataclass(frozen=True)
class ReportValue:
    """One value as a report shows it (a data value or a total), with where it came from.

    ``shown`` is the value written out with its unit and qualifier ("more than 780
    enterprises", "780余家"). ``note`` is the number of the note that quotes the sentence
    stating it (0: none); ``evidence_url`` the page that shows that sentence (absolute when
    at the site's address, ``PAIRAID_SITE_URL``), None without evidence.
    """

    code: str
    label: str
    subject: str
    value: Decimal
    unit: str
    shown: str
    period: str
    change: Decimal | None = None
    #: why no change is given although last year has a total (it rests on other pairings' figures)
    change_note: str = ""
    qualifier: str = ""
    disaggregation: str = ""
    status: str = ""
    evidence_url: str | None = None
    citation: str = ""
    note: int = 0
    #: of a total: the notes quoting the sentences of the statements it adds (the largest first)
    notes_cited: tuple[int, ...] = ()
    #: ``year`` (a flow of the year), ``as_of`` (a stock at its end), ``cumulative``
    period_kind: str = "year"
    #: of a total: the pairings whose statements it kept or holds, and for each kept statement its pairing
    #: with those above it (empty of an area's own); a part is "of which" only of a whole holding them all
    pairings: frozenset[int] = frozenset()
    reaches: tuple[frozenset[int], ...] = ()

    def holds(self, part: ReportValue) -> bool:
        """Whether every statement ``part`` adds is of a pairing this total's statements are of, or under one."""
        return bool(part.reaches) and all(chain & self.pairings for chain in part.reaches)


@dataclass(frozen=True)
class ActivityRow:
    """A row of the activities table: money in yuan (disbursed and spent in the year), outputs as text."""

    identifier: str
    title: str
    sector: str
    place: str
    money: Decimal
    shown_money: str
    outputs: str
    status: str


@dataclass(frozen=True)
class TableRow:
    """A row of a two-column table (channel, sector, pairing): label, value, shown value, change."""

    key: str
    label: str
    value: Decimal
    shown: str
    change: Decimal | None = None
    #: why no change is given (last year's rests on other pairings' figures, has no row, or is 0)
    change_note: str = ""


@dataclass(frozen=True)
class TreeRow:
    """A pairing of the report's tree: how deep it sits, its name, its level, its name with its level as a list
    writes it (:meth:`pairaid.registry.models.Pairing.name_with_level`), and its aid funds of the year."""

    depth: int
    name: str
    level: str
    shown: str
    named: str = ""
    #: the aid funds in yuan (None: none stated)
    value: Decimal | None = None

    @property
    def indent(self) -> str:
        """Two spaces per level, for a nested Markdown list."""
        return "  " * self.depth


@dataclass(frozen=True)
class SourceRow:
    """A document the report's figures came from: ``address``, where it was published (empty for one
    uploaded without it); ``url``, its page on the site, where its figures are shown in it."""

    id: int
    title: str
    address: str
    url: str

    @property
    def public_address(self) -> str:
        """Where a reader finds the document: where it was published, else its page on the site."""
        return self.address or self.url


@dataclass(frozen=True)
class NoteRow:
    """A note quoting the sentence a figure was read from, so that the evidence survives a printout."""

    number: int
    quote: str
    document: str
    url: str


@dataclass(frozen=True)
class FindingRow:
    """A stored finding of the checks, in the report's language."""

    severity: str
    rule: str
    message: str
    evidence_url: str | None
    citation: str


@dataclass
class ReportContext:
    """What every format of a report reads."""

    title: str
    year: int
    language: str
    labels: dict[str, str]
    is_overview: bool
    headline: list[ReportValue] = field(default_factory=list)
    counting: list[str] = field(default_factory=list)
    narrative: dict[str, str] = field(default_factory=dict)
    tree: list[TreeRow] = field(default_factory=list)
    channels: list[TableRow] = field(default_factory=list)
    #: money signed for (commitments) by channel: never in the column of money moved (:func:`rows.channel_rows`)
    commitments: list[TableRow] = field(default_factory=list)
    sectors: list[TableRow] = field(default_factory=list)
    pairings: list[TableRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    economy: list[ReportValue] = field(default_factory=list)
    people: list[ReportValue] = field(default_factory=list)
    results: list[ReportValue] = field(default_factory=list)
    recipient: list[ReportValue] = field(default_factory=list)
    #: the overview's figures of the year that no pairing states and no area holds (nationwide statements)
    unpaired: list[ReportValue] = field(default_factory=list)
    findings: list[FindingRow] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    charts: dict[str, charts.Chart] = field(default_factory=dict)
    reporting_year: ReportingYear | None = None
    #: said under the title when the evidence links lead to this computer's address only
    links_note: str = ""

    @property
    def has_values(self) -> bool:
        """True when the report has a figure or a table row of its year to show (its activities do not
        count: one without dates is listed in every year)."""
        return any(
            (
                self.headline,
                self.channels,
                self.commitments,
                self.sectors,
                self.pairings,
                self.economy,
                self.people,
                self.results,
                self.unpaired,
            )
        )
