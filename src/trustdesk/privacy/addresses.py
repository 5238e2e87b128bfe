"""ADDRESS: street lines in the common Western European and North American forms.

- number first, street type last ("221B Baker Street", "344 Mathis Parkway Suite 907"), with the
  US Postal Service's street suffixes (Publication 28) and British ones ("Close", "Mews");
- French number, then type ("12, rue de la Paix");
- type first, number last (Spanish, Italian: "Calle Mayor 3", "Via Roma, 10");
- German and Dutch compounds with the number after ("Hauptstraße 5", "Kerkstraat 12a").

The span is the street line (with a flat or suite number when one is attached); postcode and
city are not included. Street words must be capitalised, so lowercase addresses are missed.
"""

from __future__ import annotations

import re

from trustdesk.privacy.spans import PiiSpan

_US_SUFFIXES = (
    "Alley Aly Annex Arcade Avenue Ave Av Bayou Beach Bend Bluffs? Bottom Boulevard Blvd Branch"
    " Bridge Brooks? Burgs? Bypass Camp Canyon Cape Causeway Centers? Ctr Circles? Cir Cliffs?"
    " Club Commons? Corners? Course Courts? Ct Coves? Creek Crescent Cres Crest Crossing"
    " Crossroads? Curve Dale Dam Divide Drives? Dr Estates? Expressway Expy Extensions? Falls?"
    " Ferry Fields? Flats? Fords? Forest Forges? Forks? Fort Freeway Fwy Gardens? Gateway Glens?"
    " Greens? Groves? Harbors? Haven Heights Hts Highway Hwy Hills? Hollow Inlet Islands? Isle"
    " Junctions? Keys? Knolls? Lakes? Land Landing Lane Ln Lights? Loaf Locks? Lodge Loop Mall"
    " Manors? Meadows? Mews Mills? Mission Motorway Mount Mountains? Mtn Neck Orchard Oval"
    " Overpass Parks? Parkways? Pkwy Pass Passage Path Pike Pines? Place Pl Plains? Plaza"
    " Points? Ports? Prairie Radial Ramp Ranch Rapids? Rest Ridges? River Roads? Rd Route Row"
    " Run Shoals? Shores? Skyway Springs? Spurs? Squares? Sq Station Stravenue Stream Streets?"
    " St Summit Terrace Ter Throughway Trace Track Trafficway Trails? Trailer Tunnel Turnpike"
    " Underpass Unions? Valleys? Viaduct Views? Villages? Ville Vista Walks? Wall Ways? Wells?"
    " Close Rise Wynd Drove Parade Chase Approach Croft Mead Fold Grove Hill Gate Yard Quay"
).split()
_US_SUFFIX = "|".join(_US_SUFFIXES)
_ABBREVIATIONS = frozenset(
    "st ave av rd dr blvd ln ct pl sq str apt ste hwy pkwy cres ter mt avda fl expy fwy hts mtn"
    " ctr cir".split()
)
_UNIT = r"(?:,?[ \t]+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Fl\.?|#)[ \t]*[\w-]{1,6})?"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NUMBER_FIRST = re.compile(
    r"(?<![\w,.-])(?:(?:Flat|Studio|Apartment|Unit)[ \t]+[\w-]{1,5},?[ \t]+)?"
    rf"(?:\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?[ \t]+)?(?:{_CAP}[ \t]+){{1,4}}?"
    rf"(?:{_US_SUFFIX})\b\.?{_UNIT}"
)
_FR_TYPES = (
    r"rue|avenue|av\.|boulevard|bd|chemin|impasse|allée|place|quai|route|cours|square|passage"
    r"|voie|sentier|faubourg|rond-point|résidence|lotissement"
)
_FR_LINK = r"(?:(?:de la|de l'|de l’|du|des|de|d'|d’|la|le|les)[ \t]*)?"
_FRENCH = re.compile(
    rf"(?<![\w-])\d{{1,4}}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?i:{_FR_TYPES})[ \t]+{_FR_LINK}"
    rf"{_CAP}(?:[ \t]+(?:{_FR_LINK}){_CAP}){{0,3}}"
    rf"|(?<![\w-])(?:{_FR_TYPES})[ \t]+{_FR_LINK}{_CAP}(?:[ \t]+{_FR_LINK}{_CAP}){{0,3}}"
)
_TYPE_FIRST_TYPES = (
    r"Calle|C/|C\.|Avenida|Avda\.?|Paseo|Plaza|Camino|Ronda|Carrer|Travesía|Callejón|Pasaje|Vía"
    r"|Rambla|Alameda|Carretera|Cañada|Urbanización|Glorieta|Cuesta|Acceso|Vial|Pasadizo|Bulevar"
    r"|Paseo|Callejón|Travesia|Sector|Polígono|Barrio|Via|Viale|Piazza"
    r"|Piazzale|Piazzetta|Corso|Largo|Vicolo|Strada|Contrada|Borgo|Rotonda|Stretto|Lungomare"
    r"|Salita|Traversa|Canale|Incrocio|Rione"
)
_TYPE_LINK = r"(?:(?:de la|de los|de las|del|de|di|della|delle|dei|degli|dello|d'|d’)[ \t]+)?"
_TYPE_FIRST = re.compile(
    rf"(?<![\w-])(?:{_TYPE_FIRST_TYPES})[ \t]+{_TYPE_LINK}{_CAP}(?:[ \t]+{_TYPE_LINK}{_CAP}){{0,4}}"
    r",?[ \t]+(?:n\.?[ \t]?|nº[ \t]?|no\.?[ \t]?)?\d{1,4}(?:[ \t]?[A-Za-z](?![\w])|/\d{1,3})?"
    r"(?:,?[ \t]+(?:Puerta|Piso|Apt\.|Esc\.|Escalera|Piano|Interno|Int\.|Appartamento|Scala)"
    r"[ \t]+\w{1,4})*"
)
_COMPOUND_SUFFIXES = (
    r"straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|pfad|steig|stieg|graben"
    r"|straat|laan|plein|gracht|kade|dijk|singel|steeg|baan|boulevard|dreef|plantsoen|hof|pad"
    r"|(?<=[a-zäöüß]{3})ring|-(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Pfad|Steig"
    r"|Chaussee|Markt|Hof)"
)
_COMPOUND = re.compile(
    r"(?<![\w-])(?:(?:[A-ZÄÖÜ][a-zäöüß]+[ \t](?=[A-ZÄÖÜ][\w'’]*-))?"
    rf"[A-ZÄÖÜ][\w'’-]*?(?:{_COMPOUND_SUFFIXES})"
    r"|[A-ZÄÖÜ][\w'’-]*[ \t]+(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer))"
    r"[ \t]+\d{1,4}[ \t]?[a-zA-Z]?(?:[ \t]?[-/][ \t]?\d{1,4}[a-zA-Z]?)?(?![\w])"
)


class AddressRecognizer:
    """Street lines: a number, capitalised street words and a street type, in national orders."""

    name = "street_address"
    entities: tuple[str, ...] = ("ADDRESS",)

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        for pattern, score, reason in (
            (_NUMBER_FIRST, 0.8, "house number, capitalised street words and a street suffix"),
            (_FRENCH, 0.75, "French street type followed by a capitalised street name"),
            (_TYPE_FIRST, 0.8, "street type, capitalised street name and a house number"),
            (_COMPOUND, 0.8, "German or Dutch street name followed by a house number"),
        ):
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                raw = m.group()
                if pattern is _NUMBER_FIRST and not self._number_first_ok(raw):
                    continue
                end -= len(raw) - len(self._trimmed(raw))
                spans.append(PiiSpan(start, end, "ADDRESS", score, self.name, reason))
        return spans

    @staticmethod
    def _trimmed(raw: str) -> str:
        # Keep the dot of an abbreviation ("Ave.", "Str."), drop one that ends the sentence.
        raw = raw.rstrip(" ,")
        if raw.endswith(".") and raw.rsplit(None, 1)[-1][:-1].lower() not in _ABBREVIATIONS:
            raw = raw[:-1]
        return raw

    @staticmethod
    def _number_first_ok(raw: str) -> bool:
        # A street needs a house number or a flat prefix, and a street name before the suffix.
        head = raw.split()[0]
        return head[0].isdigit() or head in ("Flat", "Studio", "Apartment", "Unit")
