"""Write ``indomain.conll``: NGO-news sentences of the Turkistan region, labelled like KazNERD.

KazNERD is TV news; it has few public associations, no glued initials ("И.Намазбаева") and
few women chairing anything. These templates fill that gap. Labels follow the corpus:

* an organisation followed by a post noun is one POSITION span, quotes and type noun
  included: «Жасыл әлем» қоғамдық бірлестігінің төрағасы → POSITION;
* an organisation on its own in quotes is ORGANISATION without the quotes and without the
  type noun: «Жасыл әлем» қоғамдық бірлестігі → ORGANISATION "Жасыл әлем";
* a place with its akimat is ORGANISATION (Түркістан облысының әкімдігі), a place with its
  akim is POSITION (Түркістан облысының әкімі), a region alone is GPE;
* a generic post without a named organisation (бірлестік төрағасы) is O.

Names and organisations are invented for these templates; none is taken from the seed
articles used to check the model. Run: ``python make_indomain.py > indomain.conll``.
"""
from __future__ import annotations

import random
import sys

MALE = ["Ерлан", "Нұрлан", "Бауыржан", "Асқар", "Серік", "Дәурен", "Ғалымжан", "Мұхтар", "Талғат", "Қанат", "Ержан", "Айдос", "Бекзат", "Нұрбол", "Ербол", "Жандос", "Мейірбек", "Сәкен", "Олжас", "Ринат", "Әділет", "Берік", "Тимур", "Арман", "Ғабит", "Дулат", "Қайрат", "Марат"]
FEMALE = ["Айгүл", "Гүлмира", "Сәуле", "Жанар", "Ботагөз", "Динара", "Мөлдір", "Ақмарал", "Әсел", "Назгүл", "Перизат", "Райхан", "Салтанат", "Айжан", "Гүлжан", "Меруерт", "Айнұр", "Жібек", "Балжан", "Данагүл", "Ләззат", "Нұргүл", "Роза", "Шынар", "Әйгерім", "Қарлығаш"]
ROOTS = ["Абдулла", "Әлімжан", "Байжан", "Дүйсен", "Ескендір", "Жұмабай", "Қалдыбай", "Мырзахмет", "Нұрмахан", "Оразбай", "Рахым", "Сарсенбай", "Тұрсын", "Үсен", "Шералы", "Ыдырыс", "Есенгелді", "Қожахмет", "Бекмұрат", "Әбдірахман", "Сапар", "Төлеген", "Ахметжан", "Құрманбай", "Әбілда", "Нысанбай", "Пірімжан", "Серікбай", "Жолдас", "Әшірбек"]
# Surnames that take no -ов/-ева (a father's name used as is, or -ұлы).
PLAIN = ["Жолдасбек", "Әбдіқадыр", "Сыздықұлы", "Маханбетұлы", "Ермекбай", "Тұрарбек", "Оңалбек", "Серікқызы", "Бекболатқызы", "Нұрланұлы", "Әбілқасымқызы"]
ORGS = [
    "Жасыл әлем", "Мейірім", "Ізгілік", "Шапағат", "Ұлағат", "Қамқор", "Ақниет", "Сенім", "Нұрлы болашақ",
    "Дала қыраны", "Отырар мұрасы", "Сайрам жастары", "Түркістан жастары", "Ана мен бала", "Жарқын келешек",
    "Экология және біз", "Мүмкіндік", "Ардагерлер үні", "Кентау ардагерлері", "Таза су", "Болашақ көшбасшылары",
    "Азаматтық бастама", "Ақ бота", "Қазығұрт тынысы", "Сарыағаш шипасы", "Іскер ана", "Жеңіс ұрпағы",
    "Өрлеу", "Ынтымақ", "Мәдениет әлемі",
]
# (nominative, genitive, instrumental) of organisation-type phrases.
TYPES = [
    ("қоғамдық бірлестігі", "қоғамдық бірлестігінің", "қоғамдық бірлестігімен"),
    ("қоғамдық қоры", "қоғамдық қорының", "қоғамдық қорымен"),
    ("қоры", "қорының", "қорымен"),
    ("қауымдастығы", "қауымдастығының", "қауымдастығымен"),
    ("ассоциациясы", "ассоциациясының", "ассоциациясымен"),
    ("орталығы", "орталығының", "орталығымен"),
    ("одағы", "одағының", "одағымен"),
    ("жастар қозғалысы", "жастар қозғалысының", "жастар қозғалысымен"),
    # The legal form of an association of legal entities, common in NGO news.
    ("заңды тұлғалардың қауымдастық нысанындағы бірлестігі", "заңды тұлғалардың қауымдастық нысанындағы бірлестігінің",
     "заңды тұлғалардың қауымдастық нысанындағы бірлестігімен"),
    ("заңды тұлғалар бірлестігі", "заңды тұлғалар бірлестігінің", "заңды тұлғалар бірлестігімен"),
]
POSTS_M = ["төрағасы", "директоры", "жетекшісі", "басшысы", "атқарушы директоры", "төрағасының орынбасары",
           "үйлестірушісі", "құрылтайшысы", "хатшысы", "мүшесі"]
POSTS_F = ["төрайымы", "директоры", "жетекшісі", "басшысы", "төрайымының орынбасары", "үйлестірушісі",
           "құрылтайшысы", "хатшысы", "мүшесі"]
DISTRICTS = ["Сайрам", "Төлеби", "Отырар", "Сауран", "Ордабасы", "Бәйдібек", "Қазығұрт", "Мақтаарал",
             "Жетісай", "Келес", "Сарыағаш", "Созақ", "Түлкібас", "Шардара"]
CITIES = ["Түркістан", "Шымкент", "Кентау", "Арыс"]
TAILS = [
    "өз пікірін білдірді .", "жиынға қатысты .", "сайлауға белсене қатысуға шақырды .",
    "жобаның нәтижесімен бөлісті .", "жастармен кездесу өткізді .", "баяндама жасады .",
    "ұсыныстарын ортаға салды .", "мерекемен құттықтады .", "бастаманы қолдайтынын жеткізді .",
]
QUOTES = [
    "Біз бұл бастаманы толық қолдаймыз", "Жастардың белсенділігі артып келеді",
    "Қоғамдық кеңестің ұсыныстары ескерілуі тиіс", "Ауылдағы ардагерлерге көмек көрсетеміз",
    "Әр азамат өз үнін жеткізуі керек", "Жоба әрі қарай жалғасады",
]
BACK = set("аоұыяуё")
FRONT = set("әөүіеэи")


def _back(word: str) -> bool:
    for ch in reversed(word.lower()):
        if ch in BACK:
            return True
        if ch in FRONT:
            return False
    return True


_VOICELESS = set("кқпстфхцчшщбвгд")
_SONORANT = set("лрйуzж".replace("z", "з"))


def inflect(word: str, case: str) -> str:
    """Return ``word`` with the case ending Kazakh harmony and assimilation give it.

    ``case`` is GEN, ACC, DAT, ABL or INS; the rules are the textbook ones for a final vowel,
    a nasal (м н ң), another voiced consonant, or a voiceless one (в б г д count as voiceless).
    """
    back = _back(word)
    last = word[-1].lower()
    vowel = last in "аәеоөұүыіэюяиу" and last != "у"
    nasal = last in "мнң"
    voiceless = last in _VOICELESS

    def pick(a: str, b: str) -> str:
        return a if back else b

    if case == "GEN":
        return word + (pick("ның", "нің") if vowel or nasal else pick("тың", "тің") if voiceless else pick("дың", "дің"))
    if case == "ACC":
        return word + (pick("ны", "ні") if vowel else pick("ты", "ті") if voiceless else pick("ды", "ді"))
    if case == "DAT":
        return word + (pick("қа", "ке") if voiceless else pick("ға", "ге"))
    if case == "ABL":
        return word + (pick("дан", "ден") if vowel or last in _SONORANT else pick("нан", "нен") if nasal else pick("тан", "тен"))
    if case == "INS":
        return word + ("мен" if vowel or last in "лрйу" else "бен" if nasal or last in "зж" else "пен")
    raise ValueError(case)


def genitive(word: str) -> str:
    """Return ``word`` in the genitive case."""
    return inflect(word, "GEN")


def person(rng: random.Random) -> tuple[str, str, bool]:
    """Return (first name, surname, female)."""
    female = rng.random() < 0.5
    first = rng.choice(FEMALE if female else MALE)
    if rng.random() < 0.2:
        return first, rng.choice(PLAIN), female
    root = rng.choice(ROOTS)
    ending = ("ова" if _back(root) else "ева") if female else ("ов" if _back(root) else "ев")
    if root[-1] in "аеәоөұүыі":
        ending = "ева" if female else "ев"
    return first, root + ending, female


def span(text: str, label: str | None) -> list[tuple[str, str]]:
    """Return (token, IOB2 label) pairs of a space-separated chunk."""
    tokens = text.split()
    if label is None:
        return [(t, "O") for t in tokens]
    return [(t, ("B-" if i == 0 else "I-") + label) for i, t in enumerate(tokens)]


def org_position(rng: random.Random, female: bool) -> str:
    """Return "«X» type-genitive post" (optionally after a place adjective)."""
    prefix = ""
    if rng.random() < 0.25:
        prefix = rng.choice(CITIES) + " " + rng.choice(["қалалық", "облыстық"]) + " "
    elif rng.random() < 0.15:
        prefix = rng.choice(DISTRICTS) + " аудандық "
    return f"{prefix}« {rng.choice(ORGS)} » {rng.choice(TYPES)[1]} {rng.choice(POSTS_F if female else POSTS_M)}"


def sentence(rng: random.Random) -> list[tuple[str, str]]:
    """Return one labelled sentence from a random template."""
    kind = rng.randrange(12)
    first, last, female = person(rng)
    if kind == 0:  # post, name, tail
        return span(org_position(rng, female), "POSITION") + span(f"{first} {last}", "PERSON") + span(rng.choice(TAILS), None)
    if kind == 1:  # an organisation on its own
        org, types = rng.choice(ORGS), rng.choice(TYPES)
        return (span("«", None) + span(org, "ORGANISATION") + span(f"» {types[0]}", None)
                + span(rng.choice(["жаңа жоба бастады .", "қайырымдылық акциясын өткізді .", "жиын ұйымдастырды .",
                                   "мерейтойын атап өтті ."]), None))
    if kind == 2:  # quotation and a speaker with glued initials
        return (span(f"« {rng.choice(QUOTES)} » , —", None) + span(rng.choice(["дейді", "деді"]), None)
                + span(f"{first[0]}.{last}", "PERSON") + span(".", None))
    if kind == 3:  # several participants, as in meeting reports
        other_first, other_last, other_female = person(rng)
        return (span("Жиында", None) + span(org_position(rng, female), "POSITION") + span(f"{first} {last}", "PERSON")
                + span(",", None) + span(org_position(rng, other_female), "POSITION")
                + span(f"{other_first} {other_last}", "PERSON") + span("сөз сөйледі .", None))
    if kind == 4:  # akim and akimat of the region or a district
        place = rng.choice([("Түркістан облысының", "Түркістан облысы"), (f"{rng.choice(DISTRICTS)} ауданының", None),
                            (f"{rng.choice(CITIES)} қаласының", None)])[0]
        if rng.random() < 0.5:
            return (span(f"{place} әкімі", "POSITION") + span(f"{first} {last}", "PERSON")
                    + span("қоғамдық ұйымдардың өкілдерімен кездесті .", None))
        return (span(f"{place} әкімдігі", "ORGANISATION") + span("үкіметтік емес ұйымдарға гранттар бөлді .", None))
    if kind == 5:  # a person chairing a meeting, genitive
        return (span(org_position(rng, female), "POSITION") + span(f"{first} {genitive(last)}", "PERSON")
                + span("төрағалығымен өткен жиында сайлау мәселесі талқыланды .", None))
    if kind == 6:  # a name, then an akimat-level council
        council = rng.choice(["Түркістан облысы әкімдігі жанындағы қоғамдық кеңестің", "облыстық мәслихаттың",
                              f"{rng.choice(DISTRICTS)} аудандық мәслихатының"])
        label = "POSITION" if council[0].isupper() else None
        post = rng.choice(["төрағасы", "хатшысы", "мүшесі", "депутаты"])
        if label is None:
            return span(f"{council} {post}", None) + span(f"{first} {last}", "PERSON") + span(rng.choice(TAILS), None)
        return span(f"{council} {post}", label) + span(f"{first} {last}", "PERSON") + span(rng.choice(TAILS), None)
    if kind == 7:  # a region alone and a person with the said-by form
        region = rng.choice(["Түркістан облысында", f"{rng.choice(DISTRICTS)} ауданында", f"{rng.choice(CITIES)} қаласында"])
        return (span(region, "GPE") + span("үкіметтік емес ұйымдардың форумы өтті , деп хабарлады", None)
                + span(f"{first} {last}", "PERSON") + span(".", None))
    if kind == 9:  # a surname with initials as subject or object, in some case
        case = rng.choice(["NOM", "GEN", "ACC", "DAT", "ABL", "INS"])
        name = f"{first[0]}.{last}" if case == "NOM" else f"{first[0]}.{inflect(last, case)}"
        tail = {
            "NOM": "жиынға қатысып , ұсыныстарын айтты .",
            "GEN": "айтуынша , бірлестік жаңа жобаны қолға алды .",
            "ACC": "жиналғандар мерейтойымен құттықтады .",
            "DAT": "алғыс хат табысталды .",
            "ABL": "жоба туралы сұрадық .",
            "INS": "кездесу барысында көп мәселе талқыланды .",
        }[case]
        return span(name, "PERSON") + span(tail, None)
    if kind == 10:  # two people with initials in a list
        other_first, other_last, _ = person(rng)
        return (span("Жиынға", None) + span(f"{first[0]}.{last}", "PERSON") + span("пен" if last[-1] not in "аеәоөұүыі" else "мен", None)
                + span(f"{other_first[0]}.{other_last}", "PERSON") + span("қатысты .", None))
    if kind == 11:  # a first name with a patronymic-style surname, then the initials form
        return (span(f"{first} {last}", "PERSON") + span("қоғамдық жұмысқа жиырма жыл арнаған .", None)
                if rng.random() < 0.5 else
                span("Бұл туралы", None) + span(org_position(rng, female), "POSITION") + span(f"{first[0]}.{last}", "PERSON")
                + span("мәлімдеді .", None))
    # kind 8: a person's genitive with the "according to" form and an initial mention later
    return (span(org_position(rng, female), "POSITION") + span(f"{first} {genitive(last)}", "PERSON")
            + span("айтуынша , жоба аясында көптеген жас оқытылды .", None))


def main(count: int = 300, seed: int = 7) -> None:
    """Print ``count`` labelled sentences in CoNLL form on stdout."""
    rng = random.Random(seed)
    out = sys.stdout
    for n in range(count):
        if n:
            out.write("\n")
        for token, label in sentence(rng):
            out.write(f"{token} {label}\n")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
