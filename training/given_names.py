"""Rebuild the speaker lexicon's ``given_name_genders`` from the census names it holds and the
first names of Faker's Latin-script locales.

Why: the 1990 US Census names alone leave most European, African and Asian given names out
("Aoife", "Marek", "Thijs", "Priya", "Chidi"), so the linker cannot tell that "Aleksandra
Wróblewska", which the base NER labels an organisation, is a woman. Faker (MIT,
https://github.com/joke2k/faker) keeps curated male and female first-name lists for some
80 locales; its Latin-script ones are merged here once, offline, so that neither Faker nor
this script is needed at run time.

Rules, each a reason a name is left out or left genderless:
- a name one locale (or the census) gives only to men and another only to women ("Kim"), and
  one whose gender differs between languages though the lists do not show it
  (``CROSS_LANGUAGE_NAMES``: Italy's "Andrea", Russia's "Nikita", Yoruba "Tunde", which only
  Hungary's "Tünde" lists), is kept as a given name with gender ``null``: it still says "this
  is a person's first name" but tells no pronoun; a locale listing a name under both sexes
  tells nothing ("José" among Spain's women's names, for "María José");
- a new name that English text uses as an ordinary lower-case word ("hope", "will", "rose",
  "major") is left out: it would make a word before a name look like a given name. The
  English sample is the project's own corpora plus any text files given with ``--english-text``;
- a new name that is an English word of the base pipeline's lemmatizer index ("rose", "bill"),
  that another speaker lexicon already holds (a role, a place, a nationality, an organisation
  word), or that family-first locales use as a family or middle name ("Nguyen", "Thi") is left out;
- the census names (``training/given_names_census.json``) are all kept, with their gender
  unless a locale disagrees, but for the names of places (lexicon ``place_adjectives``: the
  census's "Kenya", "Georgia").

    python training/given_names.py [--english-text ../shared/polnear/train]
"""
import argparse
import importlib
import json
import pkgutil
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, Optional, Set

from claimattr.linker.names import without_accents

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "claimattr" / "linker" / "speakers.json"
CENSUS = ROOT / "training" / "given_names_census.json"
PROJECT_TEXTS = (ROOT / "training" / "corpus" / "corpus.jsonl", ROOT / "benchmarks" / "data" / "other_news.jsonl")
# "en" is the US Social Security list of every name given to five babies a year, which holds
# surnames and words ("Abbott", "Royal"); the other English locales are kept.
SKIPPED_LOCALES = {"en"}
# Locales whose names put the family name first: their "first" names are no first word of a name,
# and their family and middle names ("Nguyen", "Thi" in "Nguyen Thi Hoa") must not read as given names.
FAMILY_FIRST_LOCALES = {"vi_VN", "zh_CN", "zh_TW", "ja_JP", "ko_KR"}
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’\-]+$")
WORD = re.compile(r"[A-Za-zÀ-ɏ]+")
TOKEN = re.compile(r"[A-Za-zÀ-ɏ]+|[^\sA-Za-zÀ-ɏ]")


def locale_names() -> Iterator["tuple[str, str, str]"]:
    """(locale, name, gender) for every Latin-script first name in Faker's person providers."""
    import faker.providers.person as person

    for module in pkgutil.iter_modules(person.__path__):
        if module.name in SKIPPED_LOCALES | FAMILY_FIRST_LOCALES:
            continue
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute, gender in (("first_names_male", "male"), ("first_names_female", "female")):
            for name in getattr(provider, attribute, ()):
                if LATIN.match(name) and " " not in name:
                    yield module.name, name, gender


def family_first_names() -> Set[str]:
    """The family and middle names of the family-first locales, Latin-script ones, without accents."""
    import faker.providers.person as person

    names: Set[str] = set()
    for locale in FAMILY_FIRST_LOCALES:
        provider = importlib.import_module(f"{person.__name__}.{locale}").Provider
        for attribute in ("last_names", "last_romanized_names", "middle_names"):
            names.update(without_accents(n.lower()) for n in getattr(provider, attribute, ()) if LATIN.match(n))
    return names


def english_words() -> Set[str]:
    """The nouns, verbs, adjectives and adverbs the base pipeline's lemmatizer indexes (WordNet's):
    a name that is also one ("Hope", "Bill", "Royal") is no safe sign of a person."""
    import spacy

    from claimattr import DEFAULT_BASE

    index = spacy.load(DEFAULT_BASE).get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {word for words in index.values() for word in words}


# Names whose gender differs between languages, which no locale list shows reliably: Italian men's
# names in -a/-e that are women's elsewhere, Russian and Ukrainian men's diminutives that Western
# lists give to women, Arabic and French names held by both sexes, and English unisex names.
CROSS_LANGUAGE_NAMES = frozenset({
    "andrea", "nicola", "simone", "gabriele", "daniele", "michele", "emanuele", "raffaele", "samuele",
    "nikita", "sasha", "dima", "slava", "misha", "vanya", "zhenya", "valya", "tolya", "kolya",
    "nour", "noor", "jean", "dominique", "claude", "camille", "kim", "jamie", "toni", "tunde", "nana",
})


def merged_genders(census: Dict[str, Optional[str]]) -> Dict[str, Optional[str]]:
    """Each name's gender: the one sex the census and the locales that give the name to one sex
    only agree on; ``None`` (a given name that tells no gender) where one gives it only to men and
    another only to women ("Kim"), and for the names of ``CROSS_LANGUAGE_NAMES``. A locale
    listing a name under both sexes tells nothing: its lists are noisy ("José" among Spain's
    women's names, for "María José")."""
    by_locale: Dict[str, Dict[str, Set[str]]] = {}
    for locale, name, gender in locale_names():
        by_locale.setdefault(without_accents(name.lower()), {}).setdefault(locale, set()).add(gender)
    merged: Dict[str, Optional[str]] = {}
    for name, locales in by_locale.items():
        genders = {next(iter(g)) for g in locales.values() if len(g) == 1} | ({census[name]} if census.get(name) else set())
        merged[name] = genders.pop() if len(genders) == 1 and name not in CROSS_LANGUAGE_NAMES else None
    for name, gender in census.items():
        merged.setdefault(name, None if name in CROSS_LANGUAGE_NAMES else gender)
    return merged


@dataclass
class Usage:
    """How English text uses capitalised words: a name that is mostly a surname ("Cruz", "Smith"),
    a place ("Paris", "Brooklyn") or a word of other names ("Washington Post", "Jan.") is no
    given name to rely on, whatever a locale's list says."""

    lower: Counter = field(default_factory=Counter)  # "hope" in lower case: an ordinary word
    capitalised: Counter = field(default_factory=Counter)
    before_name: Counter = field(default_factory=Counter)  # followed by a capitalised word
    after_given: Counter = field(default_factory=Counter)  # after a known given name: a surname
    after_place_prep: Counter = field(default_factory=Counter)  # "in Paris", "from Brooklyn"

    def count(self, text: str, given: Set[str]) -> None:
        words = TOKEN.findall(text)
        for i, word in enumerate(words):
            if word.islower():
                self.lower[word] += 1
                continue
            if not word[:1].isupper():
                continue
            name = without_accents(word.lower())
            following = words[i + 1] if i + 1 < len(words) else ""
            previous = words[i - 1] if i else ""
            self.capitalised[name] += 1
            self.before_name[name] += following[:1].isupper() and following.isalpha()
            self.after_given[name] += previous[:1].isupper() and without_accents(previous.lower()) in given
            self.after_place_prep[name] += previous.lower() in ("in", "from")

    def ordinary(self, name: str, min_lower: int) -> bool:
        """Whether English uses a name mostly as something other than a given name."""
        before = self.before_name[name]
        return (
            self.lower[name] >= min_lower
            or self.after_given[name] + self.after_place_prep[name] > before
            or (self.capitalised[name] >= 5 and 2 * before < self.capitalised[name])
        )


def english_usage(paths: Iterable[Path], given: Set[str]) -> Usage:
    """The usage of words in English text (JSONL records' "text", or plain .txt files)."""
    usage = Usage()
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix not in (".txt", ".jsonl"):
                continue
            lines = file.read_text(encoding="utf-8").splitlines()
            texts = [json.loads(line)["text"] for line in lines if line.strip()] if file.suffix == ".jsonl" else lines
            for text in texts:
                usage.count(text, given)
    return usage


def other_lexicon_words(lexicon: Dict) -> Set[str]:
    """Every single word another key of the speaker lexicon holds, lower case, without accents."""
    words: Set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(without_accents(w.lower()) for w in WORD.findall(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for key, value in lexicon.items():
        if key not in ("given_name_genders", "_comment", "$schema"):
            walk(value)
    return words


def build(english_text: Iterable[Path], min_lower: int) -> Dict[str, Optional[str]]:
    lexicon = json.loads(LEXICON.read_text(encoding="utf-8"))
    census = json.loads(CENSUS.read_text(encoding="utf-8"))["given_name_genders"]
    merged = merged_genders(census)
    usage = english_usage([*PROJECT_TEXTS, *english_text], set(merged))
    taken = other_lexicon_words(lexicon) | family_first_names() | english_words()
    places = {without_accents(place.lower()) for place in lexicon.get("place_adjectives", {})}
    return {
        name: gender for name, gender in sorted(merged.items())
        if name not in places and (name in census or not usage.ordinary(name, min_lower) and name not in taken and len(name) > 2)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--english-text", type=Path, action="append", default=[],
                        help="more English text (a folder of .txt files or a .jsonl of records with 'text'); repeatable")
    parser.add_argument("--min-lower", type=int, default=1,
                        help="a new name seen this often in lower case is an ordinary word and left out")
    parser.add_argument("--dry-run", action="store_true", help="print the counts, write nothing")
    args = parser.parse_args()
    names = build(args.english_text, args.min_lower)
    lexicon = json.loads(LEXICON.read_text(encoding="utf-8"))
    before = lexicon["given_name_genders"]
    added = sorted(set(names) - set(before))
    print(f"{len(before)} -> {len(names)} names ({len(added)} added, "
          f"{sum(1 for n in names if names[n] is None)} without gender)")
    if args.dry_run:
        print(" ".join(added))
        return
    lexicon["given_name_genders"] = names
    LEXICON.write_text(json.dumps(lexicon, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
