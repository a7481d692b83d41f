"""A conflict's profile: who fights, who speaks for them, and when.

The core rules know no conflict: they speak of "rebels", "insurgents", "the
army".  A profile, kept beside its places file (``afghanistan.csv`` ->
``afghanistan.profile.json``), names the actors of one conflict and their
spokesmen, says who held the cities at the start, and gives the period of the
offensive, which dates an article that gives no year at all.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

DEFAULT_PROFILE = "afghanistan.profile.json"


class ProfileError(ValueError):
    """The profile file cannot be read; the message says why, in one line."""


@dataclass(frozen=True)
class Profile:
    name: str = ""
    country: str = ""
    attackers: tuple[str, ...] = ()  # the side taking cities: "Taliban", "M23"
    defenders: tuple[str, ...] = ()  # the side holding them at the start: "Afghan forces"
    spokesmen: tuple[str, ...] = ()  # whose word is a claim: "Zabihullah Mujahid"
    period: tuple[dt.date, dt.date] | None = None
    source: str = field(default="", compare=False)

    def to_dict(self) -> dict:
        return {
            "name": self.name, "country": self.country, "attackers": list(self.attackers),
            "defenders": list(self.defenders), "spokesmen": list(self.spokesmen),
            "period": f"{self.period[0]}..{self.period[1]}" if self.period else "",
        }  # fmt: skip

    def in_period(self, date: dt.date) -> bool:
        return self.period is None or self.period[0] <= date <= self.period[1]

    @classmethod
    def from_dict(cls, data: dict, *, source: str = "") -> Profile:
        if not isinstance(data, dict):
            raise ProfileError(f"{source or 'profile'}: expected an object")
        period = None
        if data.get("period"):
            try:
                start, _, end = str(data["period"]).partition("..")
                period = (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
            except ValueError as exc:
                raise ProfileError(
                    f"{source or 'profile'}: period must be YYYY-MM-DD..YYYY-MM-DD"
                ) from exc

        def names(key: str) -> tuple[str, ...]:
            value = data.get(key) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ProfileError(f"{source or 'profile'}: {key} must be a list of names")
            return tuple(v.strip() for v in value if v.strip())

        return cls(
            name=str(data.get("name") or ""),
            country=str(data.get("country") or ""),
            attackers=names("attackers"),
            defenders=names("defenders"),
            spokesmen=names("spokesmen"),
            period=period,
            source=source,
        )

    @classmethod
    def load(cls, path: str | Path | None = None) -> Profile:
        """The bundled Afghan profile, or the file at ``path``."""
        if path is None:
            ref = resources.files("timeline_app.data") / DEFAULT_PROFILE
            return cls.from_dict(json.loads(ref.read_text("utf-8")), source="bundled")
        path = Path(path)
        try:
            data = json.loads(path.read_text("utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"{path.name}: cannot read the profile ({exc})") from exc
        except json.JSONDecodeError as exc:
            raise ProfileError(f"{path.name}: not valid JSON ({exc.msg})") from exc
        return cls.from_dict(data, source=path.name)

    @classmethod
    def bundled_for(cls, countries) -> Profile | None:
        """The profile the app ships for a database's places (by country)."""
        wanted = {c.casefold() for c in countries if c}
        for ref in resources.files("timeline_app.data").iterdir():
            if ref.name.endswith(".profile.json"):
                profile = cls.from_dict(json.loads(ref.read_text("utf-8")), source=ref.name)
                if profile.country.casefold() in wanted:
                    return profile
        return None

    @classmethod
    def of_country(cls, country: str) -> Profile:
        """For a country the app ships no profile for: its own forces hold the cities
        ("Ethiopian forces retreated from Mekelle", "Malian troops retook Konna"), by
        the adjectives its name may make; no attackers named, no period."""
        forces = ("forces", "troops", "army", "soldiers", "military", "security forces",
                  "government forces")  # fmt: skip
        return cls(
            country=country,
            defenders=tuple(f"{adjective} {noun}" for adjective in demonyms(country)
                            for noun in forces),  # fmt: skip
            source="none",
        )

    @classmethod
    def beside(cls, places_file: str | Path | None) -> Profile:
        """The profile that goes with a places file: ``NAME.profile.json`` beside
        it; none there means a profile without named actors or period."""
        if places_file is None:
            return cls.load()
        candidate = Path(places_file).with_suffix(".profile.json")
        return cls.load(candidate) if candidate.is_file() else cls(source="none")


def demonyms(country: str) -> tuple[str, ...]:
    """The adjectives English makes of a country's name, as far as its ending tells
    them: Syria -> Syrian, Mali -> Malian, Iraq and Yemen -> Iraqi, Yemeni, Sudan ->
    Sudanese, Ukraine -> Ukrainian, Afghanistan -> Afghan, Congo -> Congolese.  Some
    are no word at all; they match nothing."""
    name = country.strip().split()[-1] if country.strip() else ""
    if len(name) < 3 or not name[0].isupper():
        return ()
    found = [name]
    if name.endswith("istan"):
        found.append(name[: -len("istan")])
    elif name.endswith("a"):
        found.append(name + "n")
    elif name.endswith("i"):
        found.append(name + "an")
    elif name.endswith("e"):
        found.append(name[:-1] + "ian")
    elif name.endswith("o"):
        found.append(name + "lese")
    elif name.endswith("an"):
        found += [name + "ese", name + "i"]
    elif name.endswith(("q", "n")):
        found.append(name + "i")
    else:
        found.append(name + "ian")
    return tuple(dict.fromkeys(found))
