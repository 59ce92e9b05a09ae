"""Asics style codes: their pattern and what the prefix says about the cut."""

import re
from dataclasses import dataclass
from enum import StrEnum

STYLE_CODE_PATTERN = r"^120[123]A\d{3}-\d{3}$"
STYLE_CODE_RE = re.compile(STYLE_CODE_PATTERN)


class Gender(StrEnum):
    MEN = "men"
    WOMEN = "women"
    UNISEX = "unisex"

    @property
    def label(self) -> str:
        return {"men": "Men's", "women": "Women's", "unisex": "Unisex"}[self.value]


PREFIX_GENDER = {"1201A": Gender.MEN, "1202A": Gender.WOMEN, "1203A": Gender.UNISEX}


@dataclass(frozen=True, slots=True)
class StyleCode:
    code: str
    gender: Gender


def parse_style_code(*, code: str) -> StyleCode | None:
    """The parsed style code, or None when `code` does not follow the Asics pattern.

    Surrounding spaces are ignored and letters are upper-cased, so " 1201a457-101 "
    parses as "1201A457-101". The prefix decides the gender: 1201A men's,
    1202A women's, 1203A unisex.
    """
    normalized = code.strip().upper()
    if not STYLE_CODE_RE.match(normalized):
        return None
    return StyleCode(code=normalized, gender=PREFIX_GENDER[normalized[:5]])
