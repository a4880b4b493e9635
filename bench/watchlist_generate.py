"""Generate a synthetic watchlist and visitors for the screening benchmark.

    .venv/bin/python bench/watchlist_generate.py --size 100000 --out var/watchlist-bench

writes LIST.csv and QUERIES.csv in the `threshold watchlist screen` format, plus EXPECTED.csv
(for each query: the list id it should find, or empty for a clean visitor, and the perturbation).
`bench/watchlist_screen.py` uses the same generator in memory.

Names follow a US-like spread: a few very common given and family names (about 1% each at the
top), a long tail of rarer ones (made from syllables), Spanish double surnames and hyphenated
family names, accents on Spanish names as often as not, particles (De la Cruz, O'Brien), middle
names and initials, aliases, and about 2% of entries without a birth date. Nothing is real.
"""

from __future__ import annotations

import argparse
import csv
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import accumulate
from pathlib import Path

from threshold.matching import Entry, Query
from threshold.matching.nicknames import nickname_table

MALE = """James John Robert Michael William David Richard Joseph Thomas Charles Christopher
Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy
Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott
Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron
José Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith
Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe
Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell
Bobby Mason Philip Louis Carlos Luis Jesús Miguel Antonio Francisco Alejandro Manuel Ricardo
Pedro Jorge Fernando Eduardo Javier Rafael Sergio Roberto Héctor Raúl Enrique Andrés Ramón
Guillermo Ignacio Mario Óscar Rubén Salvador Arturo Alberto Gustavo Julio Víctor Martín Diego
Adrián Iván Ángel Omar Marco Hugo Emilio Armando Alfredo Gerardo Tomás Agustín Nicolás Santiago
Mateo Matías Sebastián Joaquín Lorenzo Rodrigo Esteban Felipe Guadalupe Ernesto Rogelio
Leonardo Marcos Daniel Alfonso Wei Ming Jun Hiroshi Kenji Minh Tuan Duc Hung Anh Vikram Rahul
Amit Raj Mohammed Ahmed Ali Omar Hassan Ibrahim Yusuf Tariq Dmitri Ivan Sergei Andrzej Piotr
Tomasz Krzysztof Lukas Jan Pierre Jean Luc François Giovanni Marco Luca Matteo Kwame Kofi
Chinedu Emeka Tunde Oluwaseun DeShawn DeAndre Jamal Malik Tyrone Darnell Marquis Terrell Lamar
Andre Reginald Cedric Demetrius"""

FEMALE = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy
Betty Sandra Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah
Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna
Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet Maria Catherine
Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn
Judith Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann
Kathryn Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise Danielle
Marilyn Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie María
Guadalupe Rosa Juana Ana Carmen Verónica Leticia Adriana Gabriela Alejandra Claudia Patricia
Elena Silvia Mónica Yolanda Lucía Margarita Sofía Valeria Camila Ximena Daniela Fernanda Paola
Lorena Araceli Maricela Yesenia Rocío Esperanza Dolores Beatriz Graciela Norma Irma Blanca
Alicia Josefina Marisol Esmeralda Mei Ling Yan Hui Li Ying Yuki Keiko Thi Lan Hoa Priya Anjali
Sunita Deepa Fatima Aisha Mariam Zainab Layla Olga Natasha Svetlana Anna Agnieszka Katarzyna
Magdalena Marta Sophie Camille Chiara Giulia Ngozi Amara Chiamaka Folake Latoya Keisha Tamika
Ebony Shanice Aaliyah Imani Jasmine"""

FAMILY = """Smith Johnson Williams Brown Jones García Miller Davis Rodríguez Martínez Hernández
López González Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Pérez Thompson White
Harris Sánchez Clark Ramírez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen
Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gómez
Phillips Evans Turner Díaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook
Rogers Gutiérrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward
Richardson Watson Brooks Chávez Wood James Bennett Gray Mendoza Ruiz Hughes Price Álvarez
Castillo Sanders Patel Myers Long Ross Foster Jiménez Powell Jenkins Perry Russell Sullivan
Bell Coleman Butler Henderson Barnes Gonzales Fisher Vásquez Simmons Romero Jordan Patterson
Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson
Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernández McDonald
Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzmán Burns Crawford
Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Muñoz Hunt Hicks Holmes
Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt
García Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley
Spencer Hawkins Arnold Pierce Vázquez Hansen Peters Santos Hart Bradley Knight Elliott
Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Alvarado Ray Delgado Berry
Perkins Hoffman Johnston Matthews Peña Richards Contreras Willis Carpenter Lawrence Sandoval
Guerrero George Chapman Rios Estrada Ortega Watkins Greene Núñez Wheeler Valdez Harper Burke
Larson Santiago Maldonado Morrison Franklin Carlson Austin Domínguez Carr Lawson Jacobs O'Brien
Lynch Singh Vega Bishop Montgomery Oliver Jensen Harvey Williamson Gilbert Carrillo Ortíz Wong
Li Wang Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Zheng Liang Xie Song
Tang Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Pham Hoang Phan Vu Vo Dang Bui Do Ho Ngo
Duong Ly Shah Kumar Sharma Gupta Reddy Khan Ali Ahmed Hassan Hussain Mohammed Ibrahim Yilmaz
Kaya Kowalski Nowak Wiśniewski Wójcik Ivanov Petrov Smirnov Müller Schneider Fischer Weber
Becker Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Dubois Durand Lefèvre Moreau
Laurent Okafor Okeke Adeyemi Mensah Osei Diallo Traoré Cissé De_la_Cruz Del_Rosario De_León
San_Juan Van_Buren D'Angelo O'Connor O'Neill McCarthy MacDonald McKenzie St._John Fitzgerald
Vanderbilt"""

SYLLABLES = """ba be bi bo bu ca co cu da de di do du fa fe fi fo ga ge go gu ha he ho ja je jo
ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so
su ta te ti to tu va ve vi vo wa we wi ya yo za ze zo bar ber bor can car cas cor dal del dor
fer gar gon han har her kin lan lar len ler lin lor man mar mer min mon nar nel ner pal par per
ran ren rin ron san sar sen son tan tar ter ton val ven vin wal war wen win ell ett ing ski sky
ova eva ina ard ford ley ton son man berg stein feld wood field more land ridge worth well by"""

ACCENTS = dict(zip("áéíóúñü", "aeiounu", strict=True))
COMPOUND_SHARE = 0.10  # Spanish double surnames: García López
HYPHEN_SHARE = 0.04  # Smith-Jones, García-López
NO_DOB_SHARE = 0.02
ALIAS_SHARE = 0.08
MIDDLE_SHARE = 0.25
INITIAL_SHARE = 0.08


def _words(text: str) -> list[str]:
    return text.split()


def _family_list() -> list[str]:
    return list(dict.fromkeys(word.replace("_", " ") for word in _words(FAMILY)))


def _zipf(count: int, exponent: float, offset: float) -> list[float]:
    """Cumulative weights of a Zipf-like spread (rank + offset) ** -exponent."""
    return list(accumulate(1.0 / (rank + offset) ** exponent for rank in range(1, count + 1)))


class Population:
    """Draws people with a US-like spread of names; deterministic for a seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.male = list(dict.fromkeys(_words(MALE)))
        self.female = list(dict.fromkeys(_words(FEMALE)))
        self.family = _family_list()
        # Shaped on the US census: the commonest given names about 3% of their sex (James,
        # Mary), the tenth about half that; the commonest family name about 0.9% of everyone
        # (Smith), the tenth 0.4%, the hundredth 0.08%, with the common list holding 35%.
        self.male_weights = _zipf(len(self.male), 0.9, 6)
        self.female_weights = _zipf(len(self.female), 0.9, 6)
        self.family_weights = _zipf(len(self.family), 0.8, 4)
        # A rare-name tail: family names made of syllables, shared by few people each.
        tail_rng = random.Random(7)
        syllables = _words(SYLLABLES)
        tail: set[str] = set()
        while len(tail) < 120_000:
            word = "".join(tail_rng.choice(syllables) for _ in range(tail_rng.randint(2, 3)))
            tail.add(word.capitalize())
        self.tail = sorted(tail)
        tail_rng.shuffle(self.tail)
        self.tail_weights = _zipf(len(self.tail), 0.6, 50)
        self.rare_given = [name for name in self.tail if len(name) <= 8][:20_000]

    def given_name(self, *, female: bool) -> str:
        rng = self.rng
        if rng.random() < 0.06:
            return rng.choice(self.rare_given)
        names, weights = (
            (self.female, self.female_weights) if female else (self.male, self.male_weights)
        )
        return rng.choices(names, cum_weights=weights)[0]

    def one_family_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.65:
            return rng.choices(self.tail, cum_weights=self.tail_weights)[0]
        return rng.choices(self.family, cum_weights=self.family_weights)[0]

    def family_name(self) -> str:
        roll = self.rng.random()
        if roll < COMPOUND_SHARE:
            return f"{self.one_family_name()} {self.one_family_name()}"
        if roll < COMPOUND_SHARE + HYPHEN_SHARE:
            return f"{self.one_family_name()}-{self.one_family_name()}"
        return self.one_family_name()

    def birth_date(self, first_year: int, last_year: int) -> date:
        start = date(first_year, 1, 1).toordinal()
        end = date(last_year, 12, 31).toordinal()
        return date.fromordinal(self.rng.randint(start, end))

    def person(self, *, female_share: float, years: tuple[int, int]) -> tuple[str, str, date]:
        rng = self.rng
        female = rng.random() < female_share
        given = self.given_name(female=female)
        roll = rng.random()
        if roll < MIDDLE_SHARE:
            middle = self.given_name(female=female)
            if middle != given:
                given = f"{given} {middle}"
        elif roll < MIDDLE_SHARE + INITIAL_SHARE:
            given = f"{given} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
        family = self.family_name()
        if rng.random() < 0.5:  # accents written as often as not
            given, family = strip_accents(given), strip_accents(family)
        return given, family, self.birth_date(*years)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def watchlist(size: int, seed: int = 1) -> list[Entry]:
    """A list of `size` people, mostly men born 1950-2005."""
    population = Population(seed)
    rng = population.rng
    nicknames = nickname_table()
    entries: list[Entry] = []
    for number in range(size):
        given, family, born = population.person(female_share=0.25, years=(1950, 2005))
        aliases: tuple[str, ...] = ()
        if rng.random() < ALIAS_SHARE:
            first = given.split()[0]
            variants = sorted(nicknames.variants(first.lower()))
            if variants and rng.random() < 0.6:
                aliases = (f"{rng.choice(variants).capitalize()} {family}",)
            else:
                aliases = (f"{first} {population.one_family_name()}",)
        entries.append(
            Entry(
                id=f"W{number:07d}",
                family_name=family,
                given_name=given,
                date_of_birth=None if rng.random() < NO_DOB_SHARE else born,
                aliases=aliases,
                reason=rng.choice(["registry", "custody order", "trespass", "restraining order"]),
            )
        )
    return entries


@dataclass(frozen=True)
class TrueQuery:
    query: Query
    entry_id: str
    kind: str


KINDS = (
    "exact",
    "nickname",
    "typo",
    "swapped names",
    "missing accents",
    "one part of family name",
    "upper case, no punctuation",
    "no birth date from visitor",
    "no birth date on list",
    "day and month swapped",
    "nickname, no birth date from visitor",
    "typo, no birth date on list",
)


def _typo(word: str, rng: random.Random) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    position = rng.randrange(len(word))
    operation = rng.choice(["insert", "delete", "change", "swap"])
    if operation == "insert":
        return word[:position] + rng.choice(letters) + word[position:]
    if operation == "delete":
        return word[:position] + word[position + 1 :]
    if operation == "change":
        return (
            word[:position]
            + rng.choice(letters.replace(word[position].lower(), ""))
            + (word[position + 1 :])
        )
    position = min(position, len(word) - 2)
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def _typo_in_name(given: str, family: str, rng: random.Random) -> tuple[str, str] | None:
    choices = [
        (side, index)
        for side, text in (("given", given), ("family", family))
        for index, word in enumerate(text.split())
        if len(word) >= 4 and word.isalpha()
    ]
    if not choices:
        return None
    side, index = rng.choice(choices)
    words = (given if side == "given" else family).split()
    words[index] = _typo(words[index], rng)
    return (" ".join(words), family) if side == "given" else (given, " ".join(words))


def _perturb(entry: Entry, kind: str, rng: random.Random, population: Population) -> Query | None:
    nicknames = nickname_table()
    given, family, born = entry.given_name, entry.family_name, entry.date_of_birth
    undated_kinds = {"no birth date on list", "typo, no birth date on list"}
    if (born is None) != (kind in undated_kinds):
        return None
    if born is None:
        born = population.birth_date(1950, 2005)  # the visitor gives their (true) birth date
    query = Query(family, given, born)
    if kind in {"nickname", "nickname, no birth date from visitor"}:
        first = given.split()[0]
        variants = sorted(nicknames.variants(strip_accents(first).lower()))
        if not variants:
            return None
        query = replace(query, given_name=rng.choice(variants).capitalize())
        if kind.endswith("visitor"):
            query = replace(query, date_of_birth=None)
    elif kind in {"typo", "typo, no birth date on list"}:
        typo = _typo_in_name(given, family, rng)
        if typo is None:
            return None
        query = replace(query, given_name=typo[0], family_name=typo[1])
    elif kind == "swapped names":
        query = Query(given, family, born)
    elif kind == "missing accents":
        if strip_accents(given + family) == given + family:
            return None
        query = replace(query, given_name=strip_accents(given), family_name=strip_accents(family))
    elif kind == "one part of family name":
        parts = family.replace("-", " ").split()
        if len(parts) < 2 or family.startswith(("De ", "Del ", "San ", "Van ", "St. ")):
            return None
        query = replace(query, family_name=rng.choice(parts))
    elif kind == "upper case, no punctuation":
        if not any(char in "-'." for char in given + family):
            return None  # only names with punctuation (hyphens, apostrophes, periods)

        def shout(text: str) -> str:
            return "".join(c for c in text.upper() if c.isalnum() or c == " ")

        query = Query(shout(family), shout(given), born)
    elif kind == "no birth date from visitor":
        query = replace(query, date_of_birth=None)
    elif kind == "day and month swapped":
        if born.day > 12 or born.day == born.month:
            return None
        query = replace(query, date_of_birth=born.replace(month=born.day, day=born.month))
    return query


def true_queries(entries: list[Entry], count: int, seed: int = 2) -> list[TrueQuery]:
    """`count` visitors who are on the list, each with one kind of perturbation, in turn."""
    rng = random.Random(seed)
    population = Population(seed + 100)
    undated = [entry for entry in entries if entry.date_of_birth is None]
    found: list[TrueQuery] = []
    attempts = 0
    while len(found) < count and attempts < count * 200:
        kind = KINDS[len(found) % len(KINDS)]
        attempts += 1
        pool = undated if "on list" in kind else entries
        entry = rng.choice(pool)
        query = _perturb(entry, kind, rng, population)
        if query is not None:
            found.append(TrueQuery(query, entry.id, kind))
    return found


def clean_visitors(count: int, *, with_birth_date: bool = True, seed: int = 3) -> Iterator[Query]:
    """Visitors drawn from the same population (mostly parents born 1970-2000), not taken from
    the list: any match they get is a false candidate."""
    population = Population(seed)
    for _ in range(count):
        given, family, born = population.person(female_share=0.6, years=(1965, 2002))
        yield Query(family, given, born if with_birth_date else None)


def write_csv(path: Path, header: tuple[str, ...], rows: Iterator[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--true", type=int, default=1_200, help="visitors on the list")
    parser.add_argument("--clean", type=int, default=5_000, help="visitors not on the list")
    parser.add_argument("--out", type=Path, default=Path("var/watchlist-bench"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    entries = watchlist(args.size)
    write_csv(
        args.out / "LIST.csv",
        ("id", "family_name", "given_name", "date_of_birth", "aliases", "reason"),
        (
            (
                e.id,
                e.family_name,
                e.given_name,
                e.date_of_birth.isoformat() if e.date_of_birth else "",
                ";".join(e.aliases),
                e.reason,
            )
            for e in entries
        ),
    )
    wanted = true_queries(entries, args.true)
    clean = list(clean_visitors(args.clean))
    queries = [(t.query, t.entry_id, t.kind) for t in wanted] + [(q, "", "clean") for q in clean]
    write_csv(
        args.out / "QUERIES.csv",
        ("family_name", "given_name", "date_of_birth"),
        (
            (q.family_name, q.given_name, q.date_of_birth.isoformat() if q.date_of_birth else "")
            for q, _, _ in queries
        ),
    )
    write_csv(
        args.out / "EXPECTED.csv",
        ("query", "expected_id", "kind"),
        ((str(number), entry_id, kind) for number, (_, entry_id, kind) in enumerate(queries, 1)),
    )
    print(f"wrote {len(entries):,} entries and {len(queries):,} queries to {args.out}")


if __name__ == "__main__":
    main()
