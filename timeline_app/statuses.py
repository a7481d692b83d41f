"""The one table of statuses that everything reads: the extraction's vocabulary,
the database's values, the legend, the timeline's and the map's colours and
shapes, which status wins a shared pixel, and what each means for control.

Colours are the Okabe-Ito palette (distinguishable with the common colour
vision deficiencies) and every status also has its own shape, so that neither
colour nor shape alone carries the meaning.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    name: str  # the value in the database, the CLI and the rules
    label: str  # what the legend and the detail pane say
    colour: str  # "#RRGGBB"
    shape: str  # circle, ring, triangle, square, diamond, triangle_down
    rank: int  # when markers share a pixel, the higher rank is drawn
    control: str  # "fall" (the place changed hands), "retake" or "threat"
    acled: tuple[str, str]  # ACLED event type and sub-event type


TABLE: tuple[Status, ...] = (
    Status("captured", "Captured", "#D55E00", "circle", 6, "fall",
           ("Strategic developments", "Non-state actor overtakes territory")),
    Status("claimed", "Claimed", "#E69F00", "ring", 3, "fall",
           ("Strategic developments", "Non-state actor overtakes territory")),
    Status("contested", "Contested", "#CC79A7", "triangle", 2, "threat",
           ("Battles", "Armed clash")),
    Status("besieged", "Besieged", "#0072B2", "square", 1, "threat",
           ("Battles", "Armed clash")),
    Status("surrendered", "Surrendered", "#009E73", "diamond", 5, "fall",
           ("Strategic developments", "Non-violent transfer of territory")),
    Status("retaken", "Retaken", "#56B4E9", "triangle_down", 4, "retake",
           ("Battles", "Government regains territory")),
)  # fmt: skip

NAMES: tuple[str, ...] = tuple(status.name for status in TABLE)
BY_NAME: dict[str, Status] = {status.name: status for status in TABLE}
# A value another tool wrote into the database still gets drawn, in grey.
UNKNOWN_COLOUR = "#777777"


def of(name: str) -> Status:
    """The status called ``name``; one the table does not know gets a neutral look."""
    found = BY_NAME.get(name)
    if found is None:
        return Status(name, name.capitalize(), UNKNOWN_COLOUR, "square", 0, "threat", ("", ""))
    return found


def named(control: str) -> tuple[str, ...]:
    """The statuses that mean ``control`` ("fall", "retake" or "threat"), in table order."""
    return tuple(status.name for status in TABLE if status.control == control)
