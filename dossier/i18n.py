"""The two editions' words: the site's own text in English, as the code and templates write
it, and in French; and a record's localised text in the edition's language.

`Words(lang)` is called on the English text (`_("Timeline")`): English returns it, French its
entry in FRENCH, and a missing entry stops the build, so no English is left in the French
interface by accident. Text with values in it is written with {names}: `_("{count} entries")`.
"""

from __future__ import annotations

import re

from .model import Text

LANGUAGES = ("en", "fr")  # the editions; English is the site's first language
NAMES = {"en": "English", "fr": "Français"}
PREFIX = {"en": "", "fr": "fr/"}  # where an edition lives on the site


class MissingWords(KeyError):
    pass


class Words:
    def __init__(self, lang: str):
        self.lang = lang
        self.table = FRENCH if lang == "fr" else None

    def __call__(self, english: str, **values) -> str:
        """The words in this edition's language. A key "any|category" has a context after its
        bar, for a word whose French depends on what it qualifies (« toutes », « tous »)."""
        if self.table is None:
            english = english.partition("|")[0]
            return english.format(**values) if values else english
        try:
            text = self.table[english]
        except KeyError:
            raise MissingWords(f"no French for {english!r}: add it to dossier/i18n.py") from None
        return french_spacing(_elided(text.format(**values)) if values else text)

    def spaced(self, text: str) -> str:
        """Text written in this edition's language, with its typography (French spacing)."""
        return french_spacing(text) if self.lang == "fr" else text

    def term(self, word: str) -> str:
        """A free word of the data (an area such as "trade"): its French where the table has it."""
        return word if self.table is None else self.table.get(word, word)

    def language(self, code: str) -> str:
        """A source's language by name ("French", « français »), its code beside a regional one
        ("French (fr-CA)"); a language without a name here, as its code."""
        names = LANGUAGE_NAMES.get(code.partition("-")[0].lower())
        if names is None:
            return code
        name = names[self.lang == "fr"]
        return name if "-" not in code else f"{name} ({code})"

    def number(self, count: int) -> str:
        """1,000 in English; 1 000 in French (a narrow no-break space)."""
        return f"{count:,}".replace(",", "\u202f") if self.lang == "fr" else f"{count:,}"

    def plural(self, count: int, one: str, many: str) -> str:
        """`one` or `many` (each with {count}), as the count asks: French takes the singular for 0 and 1."""
        single = count == 1 or (self.lang == "fr" and count == 0)
        return self(one if single else many, count=self.number(count))


# The languages a source is likeliest to be in: (English name, French name).
LANGUAGE_NAMES = {
    "ar": ("Arabic", "arabe"), "de": ("German", "allemand"), "en": ("English", "anglais"),
    "fa": ("Persian", "persan"), "fr": ("French", "français"), "ru": ("Russian", "russe"),
    "uk": ("Ukrainian", "ukrainien"), "zh": ("Chinese", "chinois"),
}


class EnglishStandIn(str):
    """English text shown in another edition, which has no translation of it: marked lang="en"."""


def localised(value, lang: str):
    """The text in `lang`, or its English standing in (an EnglishStandIn); other values as they are."""
    if not isinstance(value, Text) or lang == "en":
        return value.en if isinstance(value, Text) else value
    for language, text in value.translations:
        if language == lang:
            return french_spacing(text) if lang == "fr" else text
    return EnglishStandIn(value.en)


# « datée d'octobre 2022 », not « de octobre »: the months that begin with a vowel
_DE_BEFORE_A_VOWEL_MONTH = re.compile(r"\bde (?=(?:avril|août|octobre) )")


def _elided(text: str) -> str:
    return _DE_BEFORE_A_VOWEL_MONTH.sub("d'", text) if "de " in text else text


_BEFORE_SIGN = re.compile(r" ([;:!?»])")
_AFTER_GUILLEMET = re.compile(r"« ")


def french_spacing(text: str) -> str:
    """French typography: a narrow no-break space before ; : ! ? » and after «, so that a line
    never breaks there ("Statut :", « Axe du Mal »). Editors type a plain space."""
    if " " not in text:
        return text
    return _AFTER_GUILLEMET.sub("«\u202f", _BEFORE_SIGN.sub("\u202f\\1", text))


def translation(value: Text, lang: str) -> str | None:
    """The text's own version in `lang`, if it has one."""
    return value.en if lang == "en" else dict(value.translations).get(lang)


# The texts an edition shows in its own language (a source's title is shown as published; its
# English title, an agreement's original title and aliases are no text to translate).
SHOWN_TEXTS = ("title", "name", "item", "quantity", "location", "summary", "roles", "note")


def shown_texts(record):
    """(path, Text) of every text of the record that an edition shows in its language."""
    for name in SHOWN_TEXTS:
        value = record.values.get(name)
        if name == "title" and record.collection == "sources":
            continue
        if isinstance(value, Text):
            yield name, value
        elif name == "roles":
            yield from ((f"roles[{i}]", role) for i, role in enumerate(value or ()))


def untranslated(record, lang: str) -> list[str]:
    """The paths of the record's shown texts that have no `lang` version."""
    return [path for path, text in shown_texts(record) if translation(text, lang) is None]


FRENCH: dict[str, str] = {
    # -- vocabularies (schema.py) ----------------------------------------------------------
    "confirmed": "confirmé",
    "reported": "signalé",
    "alleged": "allégué",
    "planned": "prévu",
    "requested": "demandé",
    "possible": "possible",
    "proposed": "proposé",
    "negotiating": "en négociation",
    "signed": "signé",
    "ratified": "ratifié",
    "in-force": "en vigueur",
    "lapsed": "caduc",
    "asserts": "affirme",
    "denies": "dément",
    "admits": "reconnaît",
    "state": "État",
    "person": "personne",
    "organisation": "organisation",
    "group": "groupe",
    "military": "militaire",
    "diplomatic": "diplomatique",
    "economic": "économique",
    "sanctions": "sanctions",
    "political": "politique",
    "context": "contexte",
    "drones": "drones",
    "missiles": "missiles",
    "aircraft": "aéronefs",
    "air-defence": "défense aérienne",
    "munitions": "munitions",
    "production": "production",
    "technology": "technologie",
    "other": "autre",
    "treaty": "traité",
    "agreement": "accord",
    "memorandum": "mémorandum",
    "pact": "pacte",
    "trade": "commerce",
    "defence": "défense",
    "science": "science",
    "education": "éducation",
    "culture": "culture",
    "source": "source",
    "actor": "acteur",
    "event": "événement",
    "transfer": "transfert",
    "states": "États",
    "persons": "personnes",
    "organisations": "organisations",
    "groups": "groupes",
    # -- entries and lists (pages.py, render.py, citing.py) ---------------------------------
    "not signed": "non signé",
    "{date}:": "{date} :",
    "{name}: {part}": "{name} : {part}",
    ": ": " : ",  # between a name and what follows it, French spaced: « Iran : … »
    "; ": " ; ",
    "undated": "sans date",
    "entry dated {date}": "entrée datée du {date}",
    "entry dated {period}": "entrée datée de {period}",
    "entry": "entrée",
    "“{title}”, Russia–Iran dossier, {dated}, {link}": "« {title} », Dossier Russie–Iran, {dated}, {link}",
    "All pages": "Toutes les pages",
    "{name}, part {number}": "{name}, partie {number}",
    "Records citing {title}": "Entrées citant {title}",
    "Category: {category}": "Catégorie : {category}",
    "The chart shows the latest {limit} of the {total} events; each year's page lists them all.":
        "Le graphique montre les {limit} derniers des {total} événements ; la page de chaque année les donne tous.",
    "The chart shows the latest {limit} of the {total} transfers; each year's page lists them all.":
        "Le graphique montre les {limit} derniers des {total} transferts ; la page de chaque année les donne tous.",
    "Editor's note": "Note de la rédaction",
    "Permanent link:": "Lien permanent :",
    "Cite this entry:": "Citer cette entrée :",
    "accessed": "consulté le",
    "date of access": "date de consultation",
    "Claims": "Déclarations",
    "Related:": "Voir aussi :",
    "Sources": "Sources",
    "citation {number}": "citation {number}",
    "{stance}:": "{stance} :",
    "back to the text": "retour au texte",
    "back to the text, {letter}": "retour au texte, {letter}",
    "in": "dans",
    "Timeline": "Chronologie",
    "Copy link": "Copier le lien",
    "Copy citation": "Copier la citation",
    "{copy}: the permanent link {link}": "{copy} : le lien permanent {link}",
    "{copy}: the citation of this entry": "{copy} : la citation de cette entrée",
    "Filter the entries": "Filtrer les entrées",
    "{shown} of {all} entries shown": "{shown} entrées affichées sur {all}",
    "Show all": "Tout afficher",
    "Added {date}": "Ajoutée le {date}",
    "changed {date}": "modifiée le {date}",
    "changed since the last commit": "modifiée depuis le dernier commit",
    "History": "Historique",
    "Russia–Iran dossier": "Dossier Russie–Iran",
    "History of “{title}”": "Historique de « {title} »",
    "Changed since the last commit": "Modifiée depuis le dernier commit",
    "Version of {date}": "Version du {date}",
    "Commit": "Commit",
    "Link to this version": "Lien vers cette version",
    "Former ids:": "Anciens identifiants :",
    "The entry as it is now": "L'entrée telle qu'elle est",
    "Every version of the entry, most recent first, from the history of the dossier’s data.": "Chaque version de l'entrée, de la plus récente à la plus ancienne, tirée de l'historique des données du dossier.",
    "The link you followed names the version of {date} ({digest}); the entry has changed since.": "Le lien suivi nomme la version du {date} ({digest}) ; l'entrée a changé depuis.",
    "The link you followed names a version ({digest}) this history does not hold.": "Le lien suivi nomme une version ({digest}) que cet historique ne contient pas.",
    "First published": "Première publication",
    "Citation added: {citation}": "Citation ajoutée : {citation}",
    "Citation removed: {citation}": "Citation retirée : {citation}",
    "changed": "a changé",
    "set to “{new}”": "désormais « {new} »",
    "removed (was “{old}”)": "retiré (c'était « {old} »)",
    "“{old}” became “{new}”": "« {old} » est devenu « {new} »",
    "version of {date}, {digest}": "version du {date}, {digest}",
    "version {digest}, not yet committed": "version {digest}, pas encore dans un commit",
    "“{title}”, Russia–Iran dossier, {dated}, {version}, {link}": "« {title} », Dossier Russie–Iran, {dated}, {version}, {link}",
    "No category “{value}” here": "Aucune catégorie « {value} » ici",
    "No status “{value}” here": "Aucun statut « {value} » ici",
    "No actor “{value}” here": "Aucun acteur « {value} » ici",
    "No year “{value}” here": "Aucune année « {value} » ici",
    "; did you mean {name}?": " ; vouliez-vous dire {name} ?",
    "Outside the chosen filter: shown because the address names this entry.": "Hors du filtre choisi : affichée parce que l'adresse nomme cette entrée.",
    "any|category": "toutes",
    "any|status": "tous",
    "any|actor": "tous",
    "any|year": "toutes",
    "Actor": "Acteur",
    "Year": "Année",
    "Arms transfers": "Transferts d'armes",
    "Agreements": "Accords",
    "Related actors": "Acteurs liés",
    "Actors": "Acteurs",
    "Timeline events": "Événements de la chronologie",
    # -- charts (charts.py) ------------------------------------------------------------------
    "dated {date}": "daté du {date}",
    "dated {period}": "daté de {period}",
    "from {first} to {last}": "de {first} à {last}",
    "Nothing to show: there are no events.": "Rien à montrer : il n'y a aucun événement.",
    "Nothing to show: there are no arms transfers.": "Rien à montrer : il n'y a aucun transfert d'armes.",
    "one row per category:": "une ligne par catégorie :",
    "By status:": "Par statut :",
    "{approximate} with an approximate date, {periods}.": "{approximate} à date approximative, {periods}.",
    "{approximate} with an approximate date.": "{approximate} à date approximative.",
    "Timeline of events by category": "Chronologie des événements par catégorie",
    "Arms transfers by direction and category": "Transferts d'armes par sens et par catégorie",
    "one band per direction, one row per category.": "une bande par sens, une ligne par catégorie.",
    "Delivered (confirmed or reported): {firm}; planned, requested or possible, not delivered: {intended}; alleged: {alleged}.":
        "Livrés (confirmés ou signalés) : {firm} ; prévus, demandés ou possibles, non livrés : {intended} ; allégués : {alleged}.",
    "{count} event": "{count} événement",
    "{count} events": "{count} événements",
    "{count} period": "{count} période",
    "{count} periods": "{count} périodes",
    "{count} arms transfer": "{count} transfert d'armes",
    "{count} arms transfers": "{count} transferts d'armes",
    "Status:": "Statut :",
    "confirmed or reported": "confirmé ou signalé",
    "planned, requested or possible": "prévu, demandé ou possible",
    "delivered: confirmed or reported": "livré : confirmé ou signalé",
    "not delivered: planned, requested or possible": "non livré : prévu, demandé ou possible",
    "Date:": "Date :",
    "exact": "exacte",
    "approximate (c.)": "approximative (vers)",
    "period, start to end": "période, du début à la fin",
    "approximate period": "période approximative",
    # -- pages (templates) --------------------------------------------------------------------
    "Every event of the dossier, oldest first, on a page per year. Each entry's status says how far the sources establish it; each quote is checked against its source at every build.":
        "Tous les événements du dossier, du plus ancien au plus récent, sur une page par année. Le statut de chaque entrée dit dans quelle mesure les sources l'établissent ; chaque citation est vérifiée dans sa source à chaque construction du site.",
    "Every event of the dossier, oldest first. Each entry's status says how far the sources establish it; each quote below it is checked against its source at every build.":
        "Tous les événements du dossier, du plus ancien au plus récent. Le statut de chaque entrée dit dans quelle mesure les sources l'établissent ; chaque citation qui la suit est vérifiée dans sa source à chaque construction du site.",
    "Events by year": "Événements par année",
    "Actors:": "Acteurs :",
    "The Russia–Iran dossier": "Le dossier Russie–Iran",
    "A reference on the relationship between Russia and Iran: a timeline of events, arms and military technology supplied in both directions, the agreements between them, and the people and institutions involved. Every statement cites a passage of a source document, and each build checks that the passage is really there.":
        "Un ouvrage de référence sur les relations entre la Russie et l'Iran : une chronologie des événements, les armes et technologies militaires fournies dans les deux sens, les accords entre les deux pays, et les personnes et institutions en jeu. Chaque affirmation cite un passage d'un document source, et chaque construction du site vérifie que le passage s'y trouve bien.",
    "Overview": "Vue d'ensemble",
    "Sources of the overview": "Sources de la vue d'ensemble",
    "At a glance": "En un coup d'œil",
    "In the dossier": "Dans le dossier",
    "Collection": "Collection",
    "Records": "Entrées",
    "Latest entries": "Dernières entrées",
    "How to cite and link": "Citer et lier",
    "Every entry has a permanent link that survives changes of title, page or year:":
        "Chaque entrée a un lien permanent, qui survit aux changements de titre, de page ou d'année :",
    ", for example": ", par exemple",
    "The id of an entry is the last part of its address after #.": "L'identifiant d'une entrée est la dernière partie de son adresse, après #.",
    "The methodology says how statuses are assigned and quotes verified:": "La méthodologie explique comment les statuts sont attribués et les citations vérifiées :",
    "methodology": "méthodologie",
    "Pages": "Pages",
    "{count} entry, on a page per year:": "{count} entrée, sur une page par année :",
    "{count} entries, on a page per year:": "{count} entrées, sur une page par année :",
    "Texts shown in English, for want of a translation": "Textes montrés en anglais, faute de traduction",
    "{count} entry": "{count} entrée",
    "{count} entries": "{count} entrées",
    "{count} transfer": "{count} transfert",
    "{count} transfers": "{count} transferts",
    "{count} agreement": "{count} accord",
    "{count} agreements": "{count} accords",
    "{count} source": "{count} source",
    "{count} sources": "{count} sources",
    "{count} year": "{count} an",
    "{count} years": "{count} ans",
    "Browse": "Parcourir",
    "Plain lists of the dossier's events, transfers and agreements. The timeline and the transfers can also be narrowed in place, and the choice sent as a link:":
        "Des listes simples des événements, transferts et accords du dossier. La chronologie et les transferts peuvent aussi être filtrés sur place, et le choix envoyé sous forme de lien :",
    "timeline": "chronologie",
    "transfers": "transferts",
    "By year": "Par année",
    "By category": "Par catégorie",
    "By actor": "Par acteur",
    "Each actor's page lists every record that names them:": "La page de chaque acteur donne toutes les entrées qui le nomment :",
    "the actors": "les acteurs",
    "Back to": "Retour à",
    "{count} entry, oldest first.": "{count} entrée, de la plus ancienne à la plus récente.",
    "{count} entries, oldest first.": "{count} entrées, de la plus ancienne à la plus récente.",
    "Browse by year, category or actor": "Parcourir par année, catégorie ou acteur",
    "Roles": "Rôles",
    "Also written:": "Autres graphies :",
    "Arms and military technology supplied, planned, requested or possible, in both directions. The chart shows the latest; the pages per year below list every transfer, in a table and entry by entry.":
        "Armes et technologies militaires fournies, prévues, demandées ou possibles, dans les deux sens. Le graphique montre les plus récentes ; les pages par année ci-dessous donnent tous les transferts, en tableau et entrée par entrée.",
    "Arms and military technology supplied, planned, requested or possible, in both directions. The chart and the table list every transfer; each links to its entry below.":
        "Armes et technologies militaires fournies, prévues, demandées ou possibles, dans les deux sens. Le graphique et le tableau donnent tous les transferts ; chacun mène à son entrée ci-dessous.",
    "Transfers by year": "Transferts par année",
    "Date": "Date",
    "Supplier → recipient": "Fournisseur → destinataire",
    "Item": "Objet",
    "Category": "Catégorie",
    "Quantity": "Quantité",
    "Status": "Statut",
    "quantity:": "quantité :",
    "Supplier:": "Fournisseur :",
    "Recipient:": "Destinataire :",
    "Treaties, agreements, memoranda and pacts, by date of signature; those not signed come last.":
        "Traités, accords, mémorandums et pactes, par date de signature ; ceux qui ne sont pas signés viennent en dernier.",
    "Agreements by year of signature": "Accords par année de signature",
    "Kind:": "Type :",
    "Parties:": "Parties :",
    "Signatories:": "Signataires :",
    "Signed:": "Signé :",
    "Location:": "Lieu :",
    "Duration:": "Durée :",
    "Areas:": "Domaines :",
    "The documents the dossier cites. Every quote on the site is checked, at each build, against the text of its source.":
        "Les documents que cite le dossier. Chaque citation du site est vérifiée, à chaque construction, dans le texte de sa source.",
    "Sources by year": "Sources par année",
    "Language:": "Langue :",
    "Publisher:": "Éditeur :",
    "Address:": "Adresse :",
    "Text:": "Texte :",
    "quotes verified against it": "les citations y sont vérifiées",
    "The text, sentence by sentence: {cited} of {total} cited": "Le texte, phrase par phrase : {cited} sur {total} citées",
    "cited": "citée",
    "by": "par",
    "not cited": "non citée",
    "Cited by {count} record": "Citée par {count} entrée",
    "Cited by {count} records": "Citée par {count} entrées",
    "The states, people, organisations and groups the dossier names. Each has a page listing every event, transfer and agreement that names them.":
        "Les États, personnes, organisations et groupes que nomme le dossier. Chacun a une page qui donne tous les événements, transferts et accords qui le nomment.",
    "Russia–Iran dossier: new and changed entries": "Dossier Russie–Iran : entrées nouvelles et modifiées",
    "Added {date}.": "Ajoutée le {date}.",
    "Changed {date}: {fields}.": "Modifiée le {date} : {fields}.",
    # -- the schema's vocabularies and fields (schema.py), for the methodology page ----------
    "acknowledged by the parties, or established beyond doubt in the sources": "reconnu par les parties, ou établi sans doute possible dans les sources",
    "reported by the sources, not confirmed by the parties": "rapporté par les sources, non confirmé par les parties",
    "asserted by a party, and denied or unconfirmed by the party concerned": "affirmé par une partie, et démenti ou non confirmé par la partie concernée",
    "reported as intended or announced, not (yet) done per the sources": "rapporté comme voulu ou annoncé, pas (encore) réalisé selon les sources",
    "sought by one side, not delivered per the sources": "recherché par une partie, non livré selon les sources",
    "reported as possible or under consideration, not as sought, planned or done per the sources":
        "rapporté comme possible ou à l'étude, ni recherché, ni prévu, ni réalisé selon les sources",
    "permanent identifier: the record's anchor and link; never derived from the title": "identifiant permanent : l'ancre et le lien de l'entrée ; jamais tiré du titre",
    "the title as published, in its own language": "le titre tel que publié, dans sa langue",
    "publication date": "date de publication",
    "BCP 47 language tag, e.g. fr": "code de langue BCP 47, par exemple fr",
    "the title in English": "le titre en anglais",
    "who published it (leave out rather than guess)": "qui l'a publié (à omettre plutôt que deviner)",
    "http or https address": "adresse http ou https",
    "the text of the document, relative to seeds/": "le texte du document, chemin relatif à seeds/",
    "ids this record had before; links to them keep working": "identifiants qu'avait l'entrée ; les liens vers eux continuent de fonctionner",
    "words in the id syntax": "mots dans la syntaxe des identifiants",
    "an editor's note, shown as such": "une note de la rédaction, présentée comme telle",
    "name in English": "nom en anglais",
    "what the actor is": "ce qu'est l'acteur",
    "the state the actor belongs to": "l'État dont relève l'acteur",
    "roles as the sources give them, e.g. 'President of Iran (from 2024)'": "rôles tels que les sources les donnent, par exemple « Président de l'Iran (depuis 2024) »",
    "other spellings and names; search finds them": "autres graphies et noms ; la recherche les trouve",
    "a short English account": "un bref résumé en anglais",
    "citations: source id and verbatim quote": "citations : identifiant de la source et citation exacte",
    "YYYY, YYYY-MM or YYYY-MM-DD": "AAAA, AAAA-MM ou AAAA-MM-JJ",
    "what happened, in a line": "ce qui s'est passé, en une ligne",
    "the kind of event": "le type d'événement",
    "actors involved": "acteurs en jeu",
    "how established the statement is": "dans quelle mesure l'affirmation est établie",
    "closes a period; not before the start of date": "clôt une période ; pas avant le début de date",
    "true marks the date 'c.'": "true marque la date « vers »",
    "who says what about it": "qui en dit quoi",
    "ids of related records, of any collection": "identifiants d'entrées liées, de toute collection",
    "the actor supplying": "l'acteur qui fournit",
    "the actor receiving": "l'acteur qui reçoit",
    "what was transferred, as precise as the sources allow": "ce qui a été transféré, aussi précisément que les sources le permettent",
    "the kind of transfer": "le type de transfert",
    "a positive integer, or text such as 'hundreds'": "un entier positif, ou un texte comme « des centaines »",
    "the agreement's name in English": "le nom de l'accord en anglais",
    "the kind of agreement": "le type d'accord",
    "the parties": "les parties",
    "where the agreement stands": "où en est l'accord",
    "the title in its original language": "le titre dans sa langue d'origine",
    "the persons who signed": "les personnes qui l'ont signé",
    "when it was signed": "quand il a été signé",
    "where it was signed": "où il a été signé",
    "how many years it runs": "sa durée en années",
    "fields it covers, e.g. trade, defence": "les domaines qu'il couvre, par exemple trade, defence",
    "warnings the editors mean, not to be given again": "les avertissements que les éditeurs assument, à ne plus donner",
}
