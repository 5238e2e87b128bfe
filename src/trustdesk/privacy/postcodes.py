"""Postcode formats, regions and country names for the countries ADDRESS detection covers.

Each check is a format rule, not a lookup of issued codes: a code that passes may still not
exist. Country codes are ISO 3166-1 alpha-2 (`GB` for the United Kingdom).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

COUNTRIES: tuple[str, ...] = (
    "US",
    "GB",
    "CA",
    "IE",
    "AU",
    "FR",
    "DE",
    "ES",
    "IT",
    "NL",
    "PT",
    "BR",
    "PL",
    "IN",
    "BE",
    "CH",
    "AT",
    "LU",
    "AR",
    "NZ",
)

_US = re.compile(r"\d{5}(?:-\d{4})?")
# Royal Mail grammar: outward A9, A99, AA9, AA99, A9A, AA9A (letter sets per position), then
# an inward digit and two letters without C I K M O V.
_GB = re.compile(
    r"GIR ?0AA|[A-PR-UWYZ](?:\d\d?|[A-HK-Y]\d\d?|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRVWXY])"
    r" ?\d[ABD-HJLNP-UW-Z]{2}"
)
# Canada Post: no D F I O Q U anywhere, no W or Z as the first letter.
_CA = re.compile(r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d")
# Eircode: a routing key (letter and two digits, or D6W), then a four-character unique id.
_IE = re.compile(r"(?:[AC-FHKNPRTV-Y]\d\d|D6W) ?[0-9AC-FHKNPRTV-Y]{4}")
_NL = re.compile(r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}")
_FIVE = re.compile(r"\d{5}")
_PT = re.compile(r"[1-9]\d{3}-\d{3}")
_BR = re.compile(r"\d{5}-?\d{3}")  # CEP, written 01310-100 or 01310100
_PL = re.compile(r"\d{2}-\d{3}")
_IN = re.compile(r"[1-9]\d{5}")  # PIN code
_FOUR = re.compile(r"\d{4}")
_AR = re.compile(r"[A-HJ-NP-Z]\d{4}(?:[A-Z]{3})?")
# French departments 01-95 (2A/2B Corsica use 20xxx), overseas 971-978, Monaco and the Pacific.
_FR_OVERSEAS = frozenset({"971", "972", "973", "974", "975", "976", "977", "978", "980", "984"})
_FR_OVERSEAS |= frozenset({"986", "987", "988"})


def is_valid_postcode(code: str, country: str) -> bool:
    """Whether `code` has the form of a postcode of `country` (case and spacing as written)."""
    code = code.upper()
    if country == "US":
        return bool(_US.fullmatch(code)) and not code.startswith("00000")
    if country == "GB":
        return bool(_GB.fullmatch(code))
    if country == "CA":
        return bool(_CA.fullmatch(code))
    if country == "IE":
        return bool(_IE.fullmatch(code))
    if country == "NL":
        return bool(_NL.fullmatch(code))
    if country == "PT":
        return bool(_PT.fullmatch(code))
    if country == "BR":
        return bool(_BR.fullmatch(code)) and not code.startswith("00000")
    if country == "PL":
        return bool(_PL.fullmatch(code)) and not code.startswith("00-000")
    if country == "IN":
        return bool(_IN.fullmatch(code))
    if country == "AU":
        return bool(_FOUR.fullmatch(code)) and int(code) >= 200
    if country == "NZ":  # four digits after the town; 0110-9999 (Auckland's start with 0 or 1)
        return bool(_FOUR.fullmatch(code)) and code >= "0110"
    if country in ("BE", "CH", "AT", "LU"):  # four digits, written before the town
        return bool(_FOUR.fullmatch(code)) and code[0] != "0"
    if country == "AR":  # CPA: a province letter, four digits, three letters (often left off)
        return bool(_AR.fullmatch(code))
    if not _FIVE.fullmatch(code):
        return False
    if country == "FR":
        return "01" <= code[:2] <= "95" or code[:3] in _FR_OVERSEAS
    if country == "DE":
        return "01001" <= code <= "99998"
    if country == "ES":
        return "01" <= code[:2] <= "52"
    if country == "IT":
        return code != "00000"
    return False


def postcode_countries(code: str, candidates: tuple[str, ...] = COUNTRIES) -> frozenset[str]:
    """The countries among `candidates` whose format `code` has."""
    return frozenset(c for c in candidates if is_valid_postcode(code, c))


# Country names as written at the end of an address, lowercased.
COUNTRY_NAMES: dict[str, str] = {
    **dict.fromkeys(
        ("usa", "u.s.a.", "u.s.a", "us", "u.s.", "united states", "united states of america"), "US"
    ),
    **dict.fromkeys(
        (
            "uk",
            "u.k.",
            "united kingdom",
            "great britain",
            "england",
            "scotland",
            "wales",
            "northern ireland",
        ),
        "GB",
    ),
    "canada": "CA",
    **dict.fromkeys(("ireland", "republic of ireland", "éire", "eire"), "IE"),
    "australia": "AU",
    "france": "FR",
    **dict.fromkeys(("germany", "deutschland"), "DE"),
    **dict.fromkeys(("spain", "españa", "espana"), "ES"),
    **dict.fromkeys(("italy", "italia"), "IT"),
    **dict.fromkeys(("netherlands", "the netherlands", "nederland", "holland"), "NL"),
    "portugal": "PT",
    **dict.fromkeys(("brazil", "brasil"), "BR"),
    **dict.fromkeys(("poland", "polska"), "PL"),
    "india": "IN",
    **dict.fromkeys(("belgium", "belgique", "belgië", "belgie", "belgien"), "BE"),
    **dict.fromkeys(("switzerland", "schweiz", "suisse", "svizzera", "svizra"), "CH"),
    **dict.fromkeys(("austria", "österreich", "osterreich", "autriche"), "AT"),
    **dict.fromkeys(("luxembourg", "luxemburg", "lëtzebuerg"), "LU"),
    "argentina": "AR",
    **dict.fromkeys(("new zealand", "nz", "aotearoa"), "NZ"),
}

_US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "Virgin Islands",
    "FM": "Federated States of Micronesia",
    "MH": "Marshall Islands",
    "PW": "Palau",
    "AA": "Armed Forces Americas",
    "AE": "Armed Forces Europe",
    "AP": "Armed Forces Pacific",
}
_CA_PROVINCES = {
    "AB": "Alberta",
    "BC": "British Columbia",
    "MB": "Manitoba",
    "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador",
    "NS": "Nova Scotia",
    "NT": "Northwest Territories",
    "NU": "Nunavut",
    "ON": "Ontario",
    "PE": "Prince Edward Island",
    "QC": "Quebec",
    "SK": "Saskatchewan",
    "YT": "Yukon",
}
_AU_STATES = {
    "NSW": "New South Wales",
    "VIC": "Victoria",
    "QLD": "Queensland",
    "SA": "South Australia",
    "WA": "Western Australia",
    "TAS": "Tasmania",
    "NT": "Northern Territory",
    "ACT": "Australian Capital Territory",
}
_IE_COUNTIES = (
    "Carlow Cavan Clare Cork Donegal Dublin Galway Kerry Kildare Kilkenny Laois Leitrim Limerick"
    " Longford Louth Mayo Meath Monaghan Offaly Roscommon Sligo Tipperary Waterford Westmeath"
    " Wexford Wicklow"
).split()
_DE_STATES = (
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
)
# Brazilian states, written "Salvador - BA" or "Recife / PE" after the town.
_BR_STATES = (
    "AC AL AP AM BA CE DF ES GO MA MT MS MG PA PB PR PE PI RJ RN RS RO RR SC SP SE TO"
).split()
# Italian provinces' vehicle-registration codes, written "(MI)" or "MI" after the town.
IT_PROVINCES = frozenset(
    (
        "AG AL AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CA CB CE CH CL CN CO CR CS CT"
        " CZ EN FC FE FG FI FM FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA"
        " NO NU OR PA PC PD PE PG PI PN PO PR PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR"
        " SS SU SV TA TE TN TO TP TR TS TV UD VA VB VC VE VI VR VT VV"
    ).split()
)

# Region (as written, case-sensitive) -> the countries whose postcodes may follow it.
REGIONS: dict[str, frozenset[str]] = {}


def _add(names: Iterable[str], country: str) -> None:
    for name in names:
        REGIONS[name] = REGIONS.get(name, frozenset()) | {country}


_add(_US_STATES, "US")
_add(_US_STATES.values(), "US")
_add(_CA_PROVINCES, "CA")
_add(_CA_PROVINCES.values(), "CA")
_add(("Québec", "PEI"), "CA")
_add(_AU_STATES, "AU")
_add(_AU_STATES.values(), "AU")
_add(
    [f"{prefix} {county}" for county in _IE_COUNTIES for prefix in ("Co.", "Co", "County")],
    "IE",
)
_add(_DE_STATES, "DE")
_add(_BR_STATES, "BR")
_add(("Bavaria", "Hesse", "Saxony", "Lower Saxony", "North Rhine-Westphalia"), "DE")
# Indian states and union territories, as written before a six-digit PIN code.
_add(
    (
        "Andhra Pradesh",
        "Arunachal Pradesh",
        "Assam",
        "Bihar",
        "Chhattisgarh",
        "Goa",
        "Gujarat",
        "Haryana",
        "Himachal Pradesh",
        "Jharkhand",
        "Karnataka",
        "Kerala",
        "Madhya Pradesh",
        "Maharashtra",
        "Manipur",
        "Meghalaya",
        "Mizoram",
        "Nagaland",
        "Odisha",
        "Punjab",
        "Rajasthan",
        "Sikkim",
        "Tamil Nadu",
        "Telangana",
        "Tripura",
        "Uttar Pradesh",
        "Uttarakhand",
        "West Bengal",
        "Delhi",
        "New Delhi",
        "Chandigarh",
        "Puducherry",
        "Jammu and Kashmir",
        "Ladakh",
    ),
    "IN",
)
REGIONS_LOWER: dict[str, frozenset[str]] = {}
for _name, _countries in REGIONS.items():
    REGIONS_LOWER[_name.lower()] = REGIONS_LOWER.get(_name.lower(), frozenset()) | _countries


def region_pattern() -> str:
    """An alternation of every region, longest first (so "New York" wins over "NY"-like runs)."""
    return "|".join(re.escape(name) for name in sorted(REGIONS, key=len, reverse=True))


def country_pattern() -> str:
    """An alternation of every country name, longest first, to be compiled case-insensitively."""
    names = sorted(COUNTRY_NAMES, key=len, reverse=True)
    return "|".join(re.escape(name) for name in names)


# Regions written after the town, where no postcode rule depends on them: Spanish provinces and
# communities ("33519 Siero, Asturias"), Mexican states and their abbreviations ("Mérida,
# Yuc."), Argentine provinces, Colombian departments, Austrian states, Swiss cantons. They
# only lengthen an address already found ("…, 6708 Brand, Vorarlberg"), never make one.
SUBREGIONS: tuple[str, ...] = tuple(
    name.replace("_", " ")
    for name in (
        # Spain (provinces whose name is no town's, and the communities)
        "Álava Araba Albacete Alicante Alacant Almería Asturias Ávila Badajoz Baleares"
        " Illes_Balears"
        " Burgos Cáceres Cádiz Cantabria Castellón Ciudad_Real Córdoba Cuenca Girona Gerona Granada"
        " Guadalajara Gipuzkoa Guipúzcoa Huelva Huesca Jaén La_Rioja Las_Palmas León Lleida Lugo"
        " Madrid Málaga Murcia Navarra Ourense Palencia Pontevedra Salamanca Segovia Sevilla Soria"
        " Tarragona Teruel Toledo Valencia Valladolid Bizkaia Vizcaya Zamora Zaragoza Barcelona"
        " A_Coruña Santa_Cruz_de_Tenerife Andalucía Aragón Canarias Cataluña Catalunya Galicia"
        " Extremadura Castilla_y_León Castilla-La_Mancha País_Vasco Euskadi Comunidad_de_Madrid"
        " Región_de_Murcia Comunidad_Valenciana"
        # Mexico
        " Aguascalientes Baja_California Baja_California_Sur Campeche Chiapas Chihuahua Coahuila"
        " Colima Durango Guanajuato Guerrero Hidalgo Jalisco Michoacán Morelos Nayarit Nuevo_León"
        " Oaxaca Puebla Querétaro Quintana_Roo San_Luis_Potosí Sinaloa Sonora Tabasco Tamaulipas"
        " Tlaxcala Veracruz Yucatán Zacatecas CDMX Ciudad_de_México Estado_de_México Edo._Méx."
        " Ags. B.C. B.C.S. Camp. Chis. Chih. Coah. Dgo. Gto. Gro. Hgo. Jal. Méx. Mich. Mor. Nay."
        " N.L. Oax. Pue. Qro. Q._Roo Q.R. S.L.P. Sin. Son. Tab. Tamps. Tlax. Ver. Yuc. Zac."
        # Argentina
        " Buenos_Aires Catamarca Chaco Chubut Corrientes Entre_Ríos Formosa Jujuy La_Pampa"
        " Mendoza Misiones Neuquén Río_Negro Salta San_Juan San_Luis Santa_Cruz Santa_Fe"
        " Santiago_del_Estero Tierra_del_Fuego Tucumán CABA"
        # Colombia
        " Amazonas Antioquia Arauca Atlántico Bolívar Boyacá Caldas Caquetá Casanare Cauca Cesar"
        " Chocó Cundinamarca Guainía Guaviare Huila La_Guajira Magdalena Meta Nariño"
        " Norte_de_Santander Putumayo Quindío Risaralda Santander Sucre Tolima Valle_del_Cauca"
        " Vaupés Vichada"
        # Austria, Switzerland
        " Burgenland Kärnten Niederösterreich Oberösterreich Salzburg Steiermark Tirol Vorarlberg"
        " Wien Aargau Appenzell Basel-Land Basel-Stadt Bern Freiburg Fribourg Genf Genève Glarus"
        " Graubünden Jura Luzern Neuchâtel Nidwalden Obwalden Schaffhausen Schwyz Solothurn"
        " Thurgau Tessin Ticino Uri Wallis Valais Waadt Vaud Zug Zürich"
    ).split()
)


def subregion_pattern() -> str:
    """An alternation of the regions in SUBREGIONS, longest first."""
    return "|".join(re.escape(name) for name in sorted(set(SUBREGIONS), key=len, reverse=True))
