"""The time zones a person chooses from: the real places of the IANA time-zone database, grouped
by region, and a form field offering them, with the browser's own zone preselected by
static/js/timezone.js. Self-contained: any form of the accounts can use time_zone_field().

The list comes from the tzdata package (pinned), so it is the same on every server: zone.tab names
each place people look for (Europe/Amsterdam, America/Argentina/Buenos_Aires) and leaves out what is
not a place (Factory, localtime, Etc/GMT+5) and the old names kept for compatibility (US/Eastern,
Asia/Calcutta). Browsers still report some zones by such old names; each option carries them, so the
browser's zone is found all the same.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from django import forms

DEFAULT = "UTC"
REGIONS = {
    "Africa": "Africa",
    "America": "Americas",
    "Antarctica": "Antarctica",
    "Arctic": "Arctic",
    "Asia": "Asia",
    "Atlantic": "Atlantic Ocean",
    "Australia": "Australia",
    "Europe": "Europe",
    "Indian": "Indian Ocean",
    "Pacific": "Pacific Ocean",
}


def _tzdata(name: str) -> str:
    return resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")


@functools.cache
def listed_zones() -> frozenset[str]:
    """The zones of zone.tab: every place with clocks of its own, one or more for each country."""
    lines = (line.split("\t") for line in _tzdata("zone.tab").splitlines())
    return frozenset(fields[2] for fields in lines if len(fields) > 2 and not fields[0].startswith("#"))


@functools.cache
def other_names() -> dict[str, tuple[str, ...]]:
    """For each listed zone (and UTC), the names it also goes by that are not listed themselves."""
    listed = listed_zones()
    names: dict[str, list[str]] = {}
    for line in _tzdata("tzdata.zi").splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()
            target = DEFAULT if target == "Etc/UTC" else target
            if alias not in listed and alias != DEFAULT:
                names.setdefault(target, []).append(alias)
    names.setdefault(DEFAULT, []).append("Etc/UTC")
    return {zone: tuple(sorted(aliases)) for zone, aliases in names.items()}


def _place(zone: str) -> str:
    """ "America/Argentina/Buenos_Aires" -> "Argentina – Buenos Aires"."""
    return zone.partition("/")[2].replace("_", " ").replace("/", " – ")


@functools.cache
def _grouped() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for zone in listed_zones():
        region = zone.partition("/")[0]
        groups.setdefault(REGIONS.get(region, region), []).append((zone, _place(zone)))
    return tuple(
        (region, tuple(sorted(zones, key=lambda choice: choice[1])))
        for region, zones in sorted(groups.items())
    )


def time_zone_choices(*, current: str = "") -> list[Any]:
    """UTC first, then each region's places by name. A zone chosen before the list was trimmed
    (``current``, say US/Eastern) stays on offer, so saving a profile never changes it unasked."""
    choices: list[Any] = [(DEFAULT, "UTC (Coordinated Universal Time)"), *_grouped()]
    if current and current != DEFAULT and current not in listed_zones():
        choices.append(("Your current setting", [(current, current.replace("_", " "))]))
    return choices


class TimeZoneSelect(forms.Select):
    """A select whose options carry the other names of their zone (data-aliases), which
    timezone.js matches against the name the browser reports."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        aliases = other_names().get(str(value))
        if aliases:
            option["attrs"]["data-aliases"] = " ".join(aliases)
        return option


def time_zone_field(*, current: str = "", help_text: str = "") -> forms.ChoiceField:
    """The time-zone field of the sign-up and profile forms; ``current`` is the person's zone."""
    return forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices(current=current),
        initial=DEFAULT,
        help_text=help_text,
        widget=TimeZoneSelect(attrs={"data-detect-time-zone": "true"}),
    )
