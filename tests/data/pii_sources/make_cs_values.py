# ruff: noqa: E501
"""Value generators for make_cs_messages.py (names, phones, addresses, cards... per country).

Not a generator on its own: ``make_cs_messages.py`` imports it. Faker supplies names, card
numbers (valid Luhn) and IBANs (valid check digits); the formats customers actually type
(national and international phone numbers, postal addresses in each country's layout,
obfuscated e-mail addresses, odd card groupings) are written out here by hand.
"""

from __future__ import annotations

import random
import string
import unicodedata

from faker import Faker

# --------------------------------------------------------------------------- names

NAME_LOCALES = {
    "en": ["en_US", "en_GB", "en_IE", "en_AU", "en_CA", "en_IN", "en_NG", "en_KE", "ga_IE"],
    "fr": ["fr_FR", "fr_BE", "fr_CA", "fr_CH"],
    "de": ["de_DE", "de_AT", "de_CH"],
    "es": ["es_ES", "es_MX", "es_AR", "es_CO"],
    "it": ["it_IT", "it_CH"],
    "nl": ["nl_NL", "nl_BE"],
    "pt": ["pt_PT", "pt_BR"],
}
WORLD_LOCALES = [
    "pl_PL",
    "tr_TR",
    "ro_RO",
    "hu_HU",
    "cs_CZ",
    "sv_SE",
    "fi_FI",
    "id_ID",
    "yo_NG",
    "zu_ZA",
    "hr_HR",
    "et_EE",
    "lt_LT",
    "da_DK",
    "no_NO",
    "en_IN",
    "en_NG",
    "en_KE",
    "sw",
]
# Names Faker does not give in Latin script, or gives too rarely.
EXTRA_FIRST = [
    "Nino",
    "Aoife",
    "Siobhán",
    "Oisín",
    "Niamh",
    "Chidi",
    "Ngozi",
    "Oluwaseun",
    "Priya",
    "Arjun",
    "Mei",
    "Wei",
    "Hiroshi",
    "Yuki",
    "Fatima",
    "Youssef",
    "Mehmet",
    "Ayşe",
    "Zoltán",
    "Małgorzata",
    "Jiří",
    "Björn",
    "Søren",
    "Kwame",
    "Amara",
    "Thandiwe",
    "Thi Lan",
    "Minh",
    "Omar",
    "Layla",
    "Rania",
    "Karim",
    "Hamza",
    "Nour",
    "Dmitri",
    "Olena",
    "Tatiana",
    "Bogdan",
    "Ximena",
    "Joaquín",
    "Iñaki",
    "Maëlle",
    "Gaëtan",
    "Anaïs",
    "Jürgen",
    "Lotte",
    "Saoirse",
    "Rhys",
    "Eilidh",
    "Tūī",
    "Anahera",
    "Aroha",
    "Kofi",
    "Yaw",
    "Sipho",
    "Lwazi",
    "Pooja",
]
EXTRA_LAST = [
    "Nguyen",
    "Tran",
    "Kim",
    "Park",
    "Chen",
    "Wang",
    "Tanaka",
    "Sato",
    "Okafor",
    "Adeyemi",
    "Mensah",
    "Haddad",
    "Khalil",
    "Nasser",
    "Yilmaz",
    "Kowalczyk",
    "Novák",
    "Horváth",
    "Papadopoulos",
    "Ivanova",
    "Shevchenko",
    "Ó Súilleabháin",
    "MacNeil",
    "O'Brien",
    "McLaughlin",
    "Ng",
    "Singh",
    "Sharma",
    "Iyer",
    "Mukherjee",
    "Achterberg",
    "Zieliński",
]
PARTICLE_LAST = [
    "van der Berg",
    "van den Broek",
    "de Vries",
    "van Dijk",
    "de Jong",
    "van der Meer",
    "ter Horst",
    "de la Cruz",
    "de los Santos",
    "del Río",
    "da Silva",
    "dos Santos",
    "de Souza",
    "das Neves",
    "di Stefano",
    "De Luca",
    "Dell'Acqua",
    "von Arnim",
    "zu Salm",
    "de Saint-Exupéry",
    "Le Goff",
    "al-Rashid",
    "al-Farsi",
    "El Amrani",
    "bin Yusuf",
    "bin Abdullah",
    "ibn Khalid",
    "Abu Bakr",
    "Mac an tSaoir",
    "Van Houten",
    "Ben Salem",
]


def latin(s: str) -> bool:
    return all(c in " -'." or "LATIN" in unicodedata.name(c, "") for c in s) and not s.startswith(
        "John "
    )


class NameMaker:
    def __init__(self, rng: random.Random, seed: int) -> None:
        self.rng = rng
        self.fakers: dict[str, Faker] = {}
        for i, loc in enumerate(
            sorted({x for v in NAME_LOCALES.values() for x in v} | set(WORLD_LOCALES))
        ):
            self.fakers[loc] = Faker(loc)
            self.fakers[loc].seed_instance(seed + i)

    def _pick(self, lang: str, part: str) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.12:
            return r.choice(EXTRA_FIRST if part == "first" else EXTRA_LAST)
        locs = NAME_LOCALES[lang] if roll < 0.72 else WORLD_LOCALES
        for _ in range(10):
            f = self.fakers[r.choice(locs)]
            v = f.first_name() if part == "first" else f.last_name()
            if latin(v):
                return v
        return r.choice(EXTRA_FIRST if part == "first" else EXTRA_LAST)

    def first(self, lang: str) -> str:
        return self._pick(lang, "first")

    def last(self, lang: str) -> str:
        r = self.rng.random()
        if r < 0.12:
            return self.rng.choice(PARTICLE_LAST)
        if r < 0.2:
            return f"{self._pick(lang, 'last')}-{self._pick(lang, 'last')}"
        return self._pick(lang, "last")

    def full(self, lang: str) -> str:
        r = self.rng.random()
        first, last = self.first(lang), self.last(lang)
        if r < 0.15:
            return f"{first} {self.rng.choice('ABCDEFGHJKLMNPRSTVW')}. {last}"
        if r < 0.2:
            return f"{first}-{self.first(lang)} {last}"
        if r < 0.25 and lang in ("fr", "it"):
            return f"{last.upper()} {first}"
        return f"{first} {last}"


# --------------------------------------------------------------------------- helpers


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def group(s: str, sizes: list[int], sep: str = " ") -> str:
    out, i = [], 0
    for n in sizes:
        if i >= len(s):
            break
        out.append(s[i : i + n])
        i += n
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


def odd_groups(rng: random.Random, s: str) -> str:
    """Irregular grouping customers type: '07 7009 00 123', '0612 34 5678'."""
    out, i = [], 0
    while i < len(s):
        n = rng.choice([2, 3, 3, 4, 4, 5])
        out.append(s[i : i + n])
        i += n
    seps = [" ", " ", " ", "  "]
    sep = rng.choice(seps)
    return sep.join(out)


# --------------------------------------------------------------------------- phones


def phone(rng: random.Random, country: str) -> str:
    r = rng
    c = country
    if c in ("US", "CA"):
        area = str(r.randint(201, 989))
        while area[1] == "1" or area.endswith("11"):
            area = str(r.randint(201, 989))
        ex = str(r.randint(200, 999))
        line = digits(r, 4)
        forms = [
            f"({area}) {ex}-{line}",
            f"{area}-{ex}-{line}",
            f"{area}.{ex}.{line}",
            f"{area}{ex}{line}",
            f"+1 {area} {ex} {line}",
            f"1-{area}-{ex}-{line}",
            f"+1 ({area}) {ex}-{line}",
            f"{area} {ex} {line}",
            f"+1{area}{ex}{line}",
        ]
        nat = area + ex + line
    elif c == "UK":
        if r.random() < 0.6:
            body = "7" + r.choice("4589") + digits(r, 8)
            forms = [
                f"0{body[:4]} {body[4:]}",
                f"0{body}",
                f"+44 {body[:4]} {body[4:]}",
                f"+44 (0){body[:4]} {body[4:]}",
                f"+44{body}",
                f"0044 {body[:4]} {body[4:7]} {body[7:]}",
                f"0{body[:4]}-{body[4:]}",
            ]
        else:
            area = r.choice(["20", "29", "161", "131", "117", "113", "141", "121", "1603", "28"])
            rest = digits(r, 10 - len(area))
            g = f"{rest[:4]} {rest[4:]}" if len(area) == 2 else f"{rest[:3]} {rest[3:]}"
            forms = [
                f"0{area} {g}",
                f"+44 {area} {g}",
                f"+44(0){area} {g}",
                f"0{area}{rest}",
                f"(0{area}) {g}",
            ]
            body = area + rest
        nat = "0" + body
    elif c == "IE":
        if r.random() < 0.65:
            pre, rest = "8" + r.choice("35679"), digits(r, 7)
        else:
            pre, rest = r.choice(["1", "21", "91", "61"]), digits(r, 7)
        forms = [
            f"0{pre} {rest[:3]} {rest[3:]}",
            f"+353 {pre} {rest[:3]} {rest[3:]}",
            f"+353 (0){pre} {rest}",
            f"0{pre}{rest}",
            f"00353{pre}{rest}",
            f"(0{pre}) {rest}",
        ]
        nat = f"0{pre}{rest}"
    elif c == "AU":
        if r.random() < 0.6:
            b = "4" + digits(r, 8)
            forms = [
                f"0{b[:3]} {b[3:6]} {b[6:]}",
                f"+61 {b[:3]} {b[3:6]} {b[6:]}",
                f"0{b}",
                f"+61{b}",
                f"0{b[:3]}-{b[3:6]}-{b[6:]}",
            ]
        else:
            a = r.choice("2378")
            b = a + digits(r, 8)
            forms = [
                f"(0{a}) {b[1:5]} {b[5:]}",
                f"0{a} {b[1:5]} {b[5:]}",
                f"+61 {a} {b[1:5]} {b[5:]}",
                f"0{b}",
            ]
        nat = "0" + b
    elif c == "FR":
        b = (
            r.choice("1234567") + digits(r, 8)
            if r.random() < 0.4
            else r.choice("67") + digits(r, 8)
        )
        p = [b[0]] + [b[i : i + 2] for i in range(1, 9, 2)]
        forms = [
            "0" + " ".join(p),
            "0" + b,
            "+33 " + " ".join(p),
            "+33 (0)" + " ".join(p),
            "0" + ".".join(p),
            "0" + "-".join(p),
            "0033" + b,
            "+33" + b,
        ]
        nat = "0" + b
    elif c == "DE":
        if r.random() < 0.55:
            pre = r.choice(
                ["151", "152", "157", "160", "170", "171", "172", "175", "176", "177", "179"]
            )
            rest = digits(r, r.choice([7, 8]))
        else:
            pre = r.choice(["30", "40", "89", "221", "69", "711", "211", "341", "351", "511"])
            rest = digits(r, r.choice([6, 7, 8]) if len(pre) == 2 else r.choice([5, 6, 7]))
        forms = [
            f"0{pre} {rest}",
            f"0{pre}{rest}",
            f"+49 {pre} {rest}",
            f"+49 (0){pre} {rest}",
            f"0{pre}/{rest}",
            f"0{pre}-{rest}",
            f"+49{pre}{rest}",
            f"0049 {pre} {rest}",
            f"(0{pre}) {rest}",
        ]
        nat = f"0{pre}{rest}"
    elif c == "ES":
        b = (
            r.choice("67") + digits(r, 8)
            if r.random() < 0.6
            else "9" + r.choice("1356") + digits(r, 7)
        )
        forms = [
            f"{b[:3]} {b[3:6]} {b[6:]}",
            b,
            f"+34 {b[:3]} {b[3:5]} {b[5:7]} {b[7:]}",
            f"+34 {b}",
            f"0034 {b[:3]} {b[3:6]} {b[6:]}",
            f"{b[:3]}-{b[3:6]}-{b[6:]}",
            f"{b[:2]} {b[2:5]} {b[5:7]} {b[7:]}",
        ]
        nat = b
    elif c == "IT":
        if r.random() < 0.6:
            b = "3" + r.choice("234789") + digits(r, 8)
            forms = [
                f"{b[:3]} {b[3:6]} {b[6:]}",
                b,
                f"+39 {b[:3]} {b[3:]}",
                f"+39{b}",
                f"{b[:3]}/{b[3:]}",
                f"0039 {b[:3]} {b[3:]}",
                f"{b[:3]}-{b[3:]}",
            ]
        else:
            a = r.choice(["02", "06", "011", "081", "055", "051", "010", "091"])
            rest = digits(r, 10 - len(a))
            b = a + rest
            forms = [
                f"{a} {rest}",
                f"{a}-{rest}",
                f"+39 {a} {rest}",
                f"{a} {rest[:4]} {rest[4:]}",
                b,
                f"({a}) {rest}",
            ]
        nat = b
    elif c == "NL":
        if r.random() < 0.6:
            rest = digits(r, 8)
            forms = [
                f"06 {rest}",
                f"06-{rest}",
                f"06{rest}",
                f"+31 6 {rest}",
                f"+31 (0)6 {rest[:4]} {rest[4:]}",
                f"+316{rest}",
                f"06 {rest[:2]} {rest[2:4]} {rest[4:6]} {rest[6:]}",
                f"0031 6 {rest}",
            ]
            nat = "06" + rest
        else:
            a = r.choice(["20", "10", "70", "30", "40", "50"])
            rest = digits(r, 7)
            forms = [
                f"0{a} {rest[:3]} {rest[3:]}",
                f"0{a}-{rest}",
                f"+31 {a} {rest}",
                f"0{a}{rest}",
                f"+31 (0){a} {rest[:3]} {rest[3:]}",
            ]
            nat = f"0{a}{rest}"
    elif c == "PT":
        b = (
            "9" + r.choice("1236") + digits(r, 7)
            if r.random() < 0.6
            else "2" + r.choice("12") + digits(r, 7)
        )
        forms = [
            f"{b[:3]} {b[3:6]} {b[6:]}",
            b,
            f"+351 {b[:3]} {b[3:6]} {b[6:]}",
            f"+351{b}",
            f"00351 {b}",
            f"{b[:2]} {b[2:5]} {b[5:]}",
        ]
        nat = b
    elif c == "BR":
        ddd = r.choice(["11", "21", "31", "41", "51", "71", "81", "61"])
        rest = "9" + digits(r, 8)
        forms = [
            f"({ddd}) {rest[:5]}-{rest[5:]}",
            f"+55 {ddd} {rest[:5]} {rest[5:]}",
            f"{ddd}{rest}",
            f"+55 ({ddd}) {rest[:5]}-{rest[5:]}",
            f"{ddd} {rest[:5]}-{rest[5:]}",
            f"0{ddd} {rest}",
        ]
        nat = ddd + rest
    else:
        raise ValueError(c)
    if r.random() < 0.1:
        return odd_groups(r, nat)
    return r.choice(forms)


# --------------------------------------------------------------------------- addresses

US_CITIES = [
    ("Springfield", "IL", "627"),
    ("Austin", "TX", "787"),
    ("Portland", "OR", "972"),
    ("Columbus", "OH", "432"),
    ("Brooklyn", "NY", "112"),
    ("Denver", "CO", "802"),
    ("Raleigh", "NC", "276"),
    ("Tucson", "AZ", "857"),
    ("Madison", "WI", "537"),
    ("Savannah", "GA", "314"),
    ("Boise", "ID", "837"),
    ("Omaha", "NE", "681"),
    ("Burlington", "VT", "054"),
    ("Tampa", "FL", "336"),
    ("Sacramento", "CA", "958"),
    ("Pittsburgh", "PA", "152"),
    ("Ann Arbor", "MI", "481"),
    ("Lexington", "KY", "405"),
]
US_STREETS = [
    "Oak",
    "Maple",
    "Washington",
    "Lincoln",
    "Elm",
    "Cedar",
    "Park",
    "Lake",
    "Hill",
    "Sunset",
    "Main",
    "2nd",
    "5th",
    "Pine",
    "Highland",
    "Jefferson",
    "Walnut",
    "Chestnut",
    "Franklin",
    "Willow Creek",
    "Magnolia",
    "Riverside",
    "Cherry Hill",
]
US_TYPES = [
    "St",
    "Street",
    "Ave",
    "Avenue",
    "Rd",
    "Road",
    "Blvd",
    "Dr",
    "Drive",
    "Ln",
    "Ct",
    "Way",
    "Pl",
    "Terrace",
]

UK_TOWNS = [
    ("Cardiff", "CF", ["Roath", "Canton", "Llandaff"]),
    ("Manchester", "M", ["Withington", "Didsbury"]),
    ("London", "SW", ["Clapham", "Battersea"]),
    ("London", "E", ["Bow", "Hackney"]),
    ("London", "N", ["Islington", "Highbury"]),
    ("Edinburgh", "EH", ["Leith", "Morningside"]),
    ("Bristol", "BS", ["Clifton", "Bedminster"]),
    ("Leeds", "LS", ["Headingley", "Chapel Allerton"]),
    ("Glasgow", "G", ["Partick", "Dennistoun"]),
    ("Birmingham", "B", ["Edgbaston", "Moseley"]),
    ("Norwich", "NR", ["Eaton"]),
    ("Oxford", "OX", ["Headington", "Jericho"]),
    ("Belfast", "BT", ["Stranmillis", "Ormeau"]),
    ("York", "YO", ["Fulford"]),
    ("Brighton", "BN", ["Hove", "Kemptown"]),
    ("Swansea", "SA", ["Sketty", "Uplands"]),
]
UK_COUNTIES = {
    "Norwich": "Norfolk",
    "Oxford": "Oxfordshire",
    "York": "North Yorkshire",
    "Brighton": "East Sussex",
}
UK_STREETS = [
    "Mill Lane",
    "Church Road",
    "Victoria Street",
    "Station Road",
    "High Street",
    "Kings Road",
    "Park Avenue",
    "Queen's Drive",
    "Elm Grove",
    "Manor Way",
    "Albert Terrace",
    "Cathedral Road",
    "Heol y Nant",
    "Moss Lane",
    "Gordon Place",
    "Brunswick Square",
    "Orchard Close",
    "Windsor Crescent",
]

CA_CITIES = [
    ("Toronto", "ON", "M"),
    ("Ottawa", "ON", "K"),
    ("Vancouver", "BC", "V"),
    ("Montréal", "QC", "H"),
    ("Québec", "QC", "G"),
    ("Calgary", "AB", "T"),
    ("Edmonton", "AB", "T"),
    ("Halifax", "NS", "B"),
    ("Winnipeg", "MB", "R"),
    ("Saskatoon", "SK", "S"),
    ("St. John's", "NL", "A"),
]
CA_STREETS = [
    "King St W",
    "Queen St E",
    "Rue Sainte-Catherine",
    "Granville St",
    "Jasper Ave",
    "Portage Ave",
    "Spring Garden Rd",
    "Yonge St",
    "Boulevard René-Lévesque",
    "Bank St",
    "17 Ave SW",
    "Water St",
    "Robson St",
    "Avenue du Parc",
]

IE_PLACES = [
    ("Ballincollig", "Cork", "P31"),
    ("Douglas", "Cork", "T12"),
    ("Salthill", "Galway", "H91"),
    ("Castletroy", "Limerick", "V94"),
    ("Tramore", "Waterford", "X91"),
    ("Swords", "Dublin", "K67"),
    ("Bray", "Wicklow", "A98"),
    ("Naas", "Kildare", "W91"),
    ("Ennis", "Clare", "V95"),
    ("Tralee", "Kerry", "V92"),
    ("Athlone", "Westmeath", "N37"),
    ("Letterkenny", "Donegal", "F92"),
]
IE_DUBLIN = [
    ("Dublin 6", "D06"),
    ("Dublin 8", "D08"),
    ("Dublin 2", "D02"),
    ("Dublin 7", "D07"),
    ("Dublin 15", "D15"),
]
IE_STREETS = [
    "Main Street",
    "Ranelagh Road",
    "Church View",
    "Oakpark Avenue",
    "Bóthar na Trá",
    "Patrick Street",
    "Castle Road",
    "Seafield Park",
    "Ashgrove",
    "Mill Road",
    "The Crescent",
    "Greenhills Lawn",
]
EIR = "ACDEFHKNPRTVWXY0123456789"

AU_SUBURBS = [
    ("Fitzroy", "VIC", "3065"),
    ("Parramatta", "NSW", "2150"),
    ("Fremantle", "WA", "6160"),
    ("Toowong", "QLD", "4066"),
    ("Glenelg", "SA", "5045"),
    ("Sandy Bay", "TAS", "7005"),
    ("Braddon", "ACT", "2612"),
    ("Bondi", "NSW", "2026"),
    ("Brunswick", "VIC", "3056"),
    ("Nightcliff", "NT", "0810"),
    ("Surry Hills", "NSW", "2010"),
    ("Subiaco", "WA", "6008"),
]
AU_STREETS = [
    "Chapman",
    "George",
    "Smith",
    "Brunswick",
    "Elizabeth",
    "Bay",
    "Marine",
    "Darling",
    "Wattle",
    "Banksia",
    "Collins",
    "Hay",
]
AU_TYPES = ["St", "Street", "Ave", "Rd", "Pde", "Cres", "Ct", "Tce", "Hwy"]

FR_CITIES = [
    ("Paris", "750", True),
    ("Lyon", "6900", True),
    ("Marseille", "130", True),
    ("Toulouse", "31", False),
    ("Nantes", "44", False),
    ("Lille", "59", False),
    ("Bordeaux", "33", False),
    ("Strasbourg", "67", False),
    ("Rennes", "35", False),
    ("Montpellier", "34", False),
    ("Nice", "06", False),
    ("Grenoble", "38", False),
    ("Saint-Étienne", "42", False),
    ("Villeurbanne", "69", False),
    ("Aix-en-Provence", "13", False),
]
FR_VOIES = ["rue", "avenue", "boulevard", "allée", "impasse", "place", "chemin", "quai", "cours"]
FR_NOMS = [
    "des Lilas",
    "Victor Hugo",
    "Jean Jaurès",
    "de la République",
    "du Général Leclerc",
    "Pasteur",
    "des Pins",
    "de la Paix",
    "Gambetta",
    "Saint-Michel",
    "des Écoles",
    "du Moulin",
    "Émile Zola",
    "de Verdun",
    "des Acacias",
    "Voltaire",
]

DE_CITIES = [
    ("Berlin", "10"),
    ("Berlin", "12"),
    ("Hamburg", "20"),
    ("Hamburg", "22"),
    ("München", "80"),
    ("München", "81"),
    ("Köln", "50"),
    ("Frankfurt am Main", "60"),
    ("Stuttgart", "70"),
    ("Düsseldorf", "40"),
    ("Leipzig", "04"),
    ("Dresden", "01"),
    ("Hannover", "30"),
    ("Nürnberg", "90"),
    ("Bremen", "28"),
    ("Freiburg im Breisgau", "79"),
    ("Münster", "48"),
]
DE_STEMS = [
    "Haupt",
    "Linden",
    "Schiller",
    "Goethe",
    "Bahnhof",
    "Garten",
    "Berg",
    "Kirch",
    "Wald",
    "Mozart",
    "Rosen",
    "Birken",
    "Eichen",
    "Friedrich-Ebert-",
    "Kant",
    "Blumen",
    "Schul",
]
DE_SUFFIX = ["straße", "str.", "weg", "allee", "platz", "gasse", "ring", "damm"]

ES_CITIES = [
    ("Madrid", "28", "Madrid"),
    ("Barcelona", "08", "Barcelona"),
    ("Valencia", "46", "Valencia"),
    ("Sevilla", "41", "Sevilla"),
    ("Zaragoza", "50", "Zaragoza"),
    ("Málaga", "29", "Málaga"),
    ("Bilbao", "48", "Bizkaia"),
    ("Murcia", "30", "Murcia"),
    ("Palma", "07", "Illes Balears"),
    ("Granada", "18", "Granada"),
    ("Alcalá de Henares", "28", "Madrid"),
    ("Getafe", "28", "Madrid"),
    ("Vigo", "36", "Pontevedra"),
    ("Gijón", "33", "Asturias"),
]
ES_VIAS = ["Calle", "C/", "Avda.", "Avenida", "Plaza", "Pº", "Paseo", "Camino", "Ronda"]
ES_NOMS = [
    "Mayor",
    "de Alcalá",
    "de la Constitución",
    "Gran Vía",
    "del Carmen",
    "Real",
    "de Cervantes",
    "San Juan",
    "de la Paz",
    "Doctor Fleming",
    "de Andalucía",
    "Sierra Nevada",
    "del Sol",
    "Blasco Ibáñez",
]

IT_CITIES = [
    ("Milano", "MI", "201"),
    ("Roma", "RM", "001"),
    ("Torino", "TO", "101"),
    ("Napoli", "NA", "801"),
    ("Firenze", "FI", "501"),
    ("Bologna", "BO", "401"),
    ("Genova", "GE", "161"),
    ("Palermo", "PA", "901"),
    ("Bari", "BA", "701"),
    ("Verona", "VR", "371"),
    ("Padova", "PD", "351"),
    ("Trieste", "TS", "341"),
    ("Monza", "MB", "209"),
    ("Lecce", "LE", "731"),
]
IT_VIE = ["Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo", "Strada"]
IT_NOMI = [
    "Roma",
    "Garibaldi",
    "Giuseppe Mazzini",
    "Vittorio Emanuele II",
    "dei Mille",
    "Dante",
    "Cavour",
    "XX Settembre",
    "San Francesco",
    "della Repubblica",
    "Manzoni",
    "Verdi",
    "delle Rose",
    "Nazionale",
    "Marconi",
]

NL_CITIES = [
    ("Amsterdam", "10"),
    ("Rotterdam", "30"),
    ("Den Haag", "25"),
    ("Utrecht", "35"),
    ("Eindhoven", "56"),
    ("Groningen", "97"),
    ("Tilburg", "50"),
    ("Nijmegen", "65"),
    ("Haarlem", "20"),
    ("Leiden", "23"),
    ("De Bilt", "37"),
    ("Zwolle", "80"),
    ("Almere", "13"),
    ("'s-Hertogenbosch", "52"),
    ("Amersfoort", "38"),
]
NL_STREETS = [
    "Keizersgracht",
    "Dorpsstraat",
    "Kerkstraat",
    "Molenweg",
    "Stationsplein",
    "Lange Voorhout",
    "Oudegracht",
    "Julianalaan",
    "Beatrixstraat",
    "Van Goghstraat",
    "Prinsengracht",
    "Hoofdweg",
    "Nieuwe Binnenweg",
    "Burgemeester de Withstraat",
    "Willemsparkweg",
    "Spoorlaan",
]

PT_CITIES = [
    ("Lisboa", "1"),
    ("Porto", "4"),
    ("Coimbra", "30"),
    ("Braga", "47"),
    ("Faro", "80"),
    ("Aveiro", "38"),
    ("Setúbal", "29"),
    ("Funchal", "90"),
]
PT_STREETS = [
    "Rua Augusta",
    "Av. da Boavista",
    "Rua de Santa Catarina",
    "Avenida da Liberdade",
    "Rua do Carmo",
    "Travessa do Almada",
    "Rua Dr. António José de Almeida",
    "Largo do Rato",
    "Rua Sá da Bandeira",
    "Avenida dos Aliados",
]
BR_CITIES = [
    ("São Paulo", "SP", "0"),
    ("Rio de Janeiro", "RJ", "2"),
    ("Belo Horizonte", "MG", "30"),
    ("Curitiba", "PR", "80"),
    ("Porto Alegre", "RS", "90"),
    ("Salvador", "BA", "40"),
    ("Recife", "PE", "50"),
    ("Campinas", "SP", "13"),
]
BR_STREETS = [
    "Rua das Flores",
    "Av. Paulista",
    "Rua Augusta",
    "Rua XV de Novembro",
    "Av. Sete de Setembro",
    "Rua da Consolação",
    "Av. Boa Viagem",
    "Rua Oscar Freire",
]
BR_BAIRROS = [
    "Centro",
    "Jardim Paulista",
    "Copacabana",
    "Savassi",
    "Batel",
    "Moinhos de Vento",
    "Boa Viagem",
    "Pinheiros",
]

COUNTRY_NAMES = {
    "US": ["USA", "United States", "US"],
    "UK": ["United Kingdom", "UK", "England", "Wales"],
    "CA": ["Canada"],
    "IE": ["Ireland", "Éire"],
    "AU": ["Australia"],
    "FR": ["France"],
    "DE": ["Deutschland", "Germany"],
    "ES": ["España", "Spain"],
    "IT": ["Italia", "Italy"],
    "NL": ["Nederland", "The Netherlands"],
    "PT": ["Portugal"],
    "BR": ["Brasil"],
}


def address(rng: random.Random, c: str) -> tuple[str, str]:
    """Return (address, a city-or-country tail that may follow OUTSIDE the span or '')."""
    r = rng
    L = r.choice
    multiline = r.random() < 0.25
    nl = "\n" if multiline else ", "
    if c == "US":
        city, st, z = L(US_CITIES)
        line = (
            f"{r.randint(1, 9899)} {L(['', 'N ', 'S ', 'W ', 'E '])}{L(US_STREETS)} {L(US_TYPES)}"
        )
        unit = L(
            [
                "",
                "",
                "",
                f" Apt {r.randint(1, 40)}{L('ABCD')}",
                f", Apt. {r.randint(100, 999)}",
                f" #{r.randint(2, 40)}",
                f", Unit {r.randint(1, 30)}",
                f" Suite {r.randint(100, 600)}",
            ]
        )
        zipc = z + digits(r, 2) + (f"-{digits(r, 4)}" if r.random() < 0.15 else "")
        sep = L([", ", " "])
        out = f"{line}{unit}{nl}{city}{sep}{st} {zipc}"
    elif c == "UK":
        town, pc, locs = L(UK_TOWNS)
        n = r.randint(1, 240)
        flat = L(
            [
                "",
                "",
                "",
                f"Flat {r.randint(1, 12)}, ",
                f"Flat {r.randint(1, 9)}{L('ABC')}, ",
                f"{L(['Rose Cottage', 'The Old Forge', 'Ty Gwyn'])}, ",
            ]
        )
        parts = [f"{flat}{n} {L(UK_STREETS)}"]
        if r.random() < 0.4:
            parts.append(L(locs))
        parts.append(town)
        if town in UK_COUNTIES and r.random() < 0.5:
            parts.append(UK_COUNTIES[town])
        out_pc = f"{pc}{r.randint(1, 20)} {r.randint(1, 9)}{''.join(r.choices('ABDEFGHJLNPQRSTUWXYZ', k=2))}"
        if r.random() < 0.5:
            parts[-1] = f"{parts[-1]} {out_pc}"
        else:
            parts.append(out_pc)
        out = nl.join(parts)
    elif c == "CA":
        city, prov, fsa = L(CA_CITIES)
        pc = f"{fsa}{r.randint(0, 9)}{L('ABCEGHJKLMNPRSTVXY')} {r.randint(0, 9)}{L('ABCEGHJKLMNPRSTVWXYZ')}{r.randint(0, 9)}"
        unit = L(["", "", f"{r.randint(100, 2400)}-", f"Unit {r.randint(1, 40)}, "])
        out = f"{unit}{r.randint(1, 3999)} {L(CA_STREETS)}{nl}{city}, {prov} {pc}"
        if r.random() < 0.3:
            out = f"{unit}{r.randint(1, 3999)} {L(CA_STREETS)}{nl}{city} {prov}  {pc}"
    elif c == "IE":
        code = "".join(r.choice(EIR) for _ in range(4))
        if r.random() < 0.35:
            area, key = L(IE_DUBLIN)
            apt = L(["", f"Apt {r.randint(1, 60)}, ", f"Apartment {r.randint(1, 30)}, "])
            out = f"{apt}{r.randint(1, 120)} {L(IE_STREETS)}{nl}{area}{nl}{key} {code}"
        else:
            town, county, key = L(IE_PLACES)
            first = L(
                [
                    f"{r.randint(1, 150)} {L(IE_STREETS)}",
                    f"{L(['Ard na Gréine', 'Cois Abhann', 'Hillview'])}, {L(IE_STREETS)}",
                ]
            )
            out = f"{first}{nl}{town}{nl}Co. {county}{nl}{key} {code}"
            if r.random() < 0.3:
                out = f"{first}{nl}{town}, Co {county} {key}{code}"
    elif c == "AU":
        sub, st, pc = L(AU_SUBURBS)
        unit = L(
            [
                "",
                "",
                f"Unit {r.randint(1, 30)}/",
                f"{r.randint(1, 30)}/",
                f"Apt {r.randint(1, 99)}, ",
            ]
        )
        sep = L([" ", ", "])
        out = f"{unit}{r.randint(1, 300)} {L(AU_STREETS)} {L(AU_TYPES)}{nl}{sub}{sep}{st}{sep}{pc}"
    elif c == "FR":
        city, cp, arr = L(FR_CITIES)
        if arr:
            code = cp + f"{r.randint(1, 9 if cp == '6900' else 20):0{5 - len(cp)}d}"
        else:
            code = cp + L(["000", "100", "200", "300"])[: 5 - len(cp)]
            code = (code + "000")[:5]
        num = f"{r.randint(1, 180)}{L(['', '', '', ' bis', ' ter', 'B'])}"
        comma = L([", ", " ", ", "])
        voie = f"{num}{comma}{L(FR_VOIES)} {L(FR_NOMS)}"
        extra = L(
            [
                "",
                "",
                "",
                f"Bât. {L('ABCD')}, ",
                f"Appt {r.randint(1, 60)}, ",
                f"Résidence les Tilleuls{nl}",
            ]
        )
        out = f"{extra}{voie}{nl}{code} {city}"
        if r.random() < 0.1:
            out = out.upper()
    elif c == "DE":
        city, p2 = L(DE_CITIES)
        plz = p2 + digits(r, 3)
        stem = L(DE_STEMS)
        suf = L(DE_SUFFIX)
        street = f"{stem}{suf}" if not stem.endswith("-") else f"{stem}{suf.capitalize()}"
        if r.random() < 0.1:
            street = L(["Am Markt", "An der Alster", "Unter den Linden", "Im Grund", "Zur Mühle"])
        num = f"{r.randint(1, 140)}{L(['', '', '', 'a', 'b', ' a', '-3'])}"
        extra = L(
            [
                "",
                "",
                "",
                f"Hinterhaus{nl}",
                f"{r.randint(1, 4)}. OG, ",
            ]
        )
        out = f"{extra}{street} {num}{nl}{plz} {city}"
        if r.random() < 0.1:
            out = f"{street} {num}, D-{plz} {city}"
    elif c == "ES":
        city, p2, prov = L(ES_CITIES)
        cp = p2 + digits(r, 3)
        num = L([str(r.randint(1, 200)), f"nº {r.randint(1, 200)}", f"{r.randint(1, 200)}"])
        piso = L(
            [
                "",
                f", {r.randint(1, 9)}º {L('ABCD')}",
                f", {r.randint(1, 9)}º{L('ABCD')}",
                ", bajo",
                f", {r.randint(1, 8)}º izq.",
                f", {r.randint(1, 8)}º dcha.",
                f", piso {r.randint(1, 8)}, puerta {r.randint(1, 4)}",
            ]
        )
        tail = L([f"{cp} {city}", f"{cp} {city} ({prov})", f"{cp}, {city}", f"{cp} - {city}"])
        out = f"{L(ES_VIAS)} {L(ES_NOMS)} {num}{piso}{nl}{tail}"
    elif c == "IT":
        city, pr, c3 = L(IT_CITIES)
        cap = c3 + digits(r, 2)
        num = str(r.randint(1, 200)) + L(["", "", "", "/A", "/b", " bis"])
        sep = L([" ", ", "])
        extra = L(["", "", "", f", int. {r.randint(1, 20)}", f", scala {L('ABC')}"])
        tail = L(
            [f"{cap} {city} ({pr})", f"{cap} {city} {pr}", f"{cap} {city}", f"{cap}, {city} ({pr})"]
        )
        mid = L([nl, " - ", ", "]) if not multiline else "\n"
        out = f"{L(IT_VIE)} {L(IT_NOMI)}{sep}{num}{extra}{mid}{tail}"
    elif c == "NL":
        city, p2 = L(NL_CITIES)
        pc = f"{p2}{digits(r, 2)}{L(['', ' ', ' '])}{''.join(r.choices('ABCDEGHJKLMNPRSTVWXZ', k=2))}"
        num = f"{r.randint(1, 400)}{L(['', '', '', 'a', 'A', '-II', ' bis', '-1', ' hs'])}"
        sep = L(["  ", " "]) if not multiline else "\n"
        out = f"{L(NL_STREETS)} {num}{nl}{pc}{sep if r.random() < 0.2 else ' '}{city}"
    elif c == "PT":
        city, p = L(PT_CITIES)
        cp = p + digits(r, 4 - len(p)) + "-" + digits(r, 3)
        andar = L(
            [
                "",
                "",
                f", {r.randint(1, 8)}º Esq.",
                f", {r.randint(1, 8)}º Dto",
                ", r/c",
                f", {r.randint(1, 8)}.º andar",
            ]
        )
        out = f"{L(PT_STREETS)} {r.randint(1, 500)}{andar}{nl}{cp} {city}"
    elif c == "BR":
        city, uf, p = L(BR_CITIES)
        cep = p + digits(r, 5 - len(p)) + "-" + digits(r, 3)
        apto = L(
            [
                "",
                "",
                f", apto {r.randint(11, 204)}",
                f", casa {r.randint(1, 4)}",
                f", bloco B apto {r.randint(11, 99)}",
            ]
        )
        out = f"{L(BR_STREETS)}, {r.randint(1, 3000)}{apto} - {L(BR_BAIRROS)}{nl}{city} - {uf}{nl}{L(['', 'CEP '])}{cep}"
    else:
        raise ValueError(c)
    tail = ""
    if r.random() < 0.2:
        tail = L(COUNTRY_NAMES[c])
    return out, tail


# --------------------------------------------------------------------------- cards & ids

CARD_TYPES = [
    "visa16",
    "visa16",
    "visa16",
    "mastercard",
    "mastercard",
    "amex",
    "discover",
    "maestro",
    "jcb16",
]


def card(rng: random.Random, f: Faker) -> str:
    r = rng
    num = f.credit_card_number(card_type=r.choice(CARD_TYPES))
    n = len(num)
    if n == 15:
        forms = [group(num, [4, 6, 5]), group(num, [4, 6, 5], "-"), num, group(num, [4, 4, 4, 3])]
    elif n == 16:
        forms = [
            group(num, [4, 4, 4, 4]),
            group(num, [4, 4, 4, 4], "-"),
            num,
            group(num, [4, 4, 4, 4], "  "),
            group(num, [4, 4, 4, 4], "."),
            group(num, [6, 4, 6]),
            group(num, [2, 4, 4, 4, 2]),
            group(num, [4, 8, 4]),
            group(num, [3, 3, 3, 3, 4]),
            group(num, [4, 4], "-"),
            num[:8] + " " + num[8:],
        ]
    else:
        forms = [num, group(num, [4, 4, 4, 4, 3]), group(num, [4, 4, 4])]
    return r.choice(forms)


def cvv(rng: random.Random) -> str:
    return digits(rng, 4 if rng.random() < 0.12 else 3)


MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
}


def expiry(rng: random.Random, lang: str) -> str:
    r = rng
    m, y = r.randint(1, 12), r.randint(2025, 2032)
    forms = [
        f"{m:02d}/{y % 100:02d}",
        f"{m:02d}/{y}",
        f"{m}/{y % 100:02d}",
        f"{m:02d}-{y % 100:02d}",
        f"{m:02d} / {y % 100:02d}",
        f"{m:02d}/{y % 100:02d}",
        f"{m:02d}.{y % 100:02d}",
    ]
    if r.random() < 0.15:
        name = MONTHS[lang][m - 1]
        return L3(r, [f"{name} {y}", f"{name[:3]} {y}", f"{name[:3]} {y % 100:02d}"])
    return r.choice(forms)


def L3(r: random.Random, xs: list[str]) -> str:
    return r.choice(xs)


def dob(rng: random.Random, lang: str) -> str:
    r = rng
    y, m, d = r.randint(1940, 2006), r.randint(1, 12), r.randint(1, 28)
    mon = MONTHS[lang][m - 1]
    if lang == "en":
        forms = [
            f"{m:02d}/{d:02d}/{y}",
            f"{d:02d}/{m:02d}/{y}",
            f"{m}/{d}/{y % 100:02d}",
            f"{mon} {d}, {y}",
            f"{d} {mon} {y}",
            f"{mon[:3]} {d} {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d}.{m}.{y}",
            f"{d}{['st', 'nd', 'rd'][d - 1] if d in (1, 2, 3) else 'th'} of {mon} {y}",
        ]
    elif lang == "de":
        forms = [
            f"{d:02d}.{m:02d}.{y}",
            f"{d}.{m}.{y}",
            f"{d}. {mon} {y}",
            f"{d:02d}.{m:02d}.{y % 100:02d}",
        ]
    elif lang == "nl":
        forms = [f"{d:02d}-{m:02d}-{y}", f"{d} {mon} {y}", f"{d:02d}/{m:02d}/{y}", f"{d}-{m}-{y}"]
    elif lang == "fr":
        forms = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {mon} {y}",
            f"{'1er' if d == 1 else d} {mon} {y}",
            f"{d:02d}.{m:02d}.{y}",
        ]
    elif lang in ("es", "pt"):
        de = "de"
        forms = [
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {de} {mon} {de} {y}",
            f"{d}/{m}/{y}",
            f"{d:02d}-{m:02d}-{y}",
        ]
    else:  # it
        forms = [f"{d:02d}/{m:02d}/{y}", f"{d} {mon} {y}", f"{d}/{m}/{y}", f"{d:02d}-{m:02d}-{y}"]
    return r.choice(forms)


def passport(rng: random.Random, c: str) -> str:
    r = rng
    up = string.ascii_uppercase
    if c == "US":
        return r.choice([digits(r, 9), r.choice("ACEFGHJKLMNPRSTUVWXYZ") + digits(r, 8)])
    if c in ("UK", "IE", "CA", "AU"):
        return {
            "UK": digits(r, 9),
            "IE": "".join(r.choices(up, k=2)) + digits(r, 7),
            "CA": "".join(r.choices(up, k=2)) + digits(r, 6),
            "AU": r.choice("NPRE") + r.choice(up) + digits(r, 7),
        }[c]
    if c == "FR":
        return digits(r, 2) + "".join(r.choices(up, k=2)) + digits(r, 5)
    if c == "DE":
        return r.choice("CFGHJK") + "".join(r.choices("CFGHJKLMNPRTVWXYZ0123456789", k=8))
    if c == "ES":
        return "".join(r.choices(up, k=3)) + digits(r, 6)
    if c == "IT":
        return "".join(r.choices(up, k=2)) + digits(r, 7)
    if c == "NL":
        return (
            "".join(r.choices("ABCDEFGHJKLMNPRSTUVWXYZ", k=2))
            + "".join(r.choices("ABCDEFGHJKLMNPRSTUVWXYZ0123456789", k=6))
            + digits(r, 1)
        )
    if c == "PT":
        return r.choice(["P", "C", ""]) + r.choice(up) + digits(r, 6)
    if c == "BR":
        return "".join(r.choices(up, k=2)) + digits(r, 6)
    raise ValueError(c)


IBAN_LOCALE = {
    "UK": "en_GB",
    "IE": "en_IE",
    "FR": "fr_FR",
    "DE": "de_DE",
    "ES": "es_ES",
    "IT": "it_IT",
    "NL": "nl_NL",
    "PT": "pt_PT",
    "BR": "pt_BR",
    "US": "de_DE",
    "CA": "fr_FR",
    "AU": "en_GB",
}


def iban(rng: random.Random, fakers: dict[str, Faker], c: str) -> str:
    v = fakers[IBAN_LOCALE[c]].iban()
    roll = rng.random()
    if roll < 0.55:
        v = group(v, [4] * 9)
    elif roll < 0.6:
        v = v.lower()
    elif roll < 0.65:
        v = group(v, [4] * 9, "-")
    return v


def ssn(rng: random.Random, f: Faker) -> str:
    s = f.ssn()
    return rng.choice([s, s, s.replace("-", " "), s.replace("-", "")])


def ip(rng: random.Random, f: Faker) -> str:
    return f.ipv6() if rng.random() < 0.2 else f.ipv4_public()


# --------------------------------------------------------------------------- e-mail

DOMAINS = {
    "US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com", "comcast.net"],
    "UK": ["gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "sky.com"],
    "CA": ["gmail.com", "shaw.ca", "rogers.com", "videotron.ca"],
    "IE": ["gmail.com", "eircom.net", "hotmail.com", "yahoo.ie"],
    "AU": ["gmail.com", "bigpond.com", "optusnet.com.au", "outlook.com"],
    "FR": ["gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net", "sfr.fr"],
    "DE": ["gmail.com", "web.de", "gmx.de", "t-online.de", "gmx.net", "posteo.de"],
    "ES": ["gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es"],
    "IT": ["gmail.com", "libero.it", "virgilio.it", "alice.it", "hotmail.it", "tiscali.it"],
    "NL": ["gmail.com", "ziggo.nl", "kpnmail.nl", "hotmail.nl", "planet.nl", "xs4all.nl"],
    "PT": ["gmail.com", "sapo.pt", "hotmail.com", "outlook.pt"],
    "BR": ["gmail.com", "uol.com.br", "bol.com.br", "hotmail.com"],
}
AT_WORD = {
    "en": ["at", "AT"],
    "fr": ["at", "arobase"],
    "de": ["at", "ät"],
    "es": ["arroba", "at"],
    "it": ["chiocciola", "at"],
    "nl": ["at", "apenstaartje"],
    "pt": ["arroba", "at"],
}
DOT_WORD = {
    "en": "dot",
    "fr": "point",
    "de": "punkt",
    "es": "punto",
    "it": "punto",
    "nl": "punt",
    "pt": "ponto",
}
FULLWIDTH = {str(i): chr(0xFF10 + i) for i in range(10)}


def ascii_fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and (c.isalnum() or c in "-")).lower()


def email(rng: random.Random, first: str, last: str, c: str, lang: str) -> str:
    r = rng
    f, la = ascii_fold(first.split()[0]) or "info", ascii_fold(last.split()[-1]) or "mail"
    local = r.choice(
        [
            f"{f}.{la}",
            f"{f}{la}",
            f"{f[0]}{la}",
            f"{f}_{la}",
            f"{f}.{la}{r.randint(1, 99)}",
            f"{f}{r.randint(1960, 2005)}",
            f"{la}.{f}",
            f"{f[0]}.{la}",
            f"{f}-{la}",
            f"{f}{la[0]}{r.randint(10, 99)}",
        ]
    )
    dom = r.choice(DOMAINS[c])
    plain = f"{local}@{dom}"
    roll = r.random()
    if roll < 0.72:
        return plain.upper() if r.random() < 0.03 else plain
    if roll < 0.84:  # spelled out
        at = r.choice(AT_WORD[lang])
        dot = r.choice([DOT_WORD[lang], "dot", "."])
        lo = local.replace(".", f" {dot} ") if dot != "." else local
        do = dom.replace(".", f" {dot} ") if dot != "." else dom
        return r.choice([f"{lo} {at} {do}", f"{lo} ({at}) {do}", f"{lo} [{at}] {do}"])
    if roll < 0.92:  # bracketed
        return r.choice(
            [
                f"{local}[at]{dom.replace('.', '[dot]')}",
                f"{local}(at){dom}",
                f"{local} [at] {dom}",
                f"{local}{{at}}{dom}",
                f"{local}[@]{dom}",
                f"{local} @ {dom}",
            ]
        )
    if roll < 0.96:  # zero-width characters inside
        zw = r.choice(["\u200b", "\u200c", "\u200d", "\u2060"])
        i = r.randint(1, len(local) - 1) if len(local) > 1 else 1
        return (
            f"{local[:i]}{zw}{local[i:]}@{zw}{dom}"
            if r.random() < 0.5
            else f"{local[:i]}{zw}{local[i:]}@{dom}"
        )
    out = "".join(FULLWIDTH.get(ch, ch) for ch in local)
    if out == local:
        out = local + "".join(FULLWIDTH[d] for d in digits(r, 2))
    return out + r.choice(["@", "\uff20"]) + dom


# --------------------------------------------------------------------------- secrets

PW_WORDS = [
    "Sunflower",
    "bella",
    "Tigger",
    "qwerty",
    "Monkey",
    "dragon",
    "Liverpool",
    "chocolat",
    "Schatz",
    "fussball",
    "mariposa",
    "amore",
    "Zonnetje",
    "saudade",
    "Rosebud",
    "hunter",
    "Kitty",
    "Barcelona",
    "pizza",
    "Hallo",
    "azerty",
    "Ajax",
    "Benfica",
    "Marmite",
]
ANSWERS = [
    "Fluffy",
    "Rex",
    "Biscuit",
    "Kowalski",
    "Limerick",
    "Mr Whiskers",
    "blue",
    "Toyota",
    "St Mary's",
    "Nala",
    "Bello",
    "Minou",
    "Toby",
    "Pimienta",
    "Fuffi",
    "Bolletje",
    "Tareco",
    "Hendriks",
    "Dubois",
    "grandma's farm",
    "Luna",
    "Oscar",
    "Kiki",
    "Schnuffel",
]


def password(rng: random.Random) -> str:
    r = rng
    w = r.choice(PW_WORDS)
    return r.choice(
        [
            f"{w}{r.randint(1, 99)}",
            f"{w}!{r.randint(10, 99)}",
            f"{w.capitalize()}{r.randint(1970, 2024)}",
            f"{w[:3]}{r.choice('!#$%&*')}{digits(r, 3)}{w[3:].upper()}",
            "".join(r.choices(string.ascii_letters + string.digits, k=r.randint(8, 14))),
            f"P@ssw0rd{r.randint(1, 99)}",
            f"{w.lower()}123",
            f"{w}_{w[::-1]}",
        ]
    )


def pin(rng: random.Random) -> str:
    return digits(rng, rng.choice([4, 4, 4, 6]))


def otp(rng: random.Random) -> str:
    v = digits(rng, rng.choice([6, 6, 6, 4, 8]))
    return v if rng.random() < 0.8 or len(v) != 6 else f"{v[:3]} {v[3:]}"


def answer(rng: random.Random) -> str:
    return rng.choice(ANSWERS)


# --------------------------------------------------------------------------- near misses


def order_no(rng: random.Random) -> str:
    r = rng
    return r.choice(
        [
            f"#{digits(r, r.randint(6, 9))}",
            f"AF-{digits(r, 6)}",
            f"ORD-{r.randint(2023, 2026)}-{digits(r, 6)}",
            f"{digits(r, 3)}-{digits(r, 7)}-{digits(r, 7)}",
            f"{r.choice('ABCDEFGHKMNPRSTW')}{digits(r, 9)}",
            f"W{digits(r, 10)}",
            f"{digits(r, 10)}",
            f"#{digits(r, 4)}-{digits(r, 4)}",
        ]
    )


def tracking(rng: random.Random) -> str:
    r = rng
    up = string.ascii_uppercase
    return r.choice(
        [
            f"1Z{''.join(r.choices(up + string.digits, k=6))}{digits(r, 10)}",
            f"JJD{digits(r, 18)}",
            f"{''.join(r.choices(up, k=2))}{digits(r, 9)}{r.choice(['GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'PT'])}",
            f"3S{''.join(r.choices(up, k=4))}{digits(r, 9)}",
            f"{digits(r, 14)}",
            group(f"9400{digits(r, 18)}", [4] * 6),
            f"6A{digits(r, 11)}",
            f"{digits(r, 12)}",
            f"00{digits(r, 18)}",
        ]
    )


def price(rng: random.Random, lang: str) -> str:
    r = rng
    a, cents = r.randint(3, 2400), r.randint(0, 99)
    if lang == "en":
        return r.choice(
            [
                f"${a:,}.{cents:02d}",
                f"£{a}.{cents:02d}",
                f"€{a}.{cents:02d}",
                f"{a} dollars",
                f"AU${a}.{cents:02d}",
                f"CA$ {a}",
            ]
        )
    if lang == "pt":
        return r.choice([f"{a},{cents:02d} €", f"R$ {a},{cents:02d}", f"€{a},{cents:02d}"])
    return r.choice(
        [
            f"{a},{cents:02d} €",
            f"€{a},{cents:02d}",
            f"{a},{cents:02d} EUR",
            f"{a:,}.{cents:02d}€".replace(",", "."),
            f"{a} euro",
        ]
    )


def product_code(rng: random.Random) -> str:
    r = rng
    up = string.ascii_uppercase
    return r.choice(
        [
            f"SKU {digits(r, 4)}-{''.join(r.choices(up, k=3))}-{r.choice(['S', 'M', 'L', 'XL'])}",
            f"{''.join(r.choices(up, k=2))}-{digits(r, 4)}{''.join(r.choices(up, k=2))}{r.randint(1, 9)}",
            f"EAN {digits(r, 13)}",
            f"{digits(r, 3)}.{digits(r, 3)}.{digits(r, 2)}",
            f"ref. {digits(r, 8)}",
            f"model {''.join(r.choices(up, k=3))}{digits(r, 3)}",
            f"art. {digits(r, 6)}",
        ]
    )


def invoice(rng: random.Random) -> str:
    r = rng
    return r.choice(
        [
            f"INV-{r.randint(2023, 2026)}-{digits(r, 5)}",
            f"F{r.randint(2023, 2026)}-{digits(r, 5)}",
            f"RE-{digits(r, 8)}",
            f"{digits(r, 4)}/{r.randint(2023, 2026)}",
            f"FAC{digits(r, 7)}",
        ]
    )


def case_ref(rng: random.Random) -> str:
    r = rng
    return r.choice(
        [
            f"#{digits(r, 5)}",
            f"CS-{digits(r, 6)}",
            f"{digits(r, 8)}",
            f"TKT{digits(r, 7)}",
            f"{r.choice('ABCDEF')}{digits(r, 2)}-{digits(r, 4)}",
        ]
    )


def version(rng: random.Random) -> str:
    r = rng
    return r.choice(
        [
            f"{r.randint(1, 17)}.{r.randint(0, 12)}.{r.randint(0, 9)}",
            f"v{r.randint(1, 9)}.{r.randint(0, 30)}",
            f"{r.randint(1, 5)}.{r.randint(0, 9)}.{r.randint(0, 99)} (build {digits(r, 4)})",
        ]
    )
