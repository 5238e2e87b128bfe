"""ADDRESS: whole postal addresses in the common North American, British, Irish, Australian,
Western European, Portuguese, Brazilian, Polish and Indian forms.

A street line is found first, in its national order:

- number first, street type last ("221B Baker Street", "344 Mathis Parkway Suite 907"), with the
  US Postal Service's street suffixes (Publication 28), British, Australia Post and Indian ones;
- French number, then type ("12, rue de la Paix", "12 ter quai ...");
- type first, number last (Spanish, Italian, Portuguese, Polish: "Calle Mayor 3", "Pº de la Paz
  nº 12", "Via Roma, 10", "Rua Augusta 10", "ul. Długa 5");
- German and Dutch compounds with the number after ("Hauptstraße 5", "Van Baerlestraat 12 bis");
- words that start streets as often as sentences ("Am Hang 4", "Korte Vijverberg 5",
  "Campo Grande 12"), only with a locality or postcode after them;
- post-office boxes ("PO Box 123", "Postfach 12 34", "Apartado 45") and US military addresses.

The span then runs on over what follows on the same line or the next ones: flat, floor or suite
("3º izq.", "int. 7", "2. OG"), locality, region (state, province, county, "(MI)", "- SP"),
postcode and country name, in either order (locality then postcode: US, UK, Canada, Ireland,
Australia, Brazil, India, New Zealand; postcode then locality: France, Germany, Spain, Italy,
the Netherlands, Portugal, Poland). Postcodes are checked per country (postcodes.py). Before
the street line it takes a flat, floor or building ("Appt 4, ", "Hinterhaus") or a house name
with a house word ("The Granary, ", "Rose Cottage, "), never a bare name: that is too often the
person's.

A locality, region and postcode group is also found on its own: "Lake Ambermouth, CA 79336" or
"Ianmouth TA3X 6AA" anywhere (the region and postcode must agree, the locality be capitalised);
"30643 Meunier" or "Springfield 62704" only right after an address cue ("I live at", "ship to",
"Anschrift", "j'habite au", "moro na", ...) or before a country name or an Italian province.
Lowercase addresses count after such a cue ("12 oak street, springfield il 62704"), and anywhere
with a valid postcode after the street line ("-- jo bloggs 18 mill lane, leeds ls6 2ab").
"""

from __future__ import annotations

import re

from trustdesk.privacy.postcodes import (
    COUNTRY_NAMES,
    IT_PROVINCES,
    REGIONS,
    REGIONS_LOWER,
    country_pattern,
    is_valid_postcode,
    region_pattern,
    subregion_pattern,
)
from trustdesk.privacy.spans import PiiSpan


def _by_first_letter(words: list[str]) -> str:
    """An alternation grouped by first letter, so the regex engine skips most of it at once."""
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(groups.items()))


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
    " Rue Via Laneway Circuit Esplanade Promenade Boulevarde Broadway Centre Concourse Courtyard"
    " Grange Glade Vale Wharf Embankment Walkway Pathway Ridgeway Retreat Triangle Circus Brae"
    # Australia Post street types that are no everyday word
    " Amble Anchorage Alleyway Artery Basin Brace Brow Byway Centreway Circlet Colonnade Copse"
    " Crossway Cruiseway Cutting Dell Deviation Driveway Fairway Firetrail Footway Foreshore"
    " Frontage Gully Highroad Interchange Lookout Meander Nook Outlook Parklands Quadrant Ramble"
    " Reserve Ridge Riverway Riviera Roadway Rosebowl Rotary Siding Strand Tollway Trunkway"
    # India
    " Nagar Marg Chowk Ganj Zila Gali Galli"
).split()
_US_SUFFIX_WORDS = sorted({w.replace("s?", e) for w in _US_SUFFIXES for e in ("", "s")})
_US_SUFFIX = _by_first_letter(_US_SUFFIX_WORDS)
_ABBREVIATIONS = frozenset(
    "st ave av rd dr blvd ln ct pl sq str apt ste hwy pkwy cres ter mt avda fl expy fwy hts mtn"
    " ctr cir".split()
)
_UNIT = r"(?:,?[ \t]+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Fl\.?|#)[ \t]*[\w-]{1,6})?"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"  # "W 57th St"
_NUMBER_FIRST = re.compile(
    r"(?<![\w,.-])(?:(?:Flat|Studio|Apartment|Apt\.?|Unit|Suite|Level|Lot|RMB|RSD)[ \t]+[\w-]{1,5}"
    r"(?:,?[ \t]+|,?[ \t]*\r?\n[ \t]*))?"
    rf"(?:(?:\d{{1,4}}[ \t]-[ \t])?\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?[ \t]+)?"
    rf"(?:(?:{_CAP}|{_ORDINAL}|(?:St|Mt|Ste|[NSEW])\.)[ \t]+"
    # a street named by a bare number after the house number (Western Canada: "7319 132 St")
    r"|(?<=\d[ \t])\d{1,3}[ \t]+(?=(?:St|Street|Ave|Avenue)\b)){1,4}?"
    rf"(?:{_US_SUFFIX})\b\.?(?:[ \t]+(?:{_US_SUFFIX})\b\.?)?{_UNIT}"
)
_FR_TYPES = (
    r"rue|avenue|av\.|boulevard|boul\.|bd|chemin|impasse|allée|place|quai|route|cours|square|passage"
    r"|voie|sentier|faubourg|rond-point|résidence|lotissement"
)
# "22 r. Nationale": the abbreviation only after a house number.
_FR_TYPES_NUMBERED = rf"{_FR_TYPES}|r\."
_FR_LINK = r"(?:(?:de la|de l'|de l’|du|des|de|d'|d’|la|le|les)[ \t]*)?"
_FRENCH = re.compile(
    r"(?<![\w-])(?:\d{1,5}-)?\d{1,4}(?:[ \t]?(?:bis|ter|quater)|[A-Za-z])?,?"
    rf"[ \t]+(?i:{_FR_TYPES_NUMBERED})[ \t]+{_FR_LINK}"
    rf"{_CAP}(?:[ \t]+(?:{_FR_LINK}){_CAP}){{0,3}}"
    rf"|(?<![\w-])(?:{_FR_TYPES}|Lieu-dit|Lieudit|lieu-dit)[ \t]+{_FR_LINK}{_CAP}"
    rf"(?:[ \t]+{_FR_LINK}{_CAP}){{0,3}}"
)
# A house number with what may follow it before a comma: "301 bis", "114 hs", "200-II", "137/b".
_HOUSE_NO = (
    r"\d{1,5}(?:[ \t]?(?:bis|ter|quater|hs|bg|[1-9]?hg|[1-9]-?hoog)(?![\w-])"
    r"|[ \t]?[A-Za-z](?![\w'’-])"
    r"|[ \t]?[-/][ \t]?(?:\d{1,4}[A-Za-z]?|[A-Za-z]|I{1,3}|IV|hg|hs)(?:/\d{1,4}(?![\w-]))?"
    r"(?![\w-]))?"
)
_TYPE_FIRST_WORDS = (
    "Calle C/ c/ C. Avenida Avda. Avda Av. Av Paseo Pº Pº. P° P°. Po. Po Plaza Pza. Camino Ronda"
    " Carrer Travesía Travesia Callejón Pasaje Vía Rambla Alameda Carretera Cañada Urbanización"
    " Glorieta Cuesta Acceso Vial Pasadizo Bulevar Bv. Bvd. Sector Polígono Barrio"
    " Via Vico Viale Piazza Piazzale Piazzetta Corso Largo Vicolo Strada Contrada Borgo Rotonda"
    " Stretto Lungomare Salita Traversa Canale Incrocio Rione Fraz. Frazione Località Borgata"
    # Portuguese and Brazilian
    " Rua Travessa Praça Praca Estrada Rodovia Beco Calçada Rotunda Praceta Ladeira Viela"
    " Vereda Trecho Passeio Avenue"
    # French, number after the name (Belgium, Switzerland): "Rue Haute 52", "Chemin des Vignes 7"
    " Rue Chemin Chaussée Boulevard Bd Allée Impasse Quai Avenue Clos Drève Ruelle Venelle Sentier"
    # Polish
    " ul. ulica aleja plac osiedle"
).split()
# Words that start a street name as often as a sentence ("Am Hang 4", "Campo Grande 12",
# "Korte Vijverberg 5"): a street only when a postcode or locality follows.
_TYPE_FIRST_WEAK_WORDS = [
    w.replace("_", " ")
    for w in (
        "Am Im Zum Zur An_der An_den Auf_der Auf_dem In_der Unter_den Hinter_der Vor_dem Alte"
        " Alter Neue Neuer Lange Korte Oude Nieuwe Hoge Grote Kleine Campo Sítio Sitio Trevo"
        " Morro Vila Jardim Parque Lago Lagoa Vale Setor Quadra Recanto Residencial Núcleo"
        " Conjunto Chácara Condomínio Fazenda Favela Feira Área Colônia Distrito Esplanada"
        " Estação Loteamento Pátio Praia Passarela Viaduto Quinta Bairro Urbanización Route Place"
        # abbreviations that are initials as often: "R. Nova do Almada 5", "pl. Zbawiciela 3"
        " R. al. pl. os."
    ).split()
]
_TYPE_FIRST_TYPES = _by_first_letter(_TYPE_FIRST_WORDS)
_TYPE_FIRST_WEAK_TYPES = _by_first_letter(_TYPE_FIRST_WEAK_WORDS)
_TYPE_LINK = (
    r"(?:(?:de la|de los|de las|del|des|du|de|di|della|delle|dei|degli|dello|da|do|das|dos|e|el)"
    r"[ \t]+|d['’](?=[A-Z])){0,2}"
)
_NAME_WORD = rf"(?:{_CAP}|(?:Dr|Dra|Prof|Sr|Sra|Gen|Sto|Sta|Pe|Eng|Cde|Gral|Mal|Pres|Hl|St)\.)"
_TYPE_NUMBER = (
    r",?[ \t]+(?:n\.?[ \t]?|nº[ \t]?|n\.[ºo][ \t]?|no\.?[ \t]?|Nr\.?[ \t]?|num\.?[ \t]?)?"
    rf"(?:{_HOUSE_NO}|S/N|s/n|SN)(?![\w])"
)


def _type_first(types: str) -> re.Pattern[str]:
    # The lookahead fails fast where no letter starts (most positions).
    return re.compile(
        rf"(?=[^\W\d_])(?<![\w-])(?:{types})(?:(?<=[./º°])[ \t]*|[ \t]+){_TYPE_LINK}{_NAME_WORD}"
        rf"(?:[ \t]+{_TYPE_LINK}{_NAME_WORD}){{0,4}}{_TYPE_NUMBER}"
    )


_TYPE_FIRST = _type_first(_TYPE_FIRST_TYPES)
_TYPE_FIRST_WEAK = _type_first(_TYPE_FIRST_WEAK_TYPES)
_LINK_WORDS = frozenset(
    "no de la los las del el di della delle dei degli dello da do das dos e".split()
)
_TYPE_FIRST_SOURCES = frozenset((_TYPE_FIRST.pattern, _TYPE_FIRST_WEAK.pattern))
_COMPOUND_SUFFIXES = (
    r"straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|pfad|steig|stieg|graben"
    r"|straat|laan|plein|gracht|kade|dijk|singel|steeg|baan|boulevard|dreef|plantsoen|hof|pad"
    r"|(?<=[a-zäöüß]{3})ring|-(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer|Pfad|Steig"
    r"|Chaussee|Markt|Hof)"
)
# Words before a German or Dutch compound: "Van Baerlestraat", "Nieuwe Herengracht", "Alte Gasse".
_COMPOUND_LEAD = (
    r"(?:(?:Van|van|Van[ \t]de|van[ \t]de|Van[ \t]der|van[ \t]der|Van[ \t]den|van[ \t]den|De|Den"
    r"|Het|Sint|St\.|Nieuwe|Oude|Lange|Korte|Hoge|Lage|Grote|Kleine|Eerste|Tweede|Derde|Alte"
    r"|Neue|Große|Grosse|Obere|Untere|Hohe|Breite|Bad|Dr\.|Prof\.)[ \t]+)?"
)
_COMPOUND = re.compile(
    rf"(?<![\w-]){_COMPOUND_LEAD}(?:(?:[A-ZÄÖÜ][a-zäöüß]+[ \t](?=[A-ZÄÖÜ][\w'’]*-)"
    # "Landstraßer Hauptstraße", "Wiener Straße": a place's adjective before the name
    r"|[A-ZÄÖÜ][a-zäöüß]+er[ \t](?=[A-ZÄÖÜ]))?"
    rf"[A-ZÄÖÜ][\w'’-]*?(?:{_COMPOUND_SUFFIXES})"
    r"|[A-ZÄÖÜ][\w'’-]*[ \t]+(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz|Ring|Damm|Ufer))"
    rf"[ \t]+{_HOUSE_NO}(?![\w])"
)


# Latin American numbered streets: "Calle 10 Sur # 43A-25", "Cra. 100 # 11-60" (Colombia: the
# cross street and the distance from it), "Calle 7 N° 1120" (Argentina). The number sign and
# the second number make the form; a street named by a number alone ("Calle 7") is not one.
_NUMBERED = re.compile(
    r"(?<![\w-])(?:Calle|Carrera|Cra\.?|Kra\.?|Cr\.?|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?"
    r"|Transversal|Tv\.?|Autopista)[ \t]+\d{1,3}[A-Z]?"
    r"(?:[ \t]+(?:Bis|Sur|Norte|Este|Oeste|Poniente|Oriente|Pte\.|Ote\.))*"
    r"[ \t]*(?:#[ \t]*\d{1,4}[A-Z]?[ \t]*-[ \t]*\d{1,3}"
    r"|(?:No\.?|N°|Nº|Nro\.?)[ \t]*\d{1,4}(?:-?[A-Z])?(?:[ \t]*-[ \t]*\d{1,3})?"
    # Puebla: a direction, then the house number ("Calle 5 Sur 1704", "Av. 11 Poniente 2304")
    r"|(?<=[a-z.])[ \t]+\d{1,5}(?:-?[A-Z])?)"
    # Yucatán: the cross streets, "Calle 60 No. 491-A x 57 y 59"
    r"(?:[ \t]+(?:x|entre)[ \t]+\d{1,3}[A-Z]?(?:[ \t]+y[ \t]+\d{1,3}[A-Z]?)?)?(?![\w-])"
)


# Brasília's sector addresses: "SQS 308 Bloco C", "SHIS QI 9 Conjunto 4 Casa 12", "CLN 214".
# The sector codes are as often other abbreviations: only with a locality or postcode after.
_BRASILIA = re.compile(
    r"(?<![\w-])(?:SQ[SN]W?|SHI[SN]|SH[CD][SN]|CL[SN]W?|CR[SN]|EQ[SN]|SMDB|SMPW)"
    r"(?:[ \t]+(?:QI|QL|Q\.?)[ \t]*\d{1,3})?[ \t]+\d{1,4}"
    r"(?:[ \t]+(?:Bloco|Bl\.|Conjunto|Conj\.|Cj\.?|Casa|Lote)[ \t]+[A-Z\d]{1,3}(?![\w-]))*"
)


_STREET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_NUMBER_FIRST, "house number, street words and a street suffix"),
    (_FRENCH, "French street type and street name"),
    (_TYPE_FIRST, "street type, street name and a house number"),
    (_COMPOUND, "German or Dutch street name and a house number"),
    (_TYPE_FIRST_WEAK, "street name and a house number"),
    (_NUMBERED, "numbered street and a house number"),
    (_BRASILIA, "Brasília sector and block"),
)
# Street forms that count only with a locality or postcode after them.
_NEEDS_TAIL = frozenset((_TYPE_FIRST_WEAK.pattern, _BRASILIA.pattern))
# The same street forms without the capital letters, tried only right after an address cue.
_STREET_PATTERNS_ANY_CASE = tuple(
    (re.compile(p.pattern, re.IGNORECASE), why) for p, why in _STREET_PATTERNS
)
_POST_BOX = re.compile(
    r"(?:(?:RR|R\.R\.|Rural[ \t]Route)[ \t]?\d{1,3},?[ \t]+Box|P\.?[ \t]?O\.?[ \t]?Box"
    # New Zealand rural delivery ("RD 2, Ngatea 3597"), German parcel lockers ("Packstation 118")
    r"|RD|Packstation"
    # a US highway contract route ("HC 64 Box 1120"), a Swiss "case postale", a bare "Box 31129"
    # (weak: an address only before a locality)
    r"|HC[ \t]?\d{1,3},?[ \t]+Box|[Cc]ase[ \t]postale|Box"
    r"|PO[ \t]?Box|Post[ \t]Office[ \t]Box|GPO[ \t]Box"
    r"|Locked[ \t]Bag|Postfach|Postbus|Apartado(?:[ \t]de[ \t]Correos)?|Apdo\.|Casella[ \t]"
    r"[Pp]ostale|C\.P\.|Boîte[ \t][Pp]ostale|BP|PSC[ \t]\d{3,4},?[ \t]Box|Unit[ \t]\d{4},?[ \t]Box)"
    r"[ \t]*\d(?:[ \t]?\d){0,7}(?![\w-])"
)
# Forms that are an address only when a locality or military post office follows.
_WEAK_BOX = re.compile(r"(?:BP|C\.P\.|RD|Packstation|Box|Unit\b.*)[ \t]*[\d \t]+")
_SHIP = re.compile(r"(?<![\w-])(?:USNS|USNV|USS|USCGC)[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?")

# --- what follows a street line ------------------------------------------------------------

_LETTER = r"(?:[^\W\d_]|['’])"
_WORD = rf"[A-ZÀ-ÖØ-Þ]{_LETTER}*(?:-{_LETTER}+)*"
# Capitalised words that end a locality: sentence openers, sign-offs, shop words, days, months.
_STOP_WORDS = (
    "I Im I'm My Our Your The A An It Its It's We You He She They This That These There Here"
    " Thanks Thank Thx Please Pls Regards Best Cheers Sincerely Kind Many Warm Yours Love"
    " Hi Hello Dear Hey And But Or So Also Then When If As At In On To For From With By Of"
    " Is Was Are Be Can Could Would Will Should Must May Might Do Does Did Not No Yes Ok Okay"
    " Sorry Today Tomorrow Yesterday Tonight Order Orders Ticket Case Invoice Tracking Ref"
    " Reference Model Sku SKU Item Items Product Size Code Phone Tel Email Call Mail Ship Send"
    " Deliver Delivery Parcel Package Account Customer Number Total Price Qty Quantity Room"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April"
    " June July August September October November December Mon Tue Wed Thu Fri Sat Sun"
    " Danke Bitte Mit Vielen Merci Cordialement Bonjour Gracias Saludos Hola Grazie Cordiali"
    " Ciao Bedankt Groeten Hallo Met Vriendelijke Kreditkarte Karte Telefon Handy Bestellung"
    " Rechnung Reisepass Carte Numéro Téléphone Passeport Tarjeta Pedido Número Pasaporte"
    " Atentamente Carta Ordine Numero Distinti Saluti Cartão Obrigado Obrigada Cumprimentos"
    " Abraço Enviado Passaporte Creditcard Bestelling Factuur Alvast Beste Liebe Viele Grüße"
    " LG VG MfG Passport IBAN CVV PIN Name Note Notes Attn Contact Mobile Cell Fax Card"
    " Telefone Telefono Teléfono"
).split()


_STOP = _by_first_letter(_STOP_WORDS)
_STOP_SET = frozenset(_STOP_WORDS)
_LOC_WORD = rf"(?!(?:{_STOP})(?![\w'’-]))(?:'s-|['’]t[ \t]|(?:St|Ste|Mt|Ft|Pt)\.[ \t]?)?{_WORD}"
_PARTICLE = (
    r"(?:de|du|des|la|le|les|sur|sous|en|am|an|der|im|in|ob|vorm|vor|bei|upon|on|aan|den|op"
    r"|di|del|della|y|da|do|dos|das|'t|’t|In|A|On|Of)"
)
_LOC = (
    rf"{_LOC_WORD}(?:(?:[ \t]+{_PARTICLE})*[ \t]+{_LOC_WORD}){{0,4}}"
    # a town's name in two languages: "Arrasate/Mondragón", "Donostia/San Sebastián"
    rf"(?:/(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ]){_LOC_WORD}(?:[ \t]+{_LOC_WORD})?)?"
    r"(?:(?<=Dublin)[ \t](?:6W|\d{1,2})(?![\w-]))?"
)
_LOCS = rf"{_LOC}(?:(?:[ \t]*(?:,|\r?\n[ \t]*>?)|[ \t]+[-–])[ \t]*{_LOC}){{0,2}}"
_REGION = rf"(?:{region_pattern()})(?![\w-])"
_SUBREGION = rf"(?:{subregion_pattern()})(?![\w-])"
# A region after the town and postcode: "33519 Siero, Asturias", "97000 Mérida, Yuc."
_SUBREGION_AFTER = rf"(?:[ \t]*,[ \t]*{_SUBREGION})?"
_END = r"(?![\w-])"
# Postcode shapes; the country rules in postcodes.py decide.
_PC_AFTER = (
    r"(?:CEP[ \t]?:?[ \t]?)?\d{5}-\d{3}|\d{5}(?:-\d{4})?|\d{6}"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
    r"|[A-Z]\d[\dW][ \t]?[A-Z\d]{4}|\d{4}"
)
_PC_FIRST = (
    r"(?:(?:D|DE|F|FR|I|IT|E|ES|NL)-)?\d{5}|[1-9]\d{3}[ \t]?[A-Z]{2}|[1-9]\d{3}-\d{3}"
    r"|(?:(?:B|CH|A|L)-)?[1-9]\d{3}(?![\d-])|C\.P\.[ \t]?\d{5}|[A-HJ-NP-Z]\d{4}(?:[A-Z]{3})?"
    r"|(?:CEP[ \t]?:?[ \t]?)?\d{5}-?\d{3}|\d{2}-\d{3}"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]\d[\dW][ \t]?[A-Z\d]{4}"
)
# Between a street line and what follows: a comma, a line break (quoted with ">" too), a dash.
_SEP = r"(?:[ \t]*,[ \t]*|[ \t]*\r?\n[ \t]*>?[ \t]*|[ \t]+[-–][ \t]+|[ \t]+)"
_LINE_SEP = r"(?:[ \t]*,[ \t]*|[ \t]*\r?\n[ \t]*>?[ \t]*|[ \t]+[-–][ \t]+)"
# Between a town and its region: also a slash ("São Paulo/SP", "Porto Alegre/RS").
_REGION_SEP = rf"(?:{_SEP}|[ \t]*/[ \t]*)"
_UNIT_WORDS = (
    r"Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Room|Rm|Bldg|Building|Level|Piso|Puerta"
    r"|Escalera|Esc|Planta|Étage|Etage|Bât|Bâtiment|Appt|Appartement|Wohnung|Whg|Interno|Int"
    r"|Scala|Piano|Dept|Apto|Casa|Bloco|Bloque|Portal|Andar|Lote|Sala|Loja|Appartamento"
    # Belgian boxes ("bus 4", "bte 3", "boîte 7"), Austrian doors ("Top 3", "Stiege 2")
    r"|bus|bte|boîte|boite|Top|Stiege|Stg|Tür|Chambre|Stanza|Torre|Interior"
    # Australian lots, Spanish and Latin American doors, plots, offices, Dutch rooms
    r"|Lot|Pta|Ap|Parcela|Oficina|Bodega|Local|Depto|Dpto|Kamer"
    # Italian buildings ("palazzina C"), Quebec flats ("app. 5")
    r"|Palazzina|Pal|App"
)
# A floor and side, Spanish and Portuguese: "3º dcha.", "2ºA", "2º izq.", "3.º andar", "1º Esq."
# (the detector reads "º" as "o", its compatibility form).
_FLOOR = (
    # floor and door: "3º 2ª"
    r"(?:\d{1,2}\.?[º°o][ \t]?\d{1,2}\.?[ªa](?![\w-])"
    r"|\d{1,2}\.?[º°ªoa][ \t]?(?:(?i:andar|piso|planta|piano|dcha|dcho|dch|izq|izqda|izda|dto"
    r"|esq|dir|centro|ctro|frente|fte|drt|direito|esquerdo|derecha|izquierda)(?:\.|(?![\w-]))"
    r"|[A-Za-z](?![\w-]))?"
    # Spanish ground and top floors ("bajo B", "ático"), Catalan "3r 1a"
    r"|(?i:bajo|bajos|entlo|entresuelo|ático|atico|pral|principal)\.?(?:[ \t]?[A-Za-z\d](?![\w-]))?"
    r"|\d{1,2}(?:r|n|t|er)[ \t]\d{1,2}[aª])"
)
# German floors and wings, before or after the street line: "3. OG", "Hinterhaus".
_DE_FLOOR = (
    r"(?:(?:\d{1,2}\.[ \t]?(?:OG|UG|Etage|Stock|Obergeschoss)|EG|DG|Erdgeschoss|Dachgeschoss)"
    r"(?:[ \t](?:links|rechts|Mitte|li\.|re\.))?"
    r"|Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus|Hinterhof|Souterrain)"
)
_UNIT_AFTER = (
    rf"(?:(?:{_SEP}|[ \t]*/[ \t]*)(?:(?:(?i:{_UNIT_WORDS})(?:\.|(?![\w-]))[ \t]*#?|#[ \t]?)"
    r"(?:[A-Za-z]{0,2}\d[\w-]{0,4}|[A-Za-z])(?![\w-])|\d{1,2}(?:st|nd|rd|th)[ \t]+Floor"
    # a Brazilian house at the back of the plot ("1020, fundos", "88 casa fundos")
    rf"|{_FLOOR}|(?i:r/c|s/n|fundos|casa[ \t]fundos)(?![\w-])|{_DE_FLOOR}(?![\w-])"
    r"|\d{1,2}(?:er|e|ème|eme)[ \t](?i:étage|etage)(?:[ \t](?:gauche|droite|face|fond))?"
    r"|[1-9][ \t-]?hoog(?![\w-])"
    # a kilometre point on a road, a box after the street ("case postale 52", "Postfach 31")
    r"|(?i:km)\.?[ \t]?\d{1,3}(?:[.,]\d{1,3})?(?![\w-])"
    r"|(?:(?i:case|casella)[ \t](?i:postale)|Postfach|C\.P\.|CP|BP|Apdo\.)[ \t]?\d{1,6}(?![\w-])"
    r"|(?:Col\.|Colonia|Fracc\.|Fraccionamiento|Urb\.|Urbanización|[Bb]arrio|Bairro|Ejido)"
    rf"[ \t]+{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
    r"))*"
)
_PROVINCE = (
    rf"(?:[ \t]*\((?P<prov>[A-Z]{{2}}|{_LOC})\)|[ \t]*/[ \t]*(?P<uf>[A-Z]{{2}})(?![\w-])"
    r"|[ \t]+(?P<prov2>[A-Z]{2})(?![\w-]))?"
)
_COUNTRY = re.compile(rf"{_SEP}(?P<country>{country_pattern()})(?![\w-])", re.IGNORECASE)
_TERMINATOR = re.compile(r"[ \t]*(?:[.!?;)]|\r?\n|$)")
_TERMINATOR_OR_COMMA = re.compile(r"[ \t]*(?:[.!?;,)]|\r?\n|$)")
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from and or but my our your his her its is are was be it i"
    " me we you this that with by am as if no so up us he do go ok pm".split()
)


def _tail_forms(any_case: bool, lead: str = _SEP) -> dict[str, re.Pattern[str]]:
    """What may follow a street line (or, with no `lead`, an address cue), form by form.

    Without capitals a locality is one or two words and a postcode must follow or precede it:
    lowercase text gives no other sign of where a place name ends.
    """
    flags = re.IGNORECASE if any_case else 0
    one = rf"{_LOC_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_LOC_WORD})?"
    loc = rf"{one}(?:(?:[ \t]*,|[ \t]+-)[ \t]*{one})?" if any_case else _LOCS
    forms = {
        # "Montréal (Québec) H3B 1K9" too
        "locality region postcode": rf"{lead}(?P<loc>{loc}){_REGION_SEP}\(?(?P<region>{_REGION})\)?"
        rf"{_SEP}"
        rf"(?P<pc>{_PC_AFTER}){_END}",
        # "Springfield 62704", "Varanasi-221001" (India)
        "locality postcode": rf"{lead}(?P<loc>{loc})(?:{_SEP}|-)(?P<pc>{_PC_AFTER}){_END}",
        "postcode locality": rf"{lead}"
        + ("" if any_case or not lead else rf"(?:{_LOC}{_LINE_SEP})?")
        + rf"(?P<pc>{_PC_FIRST}){_END}{_SEP}"
        + (
            rf"(?P<loc>{one})(?:[ \t]*\({one}\))?"
            if any_case
            # A Brazilian district may come first: "Centro, 30160-011 Belo Horizonte / MG".
            # A Galician or Portuguese article starts some towns: "15007 A Coruña".
            else rf"(?:(?:da|do|de|dos|das)[ \t]+)?"
            rf"(?P<loc>(?:(?:A|O|As|Os)[ \t](?=[A-ZÀ-Þ]))?{_LOC})"
            rf"{_PROVINCE}{_SUBREGION_AFTER}"
        ),
    }
    if not any_case and lead:
        forms["locality region"] = (
            rf"{_LINE_SEP}(?P<loc>{loc}){_REGION_SEP}(?P<region>{_REGION}|{_SUBREGION})"
        )
        # A last line of a country and a code not checked here: "Liechtenstein 9490".
        forms["locality"] = (
            rf"{_LINE_SEP}(?P<loc>{_LOC})(?:{_LINE_SEP}{_LOC}[ \t]+(?:\d{{4,6}}"
            r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
            r"(?=[ \t]*(?:[.!?;)]|\r?\n|$)))?"
        )
        # A Dublin postal district ends an address as a postcode does: ", Drumcondra, Dublin 9".
        forms["postal district"] = (
            rf"{_LINE_SEP}(?:{_LOC_WORD}(?:[ \t]+{_LOC_WORD})?{_LINE_SEP})?"
            r"Dublin[ \t](?:6W|\d{1,2})"
            r"(?![\w-])"
        )
        forms["military post office"] = (
            rf"{_SEP}(?:APO|FPO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{{5}}{_END}"
        )
    return {form: re.compile(source, flags) for form, source in forms.items()}


_TAILS = _tail_forms(any_case=False)
_TAILS_ANY_CASE = _tail_forms(any_case=True)
_GROUPS_ANY_CASE = _tail_forms(any_case=True, lead="")
_UNITS = re.compile(_UNIT_AFTER)
_UNITS_ANY_CASE = re.compile(_UNIT_AFTER, re.IGNORECASE)

# --- locality groups on their own -----------------------------------------------------------

_START = r"(?<![\w'’-])"
# These end where the candidate postcode ends (searched with endpos; "$" anchors there).
# One line, or one part a line ("Knockanore\nKilmacthomas\nCo Waterford\nX42 HP93").
_GROUP_GAP = r"(?:,?[ \t]+|[ \t]*,?[ \t]*\r?\n[ \t]*)"
_LOC_LINES = rf"{_LOC}(?:[ \t]*\r?\n[ \t]*{_LOC}){{0,2}}"
_GROUP_REGION = re.compile(
    rf"{_START}(?P<loc>{_LOC_LINES}){_GROUP_GAP}(?P<region>{_REGION}){_GROUP_GAP}(?P<pc>{_PC_AFTER})$"
)
_GROUP_UK_IE = re.compile(
    rf"{_START}(?P<loc>{_LOC_LINES}){_GROUP_GAP}(?P<pc>[A-Z]{{1,2}}\d[A-Z\d]?[ \t]\d[A-Z]{{2}}"
    rf"|(?:[A-Z]\d\d|D6W)[ \t][A-Z\d]{{4}})$"
)
_GROUP_POSTCODE_FIRST = re.compile(
    rf"(?<![\w-])(?P<pc>{_PC_FIRST}){_END}{_SEP}(?P<loc>{_LOC}){_PROVINCE}{_SUBREGION_AFTER}"
)
# Postcodes written before the town that no year, quantity or phone number looks like.
_STRONG_FIRST = re.compile(r"[1-9]\d{3}[ \t]?[A-Z]{2}|[1-9]\d{3}-\d{3}")
_GROUP_FIVE_AFTER = re.compile(
    rf"{_START}(?P<loc>{_LOC})[ \t]*,?[ \t]+(?P<pc>\d{{5}}(?:-\d{{4}})?)$"
)
# A street line of any street type, right before a locality group that validated on its own.
_STREET_BEFORE = re.compile(
    r"(?:(?i:unit|flat|apt\.?|level|suite|studio|lot|shop)[ \t]+[\w-]{1,5},?[ \t]+)?"
    rf"(?:\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,4}})?,?(?:[ \t]+{_WORD}){{1,4}}"
    rf"|{_WORD}(?:(?:[ \t]+{_PARTICLE})*[ \t]+{_WORD}){{0,3}},?[ \t]+\d{{1,4}}[A-Za-z]?"
    r"(?:[-/](?:\d{1,4}|[A-Za-z]))?)"
    rf"(?:[ \t]+(?i:{_UNIT_WORDS})\.?[ \t]*#?\w{{1,5}})?{_LINE_SEP}$"
)
# What may come before a street line: a flat, floor or building ("Appt 4, ", "Bât. B, ", "2. OG, ",
# "Hinterhaus", "flat 2b, ", "H.No. 12, ") or a residence ("Résidence du Parc"). These end
# where the street line starts (searched with endpos; "\Z" anchors there).
_PREFIX_UNIT = re.compile(
    r"(?<![\w-])(?:(?i:h\.[ \t]?no\.|house[ \t]no\.?)"
    r"|(?i:appt|app|apt|apartment|appartement|flat|unit|suite|studio|level|bât|bat"
    r"|bâtiment|batiment|escalier|esc|wohnung|whg|bloco|bloc|block|shop|croft"
    r"|piso|porte|room|chambre|stanza|lot|lote|parcela|kamer|oficina|local"
    # a plot on a new estate, a hospital ward or station, a pitch or berth, a room in a hall
    # of residence, a house in a development, an Italian staircase or flat number
    r"|plot|ward|station|pitch|berth|cabin|site|hab|habitaci[óo]n|casa|scala|int|interno"
    r"|palazzina|zimmer|quarto|sala)\.?[ \t]*#?"
    r"(?:[A-Za-z]{0,2}\d[\w-]{0,4}|[A-Za-z])(?![\w'’-])"
    # a floor ("3.º B, ", "11° piso, "), a box before the street ("C.P. 214, ")
    r"|\d{1,2}\.?[º°ªo](?:[ \t]?(?:(?i:piso|andar|planta)|[A-Z])(?![\w-]))?"
    r"|(?:C\.P\.|CP|P\.?O\.?[ \t]Box|BP|Postfach|Apdo\.)[ \t]?\d{1,6}"
    # a business park or estate before the street: "Z.A. des Portes, ", "Urb. Los Almendros, "
    r"|(?:Z\.[AI]\.(?:C\.)?|ZAC|ZA|ZI|Urb\.|Edif\.|(?i:zone[ \t](?:artisanale|industrielle"
    r"|commerciale|d['’]activités?)|parc[ \t]d['’]activités?|pol[íi]gono(?:[ \t]industrial)?))"
    r"[ \t]+(?:(?:de la|de los|des|de|du|del|los|las|la|le|les|l['’]|d['’])[ \t]*)?"
    rf"{_CAP}(?:[ \t]+(?:(?:de la|de|des|du|del|l['’]|d['’])[ \t]*)?{_CAP}){{0,3}}"
    rf"|{_DE_FLOOR}|\d{{1,2}}(?:st|nd|rd|th)[ \t]Floor"
    r"|\d{1,2}(?:er|e|ème)[ \t]étage(?:[ \t](?:gauche|droite|face|fond))?"
    # a Glasgow flat position ("3/2, 18 Hyndland Road"), a Mexican rural "domicilio conocido",
    # a care-of line ("c/o Dunmore Solicitors, ", "c/o Familie Lange, ")
    r"|[0-9]/[1-3LR]|(?i:domicilio[ \t]conocido)"
    rf"|c/o[ \t]+(?:{_CAP}[ \t]+){{0,3}}{_CAP}"
    rf"|(?i:résidence|residence|résidences)[ \t]+(?:(?:les|le|la|des|du|de|l'|l’)[ \t]*)?"
    rf"{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
    r"(?:[ \t]*,[ \t]*|[ \t]*\r?\n[ \t]*|[ \t]+)\Z"
)
# "Unit 3/18 Hill Street": the unit word alone before an Australian "unit/number".
_PREFIX_BARE_UNIT = re.compile(
    r"(?<![\w-])(?i:unit|flat|apt|apartment|suite|shop|villa|room)\.?[ \t]+\Z"
)
_NUMBER_THEN_COMMA = re.compile(r"\d{1,5}[A-Za-z]?,")
# "LOT 12 BULLA ROAD": an Australian lot or mail bag whose number is the street line's.
_LOT_BEFORE = re.compile(r"(?<![\w-])(?i:lot|rmb)[ \t]+\Z")
_UNIT_SLASH_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?/\d")
_PREFIX_HINT = re.compile(
    r"(?i:ap|fl|un|su|st|le|b[âa]t|es|h\.|hou|wo|wh|bl|pi|po|ro|og|eg|dg|haus|ges|res|rés|\d"
    r"|lo|pa|ka|of|z|ur|ed|bp|sh|cr|do|c/)"
)
# A house or estate name before a street line or a locality group: "The Granary, ",
# "Tŷ Newydd, ", "Rose Cottage, "; and before a locality group a street without a number
# ("Oakwood Park, Tralee, Co. Kerry"). A name before a street is too often a person's
# ("Anna Berg, 12 Church Road") for anything less.
_PREFIX_NAME = re.compile(
    rf"(?<![\w'’-])(?:The[ \t]+)?{_WORD}"
    rf"(?:[ \t]+(?:na|an|y|de|of|the|du|des|da|das|do|dos|del|la|las|los|el|universitaire"
    rf"|universitaria|universitário|universitario|{_WORD})){{0,3}}"
    r"[ \t]*(?P<sep>,|\r?\n)[ \t]*\Z"
)
_HOUSE_WORDS = frozenset(
    (
        "The House Cottage Cottages Farm Farmhouse Lodge Forge Barn Manor Villa Grange Bungalow"
        " Stables Rectory Vicarage Ty Tŷ Bryn Ard Tigh Residenz Immeuble Edificio Palazzo"
        " Building Apartments Mansions"
        # farms, estates and buildings in Spanish and Portuguese
        " Finca Quinta Sítio Sitio Fazenda Chácara Hacienda Rancho Cortijo Masía Granja Edifício"
        " Urbanização Urbanización Condomínio Residencial Torre"
        # house names that no person has: "Orchard View, ", "Les Hauts de Chambéry, "
        " View Haven Nook Bothy Steading Schoolhouse Hauts Domaine Hameau Mas Manoir Moulin"
        # institutions people are sent things at: a ward of an infirmary, a room in a hall of
        # residence, a village hall, a school's office
        " Residence Residences Infirmary Hospital Hostel School College Academy Clinic Hospice"
        " Campus Village Parish"
        " Bâtiment Batiment Cité EHPAD Résidence Chalet Gut Casal Laneway Klinikum"
        " Universitätsklinikum Krankenhaus Wohnheim Studentenwohnheim Colegio Residencia"
        " Ospedale Collegio Studentato Ziekenhuis Residência Hospitais"
    ).split()
)
_SUFFIX_WORDS = frozenset(_US_SUFFIX_WORDS)
_IE_COUNTY = re.compile(
    r"(?<![\w-])(?:Co\.?|County)[ \t]+(?:"
    + "|".join(sorted({r[4:] for r in REGIONS if r.startswith("Co. ")}))
    + r")(?![\w-])"
)
# Where the first part may start: after punctuation, a line break or "of", "at", "from" …
_IE_FIRST_START = re.compile(r"(?:^|[,:;(\n]|(?<![\w-])(?:of|from|at|in|to|is))[ \t]*\Z")
# The two parts before the county, each before a comma ("Knockanore, Ballyduff, ").
_IE_LOCS_BEFORE = re.compile(
    rf"{_START}(?P<first>{_LOC_WORD}(?:[ \t]+{_LOC_WORD}){{0,2}})[ \t]*,[ \t]*{_LOC}[ \t]*,[ \t]*\Z"
)
# Address cues, matched against the lowercased text: a stem is searched for first (cheap), and
# the whole cue is matched where a stem starts a word. The cue's end is what counts.
_CUE_STEM = re.compile(
    _by_first_letter(
        (
            "address lieferadresse rechnungsadresse postadres woonadres adres live moved ship send"
            " sent deliver mail post forward return c/o anschrift wohnhaft direcci domicilio"
            " indirizzo morada endereço j'habite j’habite habite livr envoy sped abito vivo"
            " risiedo envi enví mand moro wohn woon wonend factuuradres afleveradres"
            " bezorgadres stuur entreg"
            " verstuur bitte liefern schick"
        ).split()
    )
)
_CUE = re.compile(
    r"(?:address(?:[ \t]+(?:now[ \t]+is|changed[ \t]+to))?"
    r"|(?:liefer|rechnungs)?adresse|(?:post|woon)?adres|live[ \t]+(?:at|in|on)|moved[ \t]+to"
    r"|(?:ship|send|sent|deliver|mail|post|forward|return)(?:ed|ing|s)?[ \t]+"
    r"(?:(?:it|them|this|everything|the[ \t]+\w+|my[ \t]+\w+)[ \t]+)?to|c/o|anschrift"
    r"|wohnhaft[ \t]+in|direcci[oó]n|domicilio|indirizzo|morada|endereço"
    r"|(?:j['’])?habite[ \t]+(?:au|à|a|aux|en)"
    r"|(?:livr|envoy)(?:er|ez|é|ée|és)[ \t]+(?:(?:le|la|les|mon|ma|mes|ça|tout)[ \t]+"
    r"(?:\w+[ \t]+)?)?(?:au|à|a|chez)"
    r"|sped(?:ite|ire|isci|ite-lo)[ \t]+(?:(?:il|lo|la|tutto)[ \t]+(?:\w+[ \t]+)?)?(?:a|in|presso)"
    r"|(?:abito|vivo|risiedo)[ \t]+(?:in|a|en)"
    r"|(?:envi|enví|mand)(?:em|e|ar|en|ad|o)[ \t]+(?:(?:o|a|os|as|el|la|lo|tudo|todo)[ \t]+"
    r"(?:\w+[ \t]+)?)?(?:para|a|en)"
    r"|moro[ \t]+(?:na|no|em)|wohne?[ \t]+(?:in[ \t]+der|in|im|am|an[ \t]+der)"
    r"|woon(?:t)?[ \t]+(?:op|in|aan)|wonend[ \t]+te"
    r"|(?:factuur|aflever|bezorg)adres|(?:ver)?stuur[ \t]+(?:\w+[ \t]+)?naar"
    r"|entreg(?:ar|ue|uen|uem|ad|a|em)[ \t]+(?:(?:o|a|os|as|el|la|lo|tudo|todo)[ \t]+"
    r"(?:\w+[ \t]+)?)?(?:na|no|em|en|a)"
    r"|bitte[ \t]+an|liefern[ \t]+an|schicken[ \t]+(?:sie[ \t]+)?(?:es[ \t]+)?an)"
    r"(?![\w])(?:[ \t]+(?:is|ist|es|est|è|was)(?:[ \t]+now)?(?![\w]))?[ \t]*:?[ \t]*"
)
_CUE_REACH = 60  # characters after a cue in which an address may start
_SENTENCE_END = re.compile(r"[.!?][ \t]|\n[ \t]*\n")
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-Za-zº]{1,4}\Z")  # "av", "Dr", "Avda", "Pº"
# Where a postcode may be: the shapes in _PC_AFTER and _PC_FIRST, found once per text.
_PC_CANDIDATE = re.compile(
    r"(?=[A-Z\d])(?<![\w-])(?:(?:D|DE|F|FR|I|IT|E|ES|NL)-\d{5}|[1-9]\d{3}[ \t]?[A-Z]{2}"
    r"|\d{4,5}(?:-\d{4}|-\d{3})?|[1-9]\d{5}"
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|(?:[A-Z]\d\d|D6W)[ \t]?[A-Z\d]{4}|[A-HJ-NP-Z]\d{4}[A-Z]{3})"
    r"(?![\w-])"
)
_LOWER_NL_LETTERS = re.compile(r"[ \t]?([a-z]{2})(?![\w-])")
# A number and a lowercase word: where a lowercase street line may start.
_LOWER_HINT = re.compile(r"\d[a-z]?,?[ \t]+[a-zà-ÿ]")
_DIGIT = re.compile(r"\d")


_STREET_PART_END = re.compile(r"[,\n]|\s(?=[A-ZÀ-Þ])")


def _street_part(text: str, start: int, word: int) -> str:
    """The street line a lowercase hint starts: up to 30 characters, to the first comma, line end
    or capitalised word (a town or postcode typed in capitals after a lowercase street does not
    make the street capitalised: "12 oak street Springfield IL", "12 park road, leeds LS6 2AB")."""
    part = text[start : start + 30]
    cut = _STREET_PART_END.search(part, word - start)  # from the hint's lowercase word on
    return part[: cut.start()] if cut else part


def _street_words(words: list[str]) -> frozenset[str]:
    """Street types, lowercased, with and without a dot: a cheap test before a lowercase
    pattern runs. Words too common to tell anything ("am", "in") are left out: their streets
    need a cue."""
    lowered = {w.lower() for w in words} | {w.lower().rstrip(".") for w in words}
    return frozenset(lowered - set("am im an in auf hinter vor unter c al os r".split()))


_STREET_ENDINGS = tuple(
    (
        "straße strasse str. weg gasse allee platz damm ufer chaussee pfad steig stieg graben"
        " straat laan plein gracht kade dijk singel steeg baan dreef plantsoen hof pad ring markt"
    ).split()
)
_WORD_SPLIT = re.compile(r"[\s,]+")
# Per lowercase street pattern, the words one of which it needs (None: a compound ending).
_LOWER_STREET_WORDS: tuple[frozenset[str] | None, ...] = (
    _street_words(_US_SUFFIX_WORDS),
    _street_words(_FR_TYPES.replace("\\.", ".").split("|")),
    _street_words(_TYPE_FIRST_WORDS),
    None,
    _street_words([w.split()[0] for w in _TYPE_FIRST_WEAK_WORDS]),
    _street_words("Calle Carrera Cra Kra Cr Cl Avenida Av Diagonal Dg Transversal Tv".split()),
    _street_words("SQS SQN SQSW SQNW SHIS SHIN CLS CLN CRS CRN EQS EQN".split()),
)
# A lowercase postcode shape, searched for after a lowercase street away from a cue.
_LOWER_POSTCODE = re.compile(
    r"(?<![\w-])(?:\d{5}|\d{4}[ \t]?[a-z]{2}|\d{4,5}-\d{3}|\d{2}-\d{3}"
    r"|[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}"
    r"|[a-z]\d[a-z][ \t]?\d[a-z]\d|[a-z]\d\d[ \t]?[a-z\d]{4})(?![\w-])",
    re.IGNORECASE,
)
_AFTER_FIRST = (
    *("FR", "DE", "ES", "IT", "NL", "US", "GB", "CA", "IE", "PT", "BR", "PL"),
    *("BE", "CH", "AT", "LU", "AR"),
)
_AFTER_LOCALITY = ("US", "GB", "CA", "IE", "BR", "IN")
_PREFIX_COUNTRY = {"D": "DE", "DE": "DE", "F": "FR", "FR": "FR", "I": "IT", "IT": "IT"}
_PREFIX_COUNTRY |= {"E": "ES", "ES": "ES", "NL": "NL", "B": "BE", "CH": "CH", "A": "AT", "L": "LU"}


def _postcode_ok(code: str, countries: tuple[str, ...] | frozenset[str]) -> bool:
    code = code.replace("\t", " ")
    if code[:3].upper() == "CEP":  # Brazil's "CEP 01310-100"
        code, countries = code[3:].lstrip(" :"), ("BR",)
    if "-" in code and not code[0].isdigit():
        prefix, code = code.split("-", 1)
        countries = (_PREFIX_COUNTRY[prefix],)
    return any(is_valid_postcode(code, c) for c in countries)


class AddressRecognizer:
    """Street lines and what follows them, and locality-postcode groups, in national orders."""

    name = "street_address"
    entities: tuple[str, ...] = ("ADDRESS",)

    def find(self, text: str) -> list[PiiSpan]:
        found: list[tuple[int, int, float, str]] = []
        for pattern, reason in _STREET_PATTERNS:
            for m in pattern.finditer(text):
                self._add_street(text, m, pattern, reason, found)
        if _DIGIT.search(text) is None:  # every other form has a number
            return self._spans(text, found, None)
        self._find_boxes(text, found)
        cues = _Cues(text)
        for candidate in _PC_CANDIDATE.finditer(text):
            self._find_groups(text, candidate, cues, found)
        visited: set[int] = set()  # cue ends tried
        tried: set[tuple[str, int]] = set()  # street matches tried away from a cue
        for hint in _LOWER_HINT.finditer(text):
            if not _street_part(text, hint.start(), hint.end() - 1).islower():
                continue  # capitalised: the cased patterns' ("12 park road, leeds LS6 2AB" is not)
            cue_end = cues.before(hint.start())
            if cue_end is not None:
                # After a cue: "my address is 12 oak street, ...".
                if cue_end in visited:
                    continue
                visited.add(cue_end)
                stop = min(len(text), cue_end + _CUE_REACH)
                for pattern, reason in _STREET_PATTERNS_ANY_CASE:
                    sm = pattern.search(text, cue_end, stop)
                    if sm:
                        self._add_street(text, sm, pattern, reason, found, cue_end)
            elif _LOWER_POSTCODE.search(text, max(0, hint.start() - 12), hint.end() + 90):
                # Anywhere else only with a postcode ("-- jo bloggs 18 mill lane, leeds
                # ls6 2ab"): the street line may start up to 60 characters before the hint.
                lo = max(0, hint.start() - 60, text.rfind("\n", 0, max(0, hint.start() - 25)) + 1)
                hi = min(len(text), hint.end() + 60)
                words = _WORD_SPLIT.split(text[lo:hi].lower())
                for (pattern, reason), needed in zip(
                    _STREET_PATTERNS_ANY_CASE, _LOWER_STREET_WORDS, strict=True
                ):
                    if needed is None:
                        if not any(w.endswith(_STREET_ENDINGS) for w in words):
                            continue
                    elif needed.isdisjoint(words):
                        continue
                    for sm in pattern.finditer(text, lo, hi):
                        if (reason, sm.start()) not in tried:
                            tried.add((reason, sm.start()))
                            self._add_street(text, sm, pattern, reason, found, sm.start(), True)
        return self._spans(text, found, cues)

    def _spans(
        self, text: str, found: list[tuple[int, int, float, str]], cues: _Cues | None
    ) -> list[PiiSpan]:
        if "Co" in text:
            self._find_counties(text, found)
        spans = []
        for start, end, score, reason in _merged(text, found):
            if cues is not None:
                start = _prefixed(text, start, reason.startswith("locality"))
            spans.append(PiiSpan(start, end, "ADDRESS", score, self.name, reason))
        return spans

    def _add_street(
        self,
        text: str,
        m: re.Match[str],
        pattern: re.Pattern[str],
        reason: str,
        found: list[tuple[int, int, float, str]],
        cue_end: int | None = None,
        needs_postcode: bool = False,
    ) -> None:
        """Adds a street line and what follows it; `cue_end` is set for lowercase matches.

        A street line that starts with a word as common as a street type ("Am", "Lange",
        "Campo") counts only with a locality or postcode after it; a lowercase one away from a
        cue (`needs_postcode`) only with a valid postcode.
        """
        any_case = cue_end is not None
        raw = m.group()
        if pattern.pattern is _NUMBER_FIRST.pattern and not self._number_first_ok(raw):
            return
        words = raw.split()
        if pattern.pattern in _TYPE_FIRST_SOURCES:
            # "am hang 4", "paseo del prado no 7": the type and "no" may be function words
            words = [w for w in words[1:] if w not in _LINK_WORDS]
        elif len(words) == 3 and words[1] == "the":
            words = words[::2]  # "14 the crescent"
        if any_case and (not raw.islower() or _FUNCTION_WORDS.intersection(words)):
            return  # capitalised streets are the cased patterns' to find; "45 instead of my flat"
        end = m.end() - (len(raw) - len(self._trimmed(raw)))
        tail_end, tail_reason = _extend(text, end, any_case)
        if needs_postcode and "postcode" not in tail_reason:
            return
        if tail_end > end and tail_reason != "flat or suite":
            found.append((m.start(), tail_end, 0.85, f"{reason}, then {tail_reason}"))
        elif pattern.pattern in _NEEDS_TAIL:
            return
        elif tail_end > end:
            found.append((m.start(), tail_end, 0.85, f"{reason}, then {tail_reason}"))
        elif not any_case or (
            # Lowercase, without a postcode: only right after the cue, and never the French
            # form, whose name has no end in lowercase ("rue de la paix merci").
            m.start() == cue_end
            and pattern.pattern is not _FRENCH.pattern
            and _TERMINATOR_OR_COMMA.match(text, end)
        ):
            found.append((m.start(), end, 0.8, reason))

    def _find_boxes(self, text: str, found: list[tuple[int, int, float, str]]) -> None:
        for m in _POST_BOX.finditer(text):
            if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
                continue
            tail_end, tail_reason = _extend(text, m.end(), any_case=False)
            if tail_end > m.end():
                # "Hinterdorf 12, Postfach 31, 9050 Appenzell": the street line before joins.
                start = _street_start(text, m.start(), found)
                found.append((start, tail_end, 0.85, f"post-office box, then {tail_reason}"))
            elif not _WEAK_BOX.fullmatch(m.group()):
                found.append((m.start(), m.end(), 0.8, "post-office box number"))
        if "US" in text:
            for m in _SHIP.finditer(text):
                tail = _TAILS["military post office"].match(text, m.end())
                if tail:
                    found.append((m.start(), tail.end(), 0.85, "ship and military post office"))

    @staticmethod
    def _find_counties(text: str, found: list[tuple[int, int, float, str]]) -> None:
        """Irish addresses without a house number or Eircode: a townland or street, a town and
        the county ("Knockanore, Ballyduff, Co. Kerry", "Main Street, Abbeyfeale, Co. Limerick").
        The first part must be one word or end in a street or house word: two capitalised words
        are as often a person's name ("Mary Lynch, Tralee, Co. Kerry")."""
        for county in _IE_COUNTY.finditer(text):
            m = _IE_LOCS_BEFORE.search(text, max(0, county.start() - 80), county.start())
            if (
                m is None
                or _IE_FIRST_START.search(text, max(0, m.start() - 8), m.start()) is None
                or any(start <= m.start() < county.end() <= end for start, end, _, _ in found)
            ):
                continue  # none, inside a name, or already in an address
            words = m.group("first").split()
            if len(words) == 1 or words[-1] in _SUFFIX_WORDS or words[-1] in _HOUSE_WORDS:
                found.append((m.start(), county.end(), 0.7, "locality and Irish county"))

    @staticmethod
    def _find_groups(
        text: str, pc: re.Match[str], cues: _Cues, found: list[tuple[int, int, float, str]]
    ) -> None:
        """Locality groups on their own, around one postcode-shaped candidate."""
        if any(start <= pc.start() and pc.end() <= end for start, end, _, _ in found):
            return  # already in the tail of a street line
        # A locality is on the postcode's line, at most five words and particles before it.
        window = max(0, pc.start() - 60, text.rfind("\n", 0, pc.start()) + 1)
        if window == pc.start() and window:
            # A postcode on a line of its own: the locality lines above it (three at most).
            window = pc.start() - 1
            for _ in range(3):
                window = text.rfind("\n", 0, max(0, window - 1)) + 1
            window = max(window, pc.start() - 80)
        grouped = False
        m = (
            _GROUP_REGION.search(text, window, pc.end())
            if _region_before(text, pc.start())
            else None
        )
        if m and _region_group_ok(m, REGIONS.get(m.group("region"))):
            start = _street_start(text, m.start(), found)
            # Four digits after "NT" or "SA" are as often a model or a year ("Windows NT 4000"):
            # an Australian group alone needs a comma, a street line, a cue or "Australia".
            if (
                len(m.group("pc")) > 4
                or "," in m.group()
                or start < m.start()
                or _COUNTRY.match(text, m.end())
                or cues.before(m.start()) is not None
            ):
                found.append((start, m.end(), 0.75, "locality, region and postcode"))
                grouped = True
        elif " " in pc.group() or "\t" in pc.group():
            m = _GROUP_UK_IE.search(text, window, pc.end())
            if m and _postcode_ok(m.group("pc"), ("GB", "IE")):
                start = _street_start(text, m.start(), found)
                found.append((start, m.end(), 0.7, "locality and British or Irish postcode"))
                grouped = True
        # A postcode that ends a locality group starts none ("…, FL 33062\nCard: …").
        m = None if grouped else _GROUP_POSTCODE_FIRST.match(text, pc.start())
        if m:
            # "30643 Meunier" alone is too much like "Order 75008 shipped": it needs a cue, an
            # Italian province, a "D-" country prefix or a country name after it.
            end = _province_end(m)
            country = _COUNTRY.match(text, end)
            if country and not _country_ok(country.group("country"), any_case=False):
                country = None
            # Four digits ("1050 Ixelles") are as often the end of a phone number before a
            # signature: alone, they need a country name or prefix, not just a cue.
            # After a street line ("Science Park 402, 1098 XH Amsterdam", "Oberdorf 27, 6708
            # Brand") a Dutch, Portuguese or Argentine code needs nothing more, four digits a cue.
            four = len(m.group("pc")) == 4
            start = _street_start(text, m.start(), found)
            if _postcode_ok(m.group("pc"), _countries_named(country) or _AFTER_FIRST) and (
                country is not None
                or (m.group("prov") or m.group("prov2") or "") in IT_PROVINCES
                or m.group("pc")[0].isalpha()  # "D-10115"
                or (not four and cues.before(m.start()) is not None)
                or (
                    start < m.start()
                    and (
                        _STRONG_FIRST.fullmatch(m.group("pc")) is not None
                        or cues.before(start) is not None
                    )
                )
            ):
                found.append((start, end, 0.7, "postcode and locality"))
        code = pc.group()
        if len(code) == 4 and code.isdigit():
            # A year or a quantity, unless a region came with it (above) or, in lowercase
            # text, two letters that are no word ("1012 ab amsterdam", not "2024 at home").
            letters = _LOWER_NL_LETTERS.match(text, pc.end())
            if letters is None or letters.group(1) in _FUNCTION_WORDS:
                return
        near = text[max(0, pc.start() - 2) : pc.start()] + text[pc.end() : pc.end() + 2]
        if not any(c.isalpha() for c in near):
            return  # no locality word next to it
        cue_end = cues.before(pc.start())
        if cue_end is None:
            return
        if code[:5].isdigit():
            m = _GROUP_FIVE_AFTER.search(text, max(window, cue_end), pc.end())
            if m and cues.before(m.start()) is not None:
                found.append((m.start(), m.end(), 0.7, "locality and postcode after a cue"))
        if any(c.isupper() for c in text[cue_end : pc.end()]):
            return  # the lowercase forms below are for lowercase text only
        for form, group in _GROUPS_ANY_CASE.items():
            m = group.match(text, cue_end)
            if m and _tail_ok(text, m, form, any_case=True):
                found.append((cue_end, m.end(), 0.7, f"{form} after an address cue"))

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
        return head[0].isdigit() or head.rstrip(".").lower() in (
            "flat",
            "studio",
            "apartment",
            "apt",
            "unit",
            "suite",
            "level",
            "lot",
            "rmb",
            "rsd",
        )


class _Cues:
    """The address cues of one text, found on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._ends: list[int] | None = None

    def before(self, start: int) -> int | None:
        """The end of a cue that `start` follows within reach in the same sentence, if any."""
        found = None
        for end in self.ends:
            if end > start:
                break
            if start - end <= _CUE_REACH and not self._sentence_ends(end, start):
                found = end
        return found

    def _sentence_ends(self, start: int, end: int) -> bool:
        """Whether a sentence ends between `start` and `end` ("av. " or "Dr. " does not)."""
        for m in _SENTENCE_END.finditer(self.text, start, end):
            if self.text[m.start()] != "." or not _ABBREVIATION_BEFORE.search(
                self.text, max(0, m.start() - 6), m.start()
            ):
                return True
        return False

    @property
    def ends(self) -> list[int]:
        if self._ends is None:
            lower = self.text.lower()
            if len(lower) != len(self.text):  # a letter whose lowercase is longer: rare
                lower = "".join(c if len(c.lower()) > 1 else c.lower() for c in self.text)
            self._ends = []
            for stem in _CUE_STEM.finditer(lower):
                at = stem.start()
                if at and lower[at - 1].isalnum():
                    continue
                cue = _CUE.match(lower, at)
                if cue:
                    self._ends.append(cue.end())
        return self._ends


def _prefixed(text: str, start: int, locality_first: bool) -> int:
    """Where an address starting at `start` starts with a flat, floor or house name before it.

    Before a locality group (`locality_first`), comma-separated names are passed over on the
    way to a street or house name ("Ivy Cottage, Church Lane, Little Snoring, Fakenham ...");
    before a street line only a house name counts.
    """
    # "Unit 3/18 Hill Street"; "Room 208, Totem Park Residence" read from its number on
    if _UNIT_SLASH_NUMBER.match(text, start) or _NUMBER_THEN_COMMA.match(text, start):
        m = _PREFIX_BARE_UNIT.search(text, max(0, start - 12), start)
        if m:
            start = m.start()
    best = pos = start
    for _ in range(4):
        lo = max(0, pos - 40)
        m = _unit_before(text, pos)
        if m is not None:
            best = pos = m.start()
            continue
        if text[lo:pos].rstrip(" \t")[-1:] not in (",", "\n"):
            break
        m = _PREFIX_NAME.search(text, lo, pos)
        words = m.group().replace(",", " ").split() if m else []
        while m and _STOP_SET.intersection(words) - {"The"}:
            # "It's The Granary, ": the name starts after the last word no name has.
            last = max(i for i, w in enumerate(words) if w in _STOP_SET and w != "The")
            m = _PREFIX_NAME.search(text, m.start() + m.group().index(words[last]) + 1, pos)
            words = m.group().replace(",", " ").split() if m else []
        if m is None:
            break
        pos = m.start()
        if _HOUSE_WORDS.intersection(words) or (
            locality_first and words[-1] in _SUFFIX_WORDS and len(words) > 1
        ):
            best = pos
        elif (unit := _unit_before(text, pos)) is not None:
            # a building's name after a flat, suite or room: "Room 412, Gage Residence\n"
            best = pos = unit.start()
        elif not locality_first:
            break
    return best


def _unit_before(text: str, pos: int) -> re.Match[str] | None:
    """A flat, floor, box or building that ends at `pos` (within 40 characters before it)."""
    lo = max(0, pos - 40)
    return _PREFIX_UNIT.search(text, lo, pos) if _PREFIX_HINT.search(text, lo, pos) else None


def _region_before(text: str, pos: int) -> bool:
    """Whether a region name ("CA", "New South Wales") ends just before `pos`."""
    words = text[max(0, pos - 40) : pos].rstrip(" \t,").rsplit(None, 4)[-4:]
    return any(" ".join(words[-n:]) in REGIONS for n in range(1, len(words) + 1))


def _region_group_ok(m: re.Match[str], countries: frozenset[str] | None) -> bool:
    return _postcode_ok(m.group("pc"), tuple(countries or ()))


def _street_start(text: str, start: int, found: list[tuple[int, int, float, str]]) -> int:
    """Where a street line that ends just before `start` (a comma or line break apart) begins."""
    if any(0 <= start - end <= 3 for _, end, _, _ in found):
        return start  # a street already found there; the spans are merged later
    for _ in range(3):  # a flat or floor between ("Maipú 267, 11° piso, oficina 3, C1084ABE")
        unit = _PREFIX_UNIT.search(text, max(0, start - 24), start)
        if unit is None or not unit.group().rstrip(" \t\r\n").endswith(","):
            break
        start = unit.start()
    lo = max(0, start - 60)
    sep = len(text[lo:start].rstrip(" \t")) + lo - 1  # the comma or line break
    if sep < lo or text[sep] not in ",\n":
        return start
    # The street line is on the separator's line (the line before it, for a line break).
    m = _STREET_BEFORE.search(text, max(lo, text.rfind("\n", 0, sep) + 1), start)
    if m is None or (m.start() and text[m.start() - 1].isalnum()):
        return start
    if _STOP_SET.intersection(m.group().replace(",", " ").split()):
        return start  # "Thanks 12 Items," is no street
    lot = _LOT_BEFORE.search(text, max(0, m.start() - 5), m.start())
    return lot.start() if lot else m.start()


def _countries_named(country: re.Match[str] | None) -> tuple[str, ...]:
    if country is None:
        return ()
    return (COUNTRY_NAMES[country.group("country").lower()],)


def _province_end(m: re.Match[str]) -> int:
    # A bare two-letter code after the town counts only when it is an Italian province.
    if m.group("prov2") and m.group("prov2") not in IT_PROVINCES:
        return m.end("loc")
    return m.end()


def _tail_ok(text: str, m: re.Match[str], form: str, any_case: bool) -> bool:
    if form in ("military post office", "postal district"):
        return True
    if form == "locality":
        return not any_case and bool(
            _TERMINATOR.match(text, m.end()) or _COUNTRY.match(text, m.end())
        )
    if form == "locality region":
        return not any_case
    country = _COUNTRY.match(text, m.end())
    if country and not _country_ok(country.group("country"), any_case):
        country = None
    named = _countries_named(country)
    if form == "locality region postcode":
        region = m.group("region")
        countries = (REGIONS_LOWER.get(region.lower()) if any_case else REGIONS.get(region)) or ()
        allowed = tuple(c for c in countries if not named or c in named)
        return _postcode_ok(m.group("pc"), allowed)
    if form == "locality postcode":
        allowed = named or _AFTER_LOCALITY
        code = m.group("pc")
        if not named and not any_case and len(code) == 4 and not "1900" <= code <= "2099":
            # New Zealand: four digits after the town ("53 Thames Street, Oamaru 9400"), only
            # after a street line or box; a year after a town ("…, Springfield 2024") is not one.
            allowed = (*allowed, "NZ")
        return _postcode_ok(code, allowed)
    return _postcode_ok(m.group("pc"), named or _AFTER_FIRST)


def _country_ok(name: str, any_case: bool) -> bool:
    # Written capitalised ("France", "USA"); in lowercase text anything but the pronoun "us".
    return name.lower() != "us" if any_case else name[0].isupper()


def _extend(text: str, end: int, any_case: bool) -> tuple[int, str]:
    """Where the address that starts with a street line ending at `end` ends, and why."""
    pos = (_UNITS_ANY_CASE if any_case else _UNITS).match(text, end)
    unit_end = pos.end() if pos else end
    best, why = unit_end, "flat or suite" if unit_end > end else ""
    for form, pattern in (_TAILS_ANY_CASE if any_case else _TAILS).items():
        m = pattern.match(text, unit_end)
        if m is None or m.end() <= best or not _tail_ok(text, m, form, any_case):
            continue
        stop = _province_end(m) if form == "postcode locality" and not any_case else m.end()
        country = _COUNTRY.match(text, stop)
        if country and _country_ok(country.group("country"), any_case):
            stop = country.end()
        if stop > best:
            best, why = stop, form.replace("postcode", "valid postcode")
    return best, why


def _merged(
    text: str, found: list[tuple[int, int, float, str]]
) -> list[tuple[int, int, float, str]]:
    """Overlapping findings, and findings only a comma or a line break apart, become one."""
    merged: list[tuple[int, int, float, str]] = []
    for start, end, score, reason in sorted(found):
        if merged:
            p_start, p_end, p_score, p_reason = merged[-1]
            if start <= p_end or _JOIN.fullmatch(text, p_end, start):
                if end > p_end:
                    merged[-1] = (
                        p_start,
                        end,
                        max(score, p_score),
                        p_reason if p_score >= score else reason,
                    )
                continue
        merged.append((start, end, score, reason))
    for i, (start, end, score, reason) in enumerate(merged):
        country = _COUNTRY.match(text, end)
        if country and _country_ok(country.group("country"), text[start:end].islower()):
            merged[i] = (start, country.end(), score, reason)
    return merged


_JOIN = re.compile(r"[ \t]*(?:,|\r?\n)?[ \t]*")
