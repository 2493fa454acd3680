"""The Kazakh Cyrillic alphabet and the letters that imitate it in careless or old text."""
from __future__ import annotations

# The nine letters Kazakh adds to the Russian alphabet; any of them is strong evidence of Kazakh.
KAZAKH_SPECIFIC = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
VOWELS = frozenset("аәеиоөұүуыіэюяё")
BACK_VOWELS = frozenset("аоұыуя")
FRONT_VOWELS = frozenset("әеөүіэ")
VOICELESS = frozenset("пфктсшщхцчқһ")

# Letters that look like a Kazakh Cyrillic letter, as typed by keyboards without Kazakh layout
# or left by OCR and old fonts. Applied only inside words that already hold a Cyrillic letter.
CYRILLIC_LOOKALIKES: dict[str, str] = {
    # Latin
    "a": "а", "A": "А", "e": "е", "E": "Е", "o": "о", "O": "О", "p": "р", "P": "Р",
    "c": "с", "C": "С", "x": "х", "X": "Х", "y": "у", "Y": "У", "k": "к", "K": "К",
    "H": "Н", "B": "В", "M": "М", "T": "Т", "i": "і", "I": "І", "ı": "і", "İ": "І",
    "h": "һ", "ə": "ә", "Ə": "Ә", "ɵ": "ө", "Ɵ": "Ө", "ö": "ө", "Ö": "Ө", "ü": "ү", "Ü": "Ү",
    "ğ": "ғ", "Ğ": "Ғ", "ñ": "ң", "Ñ": "Ң",
    # Cyrillic letters of other languages used in place of the Kazakh ones
    "ӈ": "ң", "Ӈ": "Ң", "ҟ": "қ", "Ҟ": "Қ", "ѳ": "ө", "Ѳ": "Ө", "ӯ": "ұ", "Ӯ": "Ұ",
    # Kazakh text in the KZ-1048 code page shown as Windows-1251 ("Ќазаќстан", "кеѕес")
    "Ќ": "Қ", "ќ": "қ", "Ћ": "Һ", "ћ": "һ", "Ў": "Ұ", "ў": "ұ", "Ј": "Ә", "ј": "ә",
    "Ґ": "Ө", "ґ": "ө", "Є": "Ғ", "є": "ғ", "Ѕ": "Ң", "ѕ": "ң", "Ї": "Ү", "ї": "ү",
    # Greek
    "ο": "о", "Ο": "О", "α": "а", "Α": "А", "ε": "е", "Ε": "Е", "ρ": "р", "Ρ": "Р",
}


def is_cyrillic(ch: str) -> bool:
    """Return True when ``ch`` is a letter of the Cyrillic block (U+0400–U+04FF)."""
    return "\u0400" <= ch <= "\u04ff" and ch.isalpha()
