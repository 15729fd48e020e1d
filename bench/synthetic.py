#!/usr/bin/env python3
"""A synthetic dossier of about N records, shaped like the real one, for the benchmark.

    python bench/synthetic.py ROOT N [--seed S]

writes ROOT/data/ (YAML, in the folder form for big collections) and ROOT/seeds/ (the
source texts the quotes are cut from). The same N and seed always give byte-identical
files. The dataset passes the project's checker (`dossier.build.check_dataset`).

What it imitates (see data/*.yaml):

- proportions: sources 3%, actors 7%, events 60%, transfers 20%, agreements 10%;
- two hub actors (Russia and Iran) named by most records, the others named following a
  long-tailed (Zipf-like) law, so that a few actor pages are long and most are short;
- dates over 1990-2025, more of them recent; year-only, month and full dates, some
  approximate, some periods (date_end), written in the styles editors use (2023,
  "2023", "2023-02", 2023-02-14);
- French sources whose text is generated first (pseudo-French sentences from a word list,
  with French typography: ’ « » and no-break spaces), then quotes cut out of it, with an
  English gloss as translation; some quotes straighten the typography, as editors do;
- claims, related links, former_ids, tags, notes, localised titles and names, aliases.

Nothing here imports the project: the dataset is plain files.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

MARKER = ".synthetic-dataset"  # written at ROOT: only a folder holding it is ever wiped
FIRST_YEAR, LAST_YEAR = 1990, 2025
SHARES = {"sources": 0.03, "actors": 0.07, "events": 0.60, "transfers": 0.20, "agreements": 0.10}
FOLDER_FORM_ABOVE = 40  # a collection with more records than this is split into data/<collection>/*.yaml
NBSP, NNBSP = "\u00a0", "\u202f"

# -- words ---------------------------------------------------------------------------------
# (French, English gloss). The gloss makes the "translation" of a quote.

FR_FUNCTION = [
    ("le", "the"), ("la", "the"), ("les", "the"), ("des", "some"), ("du", "of the"), ("de", "of"),
    ("à", "to"), ("et", "and"), ("en", "in"), ("pour", "for"), ("avec", "with"), ("sans", "without"),
    ("contre", "against"), ("selon", "according to"), ("depuis", "since"), ("après", "after"),
    ("avant", "before"), ("entre", "between"), ("sur", "on"), ("dans", "in"), ("par", "by"),
    ("mais", "but"), ("aussi", "also"), ("déjà", "already"), ("encore", "still"), ("très", "very"),
    ("plus", "more"), ("moins", "less"), ("où", "where"), ("qui", "who"), ("que", "that"),
]
FR_NOUNS = [
    ("accord", "agreement"), ("traité", "treaty"), ("pacte", "pact"), ("défense", "defence"),
    ("sécurité", "security"), ("coopération", "cooperation"), ("négociation", "negotiation"),
    ("négociations", "negotiations"), ("livraison", "delivery"), ("livraisons", "deliveries"),
    ("drones", "drones"), ("missiles", "missiles"), ("armes", "weapons"), ("munitions", "munitions"),
    ("sanctions", "sanctions"), ("gouvernement", "government"), ("ministre", "minister"),
    ("ministère", "ministry"), ("président", "president"), ("porte-parole", "spokesman"),
    ("délégation", "delegation"), ("réunion", "meeting"), ("sommet", "summit"), ("frontière", "border"),
    ("région", "region"), ("guerre", "war"), ("conflit", "conflict"), ("paix", "peace"),
    ("énergie", "energy"), ("pétrole", "oil"), ("gaz", "gas"), ("échanges", "exchanges"),
    ("commerce", "trade"), ("économie", "economy"), ("technologie", "technology"),
    ("production", "production"), ("usine", "factory"), ("ingénieurs", "engineers"),
    ("experts", "experts"), ("armée", "army"), ("forces", "forces"), ("système", "system"),
    ("systèmes", "systems"), ("radars", "radars"), ("avions", "aircraft"), ("chasseurs", "fighters"),
    ("hélicoptères", "helicopters"), ("composants", "components"), ("pièces", "parts"),
    ("contrat", "contract"), ("projet", "project"), ("programme", "programme"),
    ("centrale", "plant"), ("rapport", "report"), ("déclaration", "statement"),
    ("communiqué", "communiqué"), ("presse", "press"), ("agence", "agency"),
    ("responsables", "officials"), ("diplomates", "diplomats"), ("partenaires", "partners"),
    ("partenariat", "partnership"), ("alliance", "alliance"), ("relations", "relations"),
    ("mois", "months"), ("années", "years"), ("semaine", "week"), ("capitale", "capital"),
    ("territoire", "territory"), ("satellite", "satellite"), ("banque", "bank"),
    ("paiements", "payments"), ("corridor", "corridor"), ("port", "port"), ("régime", "regime"),
    ("enquête", "inquiry"), ("témoins", "witnesses"), ("images", "images"), ("débris", "debris"),
]
FR_VERBS = [
    ("signé", "signed"), ("annoncé", "announced"), ("livré", "delivered"), ("fourni", "supplied"),
    ("démenti", "denied"), ("confirmé", "confirmed"), ("affirmé", "asserted"), ("admis", "admitted"),
    ("reçu", "received"), ("envoyé", "sent"), ("négocié", "negotiated"), ("prévu", "planned"),
    ("évoqué", "mentioned"), ("rencontré", "met"), ("accusé", "accused"), ("renforcé", "strengthened"),
    ("élargi", "expanded"), ("suspendu", "suspended"), ("repris", "resumed"), ("a", "has"),
    ("ont", "have"), ("est", "is"), ("sont", "are"), ("sera", "will be"), ("serait", "would be"),
    ("pourrait", "could"), ("doit", "must"), ("dément", "denies"), ("reconnaît", "acknowledges"),
]
FR_ADJECTIVES = [
    ("militaire", "military"), ("militaires", "military"), ("économique", "economic"),
    ("stratégique", "strategic"), ("iranien", "Iranian"), ("iraniens", "Iranian"), ("russe", "Russian"),
    ("russes", "Russian"), ("occidentales", "Western"), ("américain", "American"), ("nouveau", "new"),
    ("nouvelle", "new"), ("ancien", "former"), ("premier", "first"), ("dernière", "last"),
    ("limité", "limited"), ("important", "major"), ("secret", "secret"), ("officiel", "official"),
    ("bilatéral", "bilateral"), ("régionale", "regional"), ("avancés", "advanced"),
    ("aérienne", "air"), ("balistiques", "ballistic"), ("commerciaux", "commercial"),
    ("énergétique", "energy"), ("nucléaire", "nuclear"), ("spatial", "space"),
]
FR_ELIDED = [
    ("l’accord", "the agreement"), ("l’armée", "the army"), ("d’armes", "of weapons"),
    ("l’Iran", "Iran"), ("d’Iran", "of Iran"), ("l’Ukraine", "Ukraine"), ("qu’il", "that it"),
    ("l’usine", "the factory"), ("d’experts", "of experts"), ("l’énergie", "energy"),
    ("aujourd’hui", "today"), ("d’après", "according to"),
]
FR_PLACES = [("Téhéran", "Tehran"), ("Moscou", "Moscow"), ("la Russie", "Russia"), ("l’Iran", "Iran"),
             ("Bakou", "Baku"), ("Damas", "Damascus"), ("Kiev", "Kyiv"), ("Ispahan", "Isfahan")]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]

EN_WORDS = [en for _, en in FR_FUNCTION + FR_NOUNS + FR_VERBS + FR_ADJECTIVES]
EN_SUMMARY_VERBS = ["reports", "describes", "confirms", "denies", "announces", "says", "notes", "suggests"]

SYLLABLES = ["var", "nes", "ka", "os", "tre", "li", "bor", "dan", "mir", "ze", "ra", "vel", "to", "sha",
             "ham", "ir", "ga", "lo", "pre", "sta", "kh", "an", "du", "mel", "ri", "sov", "ta", "ber"]
FIRST_NAMES = ["Anna", "Dmitri", "Sergei", "Ali", "Hossein", "Mohammad", "Elena", "Yuri", "Reza", "Olga",
               "Javad", "Maria", "Ivan", "Hassan", "Leila", "Pavel", "Narges", "Viktor", "Amir", "Zahra"]
TOPICS = ["drone deliveries", "air defence", "nuclear cooperation", "oil swaps", "gas exports", "rail corridor",
          "banking links", "space launches", "arms production", "sanctions relief", "grain trade",
          "satellite imagery", "naval patrols", "missile technology", "payment systems", "energy projects"]
ITEMS = {
    "drones": ["Shahed-136 loitering munitions", "Mohajer-6 reconnaissance drones", "drone engines",
               "Shahed-131 drones", "Arash-2 long-range drones"],
    "missiles": ["Fath-360 short-range ballistic missiles", "Kh-31 anti-ship missiles",
                 "Zolfaghar ballistic missiles", "cruise missile guidance kits"],
    "aircraft": ["Su-35 fighter aircraft", "Yak-130 jet trainers", "Mi-28 attack helicopters",
                 "Il-76 transport aircraft"],
    "air-defence": ["S-400 air-defence systems", "Rebut radars", "Pantsir-S1 systems", "Tor-M2 launchers"],
    "munitions": ["artillery shells", "152 mm shells", "mortar rounds", "small-arms ammunition"],
    "production": ["a drone assembly line", "factory equipment", "licensed production of Shahed drones",
                   "machine tools"],
    "technology": ["satellite launch technology", "electronic warfare kits", "cyber-surveillance software",
                   "guidance electronics"],
    "other": ["body armour", "night-vision equipment", "military trucks", "spare parts"],
}
ITEM_QUALIFIERS = ["", "", "", "components of ", "spare parts for ", "a first batch of ", "upgraded ", "training on "]
QUANTITY_TEXTS = ["hundreds", "dozens", "a limited number", "several batches", "thousands", "an unknown number"]
TAGS = ["ukraine-war", "drones", "missiles", "sanctions", "nuclear", "trade", "energy", "syria", "space",
        "caspian", "air-defence", "treaty", "banking", "rail", "oil", "gas", "cyber", "protests"]
AREAS = ["trade", "defence", "science", "education", "culture", "energy", "transport", "finance", "space"]
CITIES = [("Moscow", "Moscou"), ("Tehran", "Téhéran"), ("Astana", None), ("Baku", "Bakou"), ("Ashgabat", None),
          ("Sochi", None), ("Isfahan", "Ispahan"), ("Kazan", None), ("Beijing", "Pékin"), ("Geneva", "Genève")]
PUBLISHERS = ["La Gazette du Nord", "Le Courrier de l’Est", "Agence de presse régionale", "Revue stratégique",
              "Le Journal du soir", "Bulletin diplomatique", "Observatoire des armements"]

EVENT_CATEGORIES = ["military", "diplomatic", "economic", "sanctions", "political", "context"]
EVENT_CATEGORY_WEIGHTS = [30, 30, 15, 10, 10, 5]
TRANSFER_CATEGORIES = list(ITEMS)
TRANSFER_CATEGORY_WEIGHTS = [30, 20, 12, 12, 10, 6, 6, 4]
STATUSES = ["confirmed", "reported", "alleged", "planned", "requested"]
STATUS_WEIGHTS = [30, 40, 15, 10, 5]
STANCES = ["asserts", "denies", "admits"]
STANCE_WEIGHTS = [55, 35, 10]
AGREEMENT_KINDS = ["treaty", "agreement", "memorandum", "pact", "other"]
AGREEMENT_STATUSES = ["proposed", "negotiating", "signed", "ratified", "in-force", "lapsed"]
AGREEMENT_STATUS_WEIGHTS = [8, 12, 35, 15, 20, 10]
ACTOR_KIND_CYCLE = ["person", "state", "organisation", "person", "group", "person", "organisation", "state",
                    "person", "organisation"]

EVENT_TITLES = {
    "military": ["{a} and {b} hold joint exercises", "{a} deploys {topic} units near {place}",
                 "{a} tests new {topic} systems", "{a} officers visit {b} bases"],
    "diplomatic": ["{a} foreign minister visits {b}", "{a} and {b} discuss {topic}",
                   "{a} summons {b}'s ambassador", "{a} and {b} leaders meet in {place}"],
    "economic": ["{a} and {b} agree on {topic}", "{a} opens a trade office in {place}",
                 "{a} and {b} settle trade in national currencies", "{a} invests in {topic}"],
    "sanctions": ["{a} sanctions {b} entities over {topic}", "{a} lifts sanctions on {b}",
                  "{a} adds {b} firms to its sanctions list"],
    "political": ["{a} parliament debates {topic}", "{a} appoints a new envoy to {b}",
                  "{a} government reshuffle touches {topic}"],
    "context": ["Tensions rise in the region over {topic}", "{a} faces protests over {topic}",
                "Oil prices shape {a}'s {topic} policy"],
}
AGREEMENT_TITLES = ["{a}–{b} agreement on {topic}", "Memorandum on {topic} between {a} and {b}",
                    "{a}–{b} treaty of {area} cooperation", "Protocol on {topic}", "{a}–{b} {area} pact"]


# -- the dataset, as plain values --------------------------------------------------------------


@dataclass
class Date:
    year: int
    month: int = 0
    day: int = 0

    def key(self) -> tuple:
        return (self.year, self.month, self.day)

    @property
    def iso(self) -> str:
        return "-".join([f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n])


@dataclass
class Source:
    id: str
    date: Date
    language: str
    file: str | None
    sentences: list[list[str]] = field(default_factory=list)  # tokens of each sentence, split on plain spaces
    glosses: dict[str, str] = field(default_factory=dict)
    text: str = ""
    fields: list = field(default_factory=list)


@dataclass
class Actor:
    id: str
    kind: str
    name: str
    fr_name: str | None
    weight: float
    fields: list = field(default_factory=list)


class _Gen:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(f"dossier-synthetic:{seed}:{n}")
        self.seed = seed
        self.ids: set[str] = set()  # ids and former ids: one namespace
        counts = {c: round(n * share) for c, share in SHARES.items()}
        counts["sources"] = max(2, counts["sources"])
        counts["actors"] = max(4, counts["actors"])
        counts["events"] = max(1, counts["events"])
        counts["transfers"] = max(1, counts["transfers"])
        counts["agreements"] = max(1, counts["agreements"])
        self.counts = counts
        self.years = list(range(FIRST_YEAR, LAST_YEAR + 1))
        # more records in recent years (cumulative weights, for choices())
        self.year_weights = list(itertools.accumulate(1 + (y - FIRST_YEAR) ** 1.6 / 12 for y in self.years))

    # -- small helpers --------------------------------------------------------------------

    def unique(self, base: str) -> str:
        base = base[:72].strip("-")
        candidate, k = base, 2
        while candidate in self.ids:
            candidate = f"{base}-{k}"
            k += 1
        self.ids.add(candidate)
        return candidate

    def year(self) -> int:
        return self.rng.choices(self.years, cum_weights=self.year_weights)[0]

    def date(self, year: int | None = None, precision: str | None = None) -> Date:
        rng = self.rng
        year = year or self.year()
        precision = precision or rng.choices(["year", "month", "day"], [15, 30, 55])[0]
        if precision == "year":
            return Date(year)
        month = rng.randint(1, 12)
        if precision == "month":
            return Date(year, month)
        return Date(year, month, rng.randint(1, 28))

    def date_end(self, start: Date) -> Date:
        """A date whose period ends on or after the start's period begins: a full date after
        the start's last day, cut to a random precision (cutting never moves its end earlier)."""
        rng = self.rng
        last_month = start.month or 12
        months = rng.randint(1, 30)
        total = start.year * 12 + (last_month - 1) + months
        year, month = divmod(total, 12)
        end = Date(min(year, LAST_YEAR + 1), month + 1, rng.randint(1, 28))
        precision = rng.choices(["year", "month", "day"], [30, 50, 20])[0]
        return Date(end.year) if precision == "year" else Date(end.year, end.month) if precision == "month" else end

    def pseudo_name(self, parts: int = 2) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def english(self, words: int, names: list[str] = ()) -> str:
        """A pseudo-English paragraph: sentences of glosses, with a few names."""
        rng = self.rng
        sentences, count = [], 0
        while count < words:
            length = rng.randint(8, 18)
            tokens = [rng.choice(EN_WORDS) for _ in range(length)]
            if names:
                tokens.insert(rng.randint(0, len(tokens)), rng.choice(names))
            tokens.insert(rng.randint(1, len(tokens)), rng.choice(EN_SUMMARY_VERBS))
            sentence = " ".join(tokens)
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            count += len(tokens)
        return " ".join(sentences)

    # -- sources and their texts -------------------------------------------------------

    def sentence_fr(self) -> tuple[list[str], dict[str, str]]:
        """One pseudo-French sentence as tokens (split on plain spaces), and the gloss of each word."""
        rng = self.rng
        tokens, glosses = [], {}
        length = rng.randint(10, 30)
        pools = [FR_FUNCTION, FR_NOUNS, FR_FUNCTION, FR_ADJECTIVES, FR_VERBS, FR_NOUNS, FR_ELIDED]
        while len(tokens) < length:
            roll = rng.random()
            if roll < 0.06:
                fr, en = rng.choice(FR_PLACES)
            elif roll < 0.08:
                month = rng.randint(1, 12)
                day, year = rng.randint(1, 28), self.year()
                fr, en = f"{day} {FR_MONTHS[month - 1]} {year}", f"{day} {EN_MONTHS[month - 1]} {year}"
            else:
                fr, en = rng.choice(rng.choice(pools))
            words = fr.split(" ")
            glossed = [en] if len(words) == 1 else en.split(" ") + [""] * len(words)
            for word, gloss in zip(words, glossed):
                tokens.append(word)
                glosses.setdefault(word, gloss or word)
        if rng.random() < 0.15 and len(tokens) > 6:  # a quoted phrase, French style: « mot mot »
            start = rng.randint(1, len(tokens) - 4)
            end = start + rng.randint(1, 3)
            glosses.setdefault("«" + NBSP + tokens[start], glosses.get(tokens[start], tokens[start]))
            glosses.setdefault(tokens[end] + NBSP + "»", glosses.get(tokens[end], tokens[end]))
            tokens[start] = "«" + NBSP + tokens[start]
            tokens[end] = tokens[end] + NBSP + "»"
        if rng.random() < 0.2 and len(tokens) > 8:
            i = rng.randint(3, len(tokens) - 3)
            tokens[i] += ","
        tokens[0] = tokens[0][0].upper() + tokens[0][1:]
        tokens[-1] += (NNBSP + "?") if rng.random() < 0.05 else "."
        return tokens, glosses

    def sentence_en(self) -> list[str]:
        rng = self.rng
        tokens = [rng.choice(EN_WORDS) for _ in range(rng.randint(10, 26))]
        words = " ".join(tokens).split(" ")
        words[0] = words[0][0].upper() + words[0][1:]
        words[-1] += "."
        return words

    def source_text(self, source: Source, title: str) -> None:
        rng = self.rng
        paragraphs, sentences = [], []
        for _ in range(rng.randint(5, 14)):
            paragraph = []
            for _ in range(rng.randint(2, 7)):
                if source.language == "fr":
                    tokens, glosses = self.sentence_fr()
                    source.glosses.update({k: v for k, v in glosses.items() if k not in source.glosses})
                else:
                    tokens = self.sentence_en()
                sentences.append(tokens)
                paragraph.append(" ".join(tokens))
            paragraphs.append(" ".join(paragraph))
        source.sentences = sentences
        source.text = f" date {source.date.iso} {title}\n\n" + "\n\n".join(paragraphs) + "\n"

    def make_sources(self) -> list[Source]:
        rng = self.rng
        sources = []
        for i in range(self.counts["sources"]):
            date = self.date(precision=rng.choice(["month", "day", "day"]))
            language = "fr" if rng.random() < 0.85 or i == 0 else "en"
            with_file = i % 20 != 19
            if language == "fr":
                title = " ".join(w for w, _ in rng.sample(FR_NOUNS + FR_ADJECTIVES, 5))
                title = f"{title[0].upper()}{title[1:]} : {rng.choice(FR_PLACES)[0]} et {rng.choice(FR_PLACES)[0]}"
            else:
                title = f"{rng.choice(TOPICS).capitalize()}: a {rng.choice(['briefing', 'report', 'review', 'analysis'])}"
            ident = self.unique(f"src-{date.year}-{date.month:02d}-{'-'.join(rng.sample(['press', 'brief', 'report', 'wire', 'daily', 'review', 'notes'], 2))}")
            file = f"{date.year}/{ident}.txt" if with_file else None
            source = Source(ident, date, language, file)
            if with_file:
                self.source_text(source, title)
            f = [("id", ident)]
            if rng.random() < 0.03:
                f.append(("former_ids", [self.unique(f"{ident}-old")]))
            f.append(("title", title))
            if language == "fr":
                f.append(("title_en", f"{rng.choice(TOPICS).capitalize()} between {rng.choice(FR_PLACES)[1]} and {rng.choice(FR_PLACES)[1]}"))
            f.append(("date", date))
            f.append(("language", language))
            if rng.random() < 0.4:
                f.append(("publisher", rng.choice(PUBLISHERS)))
            if rng.random() < 0.5 or not with_file:
                f.append(("url", f"https://news.example.org/{date.year}/{ident}?lang={language}&ref=dossier"))
            if file:
                f.append(("file", file))
            if rng.random() < 0.5:
                f.append(("tags", rng.sample(TAGS, rng.randint(1, 4))))
            if rng.random() < 0.3:
                f.append(("note", self.english(rng.randint(15, 45))))
            source.fields = f
            sources.append(source)
        self.sources = sources
        self.sources_with_file = [s for s in sources if s.file]
        # the sources a record of a year most likely cites: those published in the next few years
        self.sources_near = {y: [s for s in self.sources_with_file if y <= s.date.year <= y + 3] for y in range(FIRST_YEAR, LAST_YEAR + 2)}
        return sources

    def cite(self, year: int | None = None, source: Source | None = None) -> dict:
        """A citation: a quote cut out of a source's text (at word boundaries), its gloss as translation."""
        rng = self.rng
        if source is None:
            later = self.sources_near.get(year)
            source = rng.choice(later if later and rng.random() < 0.8 else self.sources_with_file)
        tokens = rng.choice(source.sentences)
        length = rng.randint(min(5, len(tokens)), min(22, len(tokens)))
        start = rng.randint(0, len(tokens) - length)
        words = tokens[start : start + length]
        quote = " ".join(words)
        if rng.random() < 0.3:  # the editor typed straight quotes and apostrophes
            quote = quote.replace("’", "'").replace("«" + NBSP, '"').replace(NBSP + "»", '"')
        if quote.endswith((".", ",")) and rng.random() < 0.5:
            quote = quote[:-1]
        citation = {"source": source.id, "quote": quote}
        if source.language == "fr" and rng.random() < 0.9:
            gloss = " ".join(source.glosses.get(w.rstrip(".,?" + NNBSP), w) for w in words)
            gloss = gloss.replace("«" + NBSP, '"').replace(NBSP + "»", '"').replace(NBSP, " ")
            citation["translation"] = gloss.strip()
        return citation

    def citations(self, year: int, low: int, high: int) -> list[dict]:
        return [self.cite(year) for _ in range(self.rng.randint(low, high))]

    # -- actors -------------------------------------------------------------------------

    def make_actors(self) -> list[Actor]:
        rng = self.rng
        russia = Actor("russia", "state", "Russia", "Russie", 60.0)
        russia.fields = [("id", "russia"), ("name", "Russia"), ("kind", "state"),
                         ("roles", ["Invaded Ukraine in February 2022", "Iran's main arms partner"]),
                         ("aliases", ["Russie", "Moscou", "Moscow", "Kremlin", "armée russe", "forces russes"])]
        iran = Actor("iran", "state", "Iran", "Iran", 55.0)
        iran.fields = [("id", "iran"), ("name", {"en": "Iran", "fr": "Iran"}), ("kind", "state"),
                       ("roles", ["Supplier of drones to Russia"]),
                       ("aliases", ["Téhéran", "Tehran", "République islamique", "Islamic Republic"])]
        self.ids.update({"russia", "iran"})
        actors = [russia, iran]
        states = [russia, iran]
        for i in range(self.counts["actors"] - 2):
            kind = ACTOR_KIND_CYCLE[i % len(ACTOR_KIND_CYCLE)]
            fr_name = None
            if kind == "state":
                base = self.pseudo_name(rng.randint(2, 3))
                name, fr_name = f"Republic of {base}", f"République de {base}"
                aliases = [base, f"{base[:-1]}é" if len(base) > 3 else base + "é"]
            elif kind == "person":
                last = self.pseudo_name(rng.randint(2, 3))
                name = f"{rng.choice(FIRST_NAMES)} {last}"
                aliases = [last] + ([f"{last}e"] if rng.random() < 0.3 else [])
            elif kind == "organisation":
                name = rng.choice([f"{self.pseudo_name()} Defence Industries", f"Ministry of {rng.choice(AREAS).capitalize()} of {self.pseudo_name()}",
                                   f"{self.pseudo_name()} Aviation Company", f"{self.pseudo_name()} State Bank"])
                aliases = [f"{''.join(w[0] for w in name.split() if w[0].isupper())}"]
            else:
                name = f"{self.pseudo_name()} {rng.choice(['Brigade', 'Front', 'Movement', 'Militia'])}"
                aliases = []
            ident = self.unique("-".join(name.lower().replace("–", "-").split()))
            actor = Actor(ident, kind, name, fr_name, 1.0 / (i + 2) ** 0.9)
            f = [("id", ident)]
            if rng.random() < 0.03:
                f.append(("former_ids", [self.unique(f"{ident}-former")]))
            f.append(("name", {"en": name, "fr": fr_name} if fr_name and rng.random() < 0.6 else name))
            f.append(("kind", kind))
            if kind in ("person", "organisation", "group") and rng.random() < 0.85:
                f.append(("country", rng.choice(states[:2] if rng.random() < 0.6 else states).id))
            if kind == "person":
                f.append(("roles", [f"{rng.choice(['Minister of', 'Deputy Minister of', 'Adviser on', 'Envoy for'])} {rng.choice(AREAS)} ({y}–{y + rng.randint(1, 6)})"
                                    for y in sorted(rng.sample(self.years[:-6], rng.randint(1, 3)))]))
            if aliases and rng.random() < 0.8:
                f.append(("aliases", aliases))
            if rng.random() < 0.6:
                f.append(("summary", self.english(rng.randint(20, 60), [name])))
            if rng.random() < 0.4:
                f.append(("sources", self.citations(self.year(), 1, 2)))
            if rng.random() < 0.3:
                f.append(("tags", rng.sample(TAGS, rng.randint(1, 3))))
            if rng.random() < 0.05:
                f.append(("note", self.english(rng.randint(10, 30))))
            actor.fields = f
            actors.append(actor)
            if kind == "state":
                states.append(actor)
        self.actors = actors
        self.states = states
        self.persons = [a for a in actors if a.kind == "person"]
        self.others = actors[2:]
        self.other_weights = list(itertools.accumulate(a.weight for a in self.others))  # cumulative, for choices()
        self.parties_pool = [a for a in actors if a.kind in ("state", "organisation")]
        return actors

    def some_actors(self, low: int, high: int) -> list[Actor]:
        """Actors named by a record: usually one or both hubs, then others by a long-tailed law."""
        rng = self.rng
        chosen: list[Actor] = []
        roll = rng.random()
        if roll < 0.45:
            chosen += [self.actors[0], self.actors[1]]
        elif roll < 0.85:
            chosen.append(self.actors[rng.randint(0, 1)])
        want = rng.randint(low, high)
        tries = 0
        while self.others and (len(chosen) < want or not chosen) and tries < 20:
            actor = rng.choices(self.others, cum_weights=self.other_weights)[0]
            if actor not in chosen:
                chosen.append(actor)
            tries += 1
        return chosen or [self.actors[0]]

    # -- records ------------------------------------------------------------------------

    def dated(self, f: list, key: str = "date") -> Date:
        rng = self.rng
        date = self.date()
        f.append((key, date))
        if key == "date":
            if rng.random() < 0.1:
                f.append(("date_end", self.date_end(date)))
            if rng.random() < (0.35 if date.month == 0 else 0.06):
                f.append(("approximate", True))
        return date

    def extras(self, f: list, year: int, claims: bool = True) -> None:
        rng = self.rng
        if rng.random() < 0.1:
            f.append(("note", self.english(rng.randint(15, 50))))
        if claims and rng.random() < 0.2:  # events and transfers only
            claims = []
            for _ in range(rng.randint(1, 2)):
                claims.append({"by": rng.choice(self.actors[:2] + self.others[:20]).id,
                               "stance": rng.choices(STANCES, STANCE_WEIGHTS)[0],
                               "sources": self.citations(year, 1, 1)})
            f.append(("claims", claims))
        f.append(("sources", self.citations(year, 1, 3)))
        self.pending_related.append((f, rng.random() < 0.3, rng.randint(1, 3)))
        if rng.random() < 0.5:
            f.append(("tags", rng.sample(TAGS, rng.randint(1, 3)) + ([str(year)] if rng.random() < 0.2 else [])))

    def title(self, templates: list[str], names: list[str]) -> str:
        rng = self.rng
        a = names[0]
        b = names[1] if len(names) > 1 else rng.choice(self.actors).name
        return rng.choice(templates).format(a=a, b=b, topic=rng.choice(TOPICS), place=rng.choice(CITIES)[0],
                                            area=rng.choice(AREAS))

    def slug(self, text: str, year: int) -> str:
        words = [w for w in "".join(c if c.isalnum() else " " for c in text.lower().replace("'s", "")).split()
                 if w.isascii() and w not in ("the", "a", "of", "and", "on", "in", "over", "to", "with", "its", "new")]
        return "-".join(words[:5] + [str(year)])

    def make_events(self) -> list:
        rng = self.rng
        events = []
        for _ in range(self.counts["events"]):
            f: list = []
            category = rng.choices(EVENT_CATEGORIES, EVENT_CATEGORY_WEIGHTS)[0]
            actors = self.some_actors(1, 4)
            f.append(("id", None))
            date = self.dated(f)
            title = self.title(EVENT_TITLES[category], [a.name for a in actors])
            f[0] = ("id", self.unique(self.slug(title, date.year)))
            if rng.random() < 0.02:
                f.insert(1, ("former_ids", [self.unique(f"{f[0][1][:60]}-draft")]))
            if rng.random() < 0.1:
                f.append(("title", {"en": title, "fr": " ".join(w for w, _ in rng.sample(FR_NOUNS, 4)).capitalize()}))
            else:
                f.append(("title", title))
            f.append(("category", category))
            f.append(("actors", [a.id for a in actors]))
            f.append(("status", rng.choices(STATUSES, STATUS_WEIGHTS)[0]))
            if rng.random() < 0.8:
                f.append(("summary", self.english(rng.randint(20, 70), [a.name for a in actors])))
            self.extras(f, date.year)
            events.append((date, f))
        return events

    def make_transfers(self) -> list:
        rng = self.rng
        transfers = []
        hubs = self.actors[:2]
        for _ in range(self.counts["transfers"]):
            f: list = []
            if rng.random() < 0.6 or len(self.actors) < 3:
                supplier, recipient = rng.sample(hubs, 2)
            else:
                supplier = rng.choice(hubs)
                recipient = rng.choices(self.others, cum_weights=self.other_weights)[0]
                if rng.random() < 0.4:
                    supplier, recipient = recipient, supplier
            category = rng.choices(TRANSFER_CATEGORIES, TRANSFER_CATEGORY_WEIGHTS)[0]
            item = rng.choice(ITEM_QUALIFIERS) + rng.choice(ITEMS[category])
            item = item[0].upper() + item[1:]
            f.append(("id", None))
            f.append(("supplier", supplier.id))
            f.append(("recipient", recipient.id))
            f.append(("item", {"en": item, "fr": f"{rng.choice(FR_NOUNS)[0]} {rng.choice(FR_ADJECTIVES)[0]}"} if rng.random() < 0.1 else item))
            f.append(("category", category))
            roll = rng.random()
            if roll < 0.5:
                f.append(("quantity", rng.choice([2, 4, 6, 12, 24, 50, 100, 200, 500, 1000, 2400])))
            elif roll < 0.7:
                f.append(("quantity", rng.choice(QUANTITY_TEXTS)))
            date = self.dated(f)
            f[0] = ("id", self.unique(self.slug(f"{supplier.id} {item} to {recipient.id}", date.year)))
            if rng.random() < 0.02:
                f.insert(1, ("former_ids", [self.unique(f"{f[0][1][:60]}-old")]))
            f.append(("status", rng.choices(STATUSES, STATUS_WEIGHTS)[0]))
            if rng.random() < 0.7:
                f.append(("summary", self.english(rng.randint(20, 60), [supplier.name, recipient.name])))
            self.extras(f, date.year)
            transfers.append((date, f))
        return transfers

    def make_agreements(self) -> list:
        rng = self.rng
        agreements = []
        for _ in range(self.counts["agreements"]):
            f: list = []
            parties = [self.actors[0], self.actors[1]] if rng.random() < 0.5 else [rng.choice(self.actors[:2])]
            pool = [a for a in self.parties_pool if a not in parties]
            while len(parties) < 2 or (pool and rng.random() < 0.2 and len(parties) < 5):
                extra = rng.choice(pool)
                pool.remove(extra)
                parties.append(extra)
            status = rng.choices(AGREEMENT_STATUSES, AGREEMENT_STATUS_WEIGHTS)[0]
            title = self.title(AGREEMENT_TITLES, [p.name for p in parties])
            f.append(("id", None))
            f.append(("title", title))
            f.append(("kind", rng.choice(AGREEMENT_KINDS)))
            f.append(("parties", [p.id for p in parties]))
            if self.persons and status not in ("proposed", "negotiating") and rng.random() < 0.5:
                f.append(("signatories", [p.id for p in rng.sample(self.persons, min(len(self.persons), rng.randint(1, 2)))]))
            f.append(("status", status))
            signed = None
            if status not in ("proposed", "negotiating"):
                signed = self.date(precision=rng.choices(["year", "month", "day"], [10, 30, 60])[0])
                f.append(("signed", signed))
            year = signed.year if signed else self.year()
            f[0] = ("id", self.unique(self.slug(title, year)))
            if rng.random() < 0.02:
                f.insert(1, ("former_ids", [self.unique(f"{f[0][1][:60]}-old")]))
            if rng.random() < 0.4:
                f.append(("title_original", {"en": title, "fr": f"Accord sur {rng.choice(FR_NOUNS)[0]} et {rng.choice(FR_NOUNS)[0]}"}))
            if signed and rng.random() < 0.6:
                city, city_fr = rng.choice(CITIES)
                f.append(("location", {"en": city, "fr": city_fr} if city_fr and rng.random() < 0.3 else city))
            if rng.random() < 0.5:
                f.append(("duration_years", rng.choice([5, 10, 20, 25, 100])))
            if rng.random() < 0.7:
                f.append(("areas", rng.sample(AREAS, rng.randint(1, 4))))
            if rng.random() < 0.8:
                f.append(("summary", self.english(rng.randint(30, 80), [p.name for p in parties])))
            self.extras(f, year, claims=False)
            agreements.append((signed, f))
        return agreements

    def resolve_related(self, pool: list[str]) -> None:
        rng = self.rng
        for f, wanted, count in self.pending_related:
            own = next(v for k, v in f if k == "id")
            if not wanted:
                continue
            related = []
            for _ in range(count):
                other = rng.choice(pool)
                if other != own and other not in related:
                    related.append(other)
            if related:
                position = next((i for i, (k, _) in enumerate(f) if k == "tags"), len(f))
                f.insert(position, ("related", related))

    def generate(self) -> dict:
        self.pending_related: list = []
        sources = self.make_sources()
        actors = self.make_actors()
        events = self.make_events()
        transfers = self.make_transfers()
        agreements = self.make_agreements()
        pool = [dict(f)["id"] for _, f in events + transfers + agreements]
        self.resolve_related(pool)
        return {"sources": sources, "actors": actors, "events": events, "transfers": transfers, "agreements": agreements}


# -- YAML, written as an editor would ---------------------------------------------------------


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _date(date: Date, rng: random.Random) -> str:
    style = rng.random()
    if date.day:
        return date.iso if style < 0.6 else _q(date.iso)  # unquoted: YAML reads a timestamp
    if date.month:
        return _q(date.iso) if style < 0.7 else date.iso
    return str(date.year) if style < 0.5 else _q(date.iso)  # unquoted: YAML reads an integer


def _flow_list(items: list[str]) -> str:
    return "[" + ", ".join(_q(i) if i.isdigit() else i for i in items) + "]"  # a tag 2022 must stay text


def _text(key: str, value, indent: str, rng: random.Random) -> list[str]:
    if isinstance(value, dict):
        value = {k: v for k, v in value.items() if v}
        if rng.random() < 0.5:
            return [f"{indent}{key}: {{" + ", ".join(f"{k}: {_q(v)}" for k, v in value.items()) + "}"]
        return [f"{indent}{key}:"] + [f"{indent}  {k}: {_q(v)}" for k, v in value.items()]
    return [f"{indent}{key}: {_q(value)}"]


def _folded(key: str, text: str, indent: str) -> list[str]:
    lines = textwrap.wrap(text, width=88, break_on_hyphens=False, break_long_words=False)
    return [f"{indent}{key}: >-"] + [f"{indent}  {line}" for line in lines]


def _citations(items: list[dict], indent: str) -> list[str]:
    out = []
    for c in items:
        out.append(f"{indent}- source: {c['source']}")
        out.append(f"{indent}  quote: {_q(c['quote'])}")
        if "translation" in c:
            out.append(f"{indent}  translation: {_q(c['translation'])}")
    return out


def _record(fields: list, rng: random.Random) -> str:
    out = []
    for i, (key, value) in enumerate(fields):
        lead = "- " if i == 0 else "  "
        if key in ("id", "category", "kind", "status", "supplier", "recipient", "language", "country"):
            out.append(f"{lead}{key}: {value}")
        elif isinstance(value, Date):
            out.append(f"{lead}{key}: {_date(value, rng)}")
        elif key in ("summary", "note"):
            out += _folded(key, value, lead)
        elif key in ("actors", "parties", "signatories", "former_ids", "tags", "areas"):
            out.append(f"{lead}{key}: {_flow_list(value)}")
        elif key == "related":
            if len(value) > 1 and rng.random() < 0.5:
                out += [f"{lead}{key}:"] + [f"    - {v}" for v in value]
            else:
                out.append(f"{lead}{key}: {_flow_list(value)}")
        elif key in ("roles", "aliases"):
            if key == "aliases" and rng.random() < 0.5:
                out.append(f"{lead}{key}: [" + ", ".join(_q(v) for v in value) + "]")
            else:
                out += [f"{lead}{key}:"] + [f"    - {_q(v)}" for v in value]
        elif key == "sources":
            out += [f"{lead}sources:"] + _citations(value, "    ")
        elif key == "claims":
            out.append(f"{lead}claims:")
            for claim in value:
                out += [f"    - by: {claim['by']}", f"      stance: {claim['stance']}", "      sources:"]
                out += _citations(claim["sources"], "        ")
        elif key in ("approximate",):
            out.append(f"{lead}{key}: {'true' if value else 'false'}")
        elif key in ("quantity", "duration_years") and isinstance(value, int):
            out.append(f"{lead}{key}: {value}")
        elif key in ("url", "file", "publisher", "title", "title_en", "title_original", "name", "item", "location", "quantity"):
            if key == "url" or key == "file":
                out.append(f"{lead}{key}: {value}" if rng.random() < 0.5 and ": " not in value and "#" not in value else f"{lead}{key}: {_q(value)}")
            else:
                out += _text(key, value, lead, rng)
        else:
            raise ValueError(f"no YAML style for {key}")
    return "\n".join(out) + "\n"


def _file_text(header: str, records: list[list], rng: random.Random) -> str:
    return f"# {header}\n\n" + "\n".join(_record(f, rng) for f in records)


def _sort_key(date: Date | None, fields: list) -> tuple:
    return (date is None, date.key() if date else (0, 0, 0), dict(fields)["id"])


def write_dataset(root: Path, n: int, seed: int = 0) -> None:
    """Write a synthetic dataset of about n records under root/data and root/seeds.

    Deterministic: the same n and seed give byte-identical files. root may be new or empty,
    or a folder this function wrote before (it holds the marker file); anything else is refused.
    """
    root = Path(root)
    if n < 1:
        raise ValueError("n must be at least 1")
    data_dir, seeds_dir = root / "data", root / "seeds"
    if (root / MARKER).is_file():
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(seeds_dir, ignore_errors=True)
    elif any(p.exists() and any(p.iterdir()) for p in (data_dir, seeds_dir) if p.is_dir()):
        raise FileExistsError(f"{root} already holds data/ or seeds/ that this script did not write; choose an empty folder")
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER).write_text(f"synthetic dossier dataset: n={n} seed={seed}; bench/synthetic.py may overwrite this folder's data/ and seeds/\n")

    gen = _Gen(n, seed)
    dataset = gen.generate()
    style = random.Random(f"dossier-synthetic-style:{seed}:{n}")  # YAML styles only; independent of the content
    files: dict[str, str] = {}
    note = f"synthetic benchmark data (bench/synthetic.py, n={n}, seed={seed})"

    # seeds
    for source in dataset["sources"]:
        if source.file:
            files[f"seeds/{source.file}"] = source.text

    def place(collection: str, dated: list[tuple], group) -> None:
        dated = sorted(dated, key=lambda pair: _sort_key(*pair))
        if len(dated) <= FOLDER_FORM_ABOVE:
            files[f"data/{collection}.yaml"] = _file_text(f"{collection.capitalize()}: {note}", [f for _, f in dated], style)
            return
        groups: dict[str, list] = {}
        for date, f in dated:
            groups.setdefault(group(date, f), []).append(f)
        for name, records in sorted(groups.items()):
            files[f"data/{collection}/{name}.yaml"] = _file_text(f"{collection.capitalize()} ({name}): {note}", records, style)

    place("sources", [(s.date, s.fields) for s in dataset["sources"]], lambda d, f: f"{d.year // 10 * 10}s")
    actor_order = {"state": 0, "organisation": 1, "group": 2, "person": 3}
    actors = [(None, a.fields) for a in dataset["actors"]]
    kinds = {a.id: a.kind for a in dataset["actors"]}
    if len(actors) <= FOLDER_FORM_ABOVE:
        ordered = sorted(dataset["actors"], key=lambda a: (actor_order[a.kind], a.id))
        files["data/actors.yaml"] = _file_text(f"Actors: {note}", [a.fields for a in ordered], style)
    else:
        place("actors", actors, lambda d, f: kinds[dict(f)["id"]] + "s")
    place("events", dataset["events"], lambda d, f: str(d.year))
    place("transfers", dataset["transfers"], lambda d, f: str(d.year))
    place("agreements", dataset["agreements"], lambda d, f: f"{d.year // 10 * 10}s" if d else "unsigned")

    # the home page's overview: a few paragraphs linking to records
    events = sorted(dataset["events"], key=lambda pair: _sort_key(*pair))
    picks = [dict(f) for _, f in events[:: max(1, len(events) // 6)]][:6]
    paragraphs = []
    for i in range(0, len(picks), 2):
        pair = picks[i : i + 2]
        links = " and ".join(f"[{_plain_title(p['title'])}](#{p['id']})" for p in pair)
        paragraphs.append(f"This synthetic dossier records, among much else, {links}.\nIts records are generated for the benchmark; none of it is true.")
    files["data/overview.md"] = "\n\n".join(paragraphs) + "\n"

    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def _plain_title(title) -> str:
    text = title["en"] if isinstance(title, dict) else title
    return text.replace("[", "(").replace("]", ")")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic dossier dataset of about N records.")
    parser.add_argument("root", type=Path, help="folder to write data/ and seeds/ into (new, empty, or written by this script)")
    parser.add_argument("n", type=int, help="about how many records")
    parser.add_argument("--seed", type=int, default=0, help="the same N and seed give the same files (default 0)")
    args = parser.parse_args(argv)
    try:
        write_dataset(args.root, args.n, args.seed)
    except (FileExistsError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    files = sorted(p for p in (args.root / "data").rglob("*") if p.is_file())
    seeds = sorted(p for p in (args.root / "seeds").rglob("*") if p.is_file())
    size = sum(p.stat().st_size for p in files)
    print(f"wrote {len(files)} data files ({size / 1e6:.2f} MB) and {len(seeds)} source texts under {args.root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
