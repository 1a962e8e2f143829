"""Syllables of a word token: the CMU dictionary via textstat, and a fallback for the rest.

Order of the rules (the first that applies decides):

1. **Numbers** are counted as read aloud (Flesch's rule): "5,200" is "five thousand
   two hundred" (6), "2016" is "twenty sixteen" (4), "10%" adds "percent".
2. **The CMU Pronouncing Dictionary**, as textstat loads it (NLTK's ``cmudict`` corpus,
   written offline by :mod:`analysis.offline`): vowels with a stress digit in the
   first pronunciation, exactly as ``textstat.syllable_count`` counts them.
3. **Abbreviations** are read as their words ("Gen." → "general", "Dec." →
   "December"); other dotted initialisms letter by letter ("O.K." → 2).
4. **Compounds** ("al-Assad", "two-car") are the sum of their parts, and a
   possessive ``'s`` adds a syllable only after a hissing sound ("Rouhani's" → 3, "Ortiz's" → 3).
5. **Fallback** for words the dictionary lacks (mostly names, often transliterated):
   :func:`heuristic_syllables`, vowel groups with English and transliteration
   adjustments. :func:`fallback_evaluation` measures its agreement with CMU on
   held-out dictionary words.
"""

from __future__ import annotations

import re
import zlib
from functools import cache

import nltk
import numpy as np
import pandas as pd
import textstat
from textstat.backend.utils import get_pyphen

from . import offline
from .normalize import typography

offline.prepare()  # textstat reads nltk.corpus.cmudict: the fast, offline one

LANG = "en_US"

# How the abbreviations of data/abbreviations.txt are read aloud (others: letter by letter).
ABBREVIATION_WORDS = {
    "mr.": "mister",
    "mrs.": "missus",
    "ms.": "miz",
    "messrs.": "messieurs",
    "dr.": "doctor",
    "prof.": "professor",
    "rev.": "reverend",
    "sen.": "senator",
    "sens.": "senators",
    "rep.": "representative",
    "reps.": "representatives",
    "gov.": "governor",
    "atty.": "attorney",
    "gen.": "general",
    "maj.": "major",
    "lt.": "lieutenant",
    "col.": "colonel",
    "capt.": "captain",
    "cmdr.": "commander",
    "cpl.": "corporal",
    "sgt.": "sergeant",
    "pvt.": "private",
    "adm.": "admiral",
    "brig.": "brigadier",
    "supt.": "superintendent",
    "pres.": "president",
    "amb.": "ambassador",
    "hon.": "honorable",
    "sr.": "senior",
    "jr.": "junior",
    "st.": "saint",
    "mt.": "mount",
    "ft.": "fort",
    "jan.": "january",
    "feb.": "february",
    "mar.": "march",
    "apr.": "april",
    "aug.": "august",
    "sept.": "september",
    "sep.": "september",
    "oct.": "october",
    "nov.": "november",
    "dec.": "december",
    "inc.": "incorporated",
    "co.": "company",
    "corp.": "corporation",
    "ltd.": "limited",
    "bros.": "brothers",
    "dept.": "department",
    "univ.": "university",
    "assn.": "association",
    "vol.": "volume",
    "vs.": "versus",
    "etc.": "et cetera",
    "approx.": "approximately",
    "est.": "established",
}

# Syllables of the number words.
_ONES = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2]  # zero … nineteen
_TENS = [0, 0, 2, 2, 2, 2, 2, 3, 2, 2]  # -, -, twenty … ninety
_SCALES = [(10**9, 2), (10**6, 2), (1000, 2)]  # billion, million, thousand
_NUMBER_RE = re.compile(r"^(\d[\d,]*)(?:\.(\d+))?(%|st|nd|rd|th)?$")
_INITIALISM_RE = re.compile(r"^(?:[a-z]\.)+[a-z]?\.?$")
_HISSING = ("s", "z", "x", "ch", "sh", "ce", "ge", "se", "ze")


def integer_syllables(n: int) -> int:
    """Syllables of a non-negative integer read as English words ("5,200" → 6)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + (_ONES[n % 10] if n % 10 else 0)
    if n < 1000:
        return _ONES[n // 100] + 2 + (integer_syllables(n % 100) if n % 100 else 0)
    for scale, syllables in _SCALES:
        if n >= scale:
            rest = n % scale
            return (
                integer_syllables(n // scale) + syllables + (integer_syllables(rest) if rest else 0)
            )
    raise AssertionError("unreachable")


def number_syllables(token: str) -> int | None:
    """Syllables of a number token as read aloud, or None if ``token`` is not a number.

    Years 1100–1999 and 2010–2099 are read in pairs ("twenty sixteen"); a decimal point
    is "point" and each decimal digit is read alone; "%" is "percent".
    """
    match = _NUMBER_RE.match(token)
    if not match:
        return None
    digits, decimals, suffix = match.groups()
    n = int(digits.replace(",", ""))
    is_year = "," not in digits and len(digits) == 4 and (1100 <= n <= 1999 or 2010 <= n <= 2099)
    if is_year and n % 100:
        count = integer_syllables(n // 100) + integer_syllables(n % 100)
        if n % 100 < 10:
            count += 1  # "nineteen oh five"
    else:
        count = integer_syllables(n)
    if decimals:
        count += 1 + sum(_ONES[int(d)] for d in decimals)
    if suffix == "%":
        count += 2
    return count


@cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU dictionary exactly as textstat loads it: lower-case word → pronunciations.

    It is ``nltk.corpus.cmudict.dict()``, which textstat calls too; :mod:`analysis.offline`
    makes that a fast reader, so the file is parsed once per process (about 0.1 s).
    Treat it as read-only: the pronunciation lists are shared with textstat.
    """
    return nltk.corpus.cmudict.dict()


def cmu_syllables(word: str) -> int | None:
    """Syllables of ``word`` in the CMU dictionary (first pronunciation), or None if absent."""
    phones = cmu_dictionary().get(word.lower())
    if not phones:
        return None
    return sum(1 for phone in phones[0] if phone[-1].isdigit())


_VOWEL_GROUP_RE = re.compile(r"[aeiouy]+")
# Two-vowel sequences that are usually two syllables (hiatus): "Syria", "video", "actual".
_HIATUS_RE = re.compile(r"ia|io|iu|eo|ua|uo|ii|ie(?=r$|st$)")
# Where such a pair is one syllable: "-tion", "-cial", "-gious", "million", "quiet".
_NO_HIATUS_RE = re.compile(r"[tcsgx]i(?:ou|o|a)|[ln]ion|qu[aeio]")
# Silent-e endings of a first element or suffix inside a word: "sideways", "lonely".
_INNER_SILENT_E_RE = re.compile(r"[^aeiouy]e(?:ful|less|ment|ness|ly|ways?|making)")
# Endings whose e is not silent: "table(s/d)", "hundred", "voted", "boxes", "argue".
_SOUNDED_E_RE = re.compile(
    r"[bcdfgkmnpstvz]le[sd]?$|[td]ed$|[^aeiouy][dt]re[sd]?$|[^aeiouy]red$|(?:[sxz]|ch|sh|[gc])es$"
    r"|i[ed]s?$|ee[sd]?$|ye[sd]?$|[^gqaeiouy]ue$"
)


def heuristic_syllables(word: str) -> int:
    """Syllables by vowel groups with English and transliteration adjustments (at least 1).

    Counts groups of vowels (``y`` is a vowel except before a vowel at the start), then:

    - a final ``e``, ``-es`` or ``-ed`` is silent ("state", "names", "named") unless it
      is sounded ("table", "voted", "boxes", "hundred", "argue");
    - an inner silent ``e`` before ``-ful``, ``-less``, ``-ment``, ``-ness``, ``-ly`` and
      ``-way`` is dropped ("lonely");
    - pairs that are usually two syllables add one (hiatus): ``ia`` ("Syria"), ``io``,
      ``iu``, ``eo``, ``ua``, ``uo``, ``ii`` and ``ie`` before ``-r``/``-st`` ("busier"),
      but not in ``-tion``, ``-cial``, ``-gious``, ``-lion`` or after ``qu``;
    - a vowel before ``-ing`` adds one ("going"), ``-ism`` adds one, and so does a
      ``Mc`` prefix ("McVeigh").

    Transliterated names (Arabic, Persian) mostly spell each vowel group as pronounced,
    which the groups already capture: "Rouhani" rou-ha-ni, "Erdogan" er-do-gan.
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    if w[0] == "y" and len(w) > 1 and w[1] in "aeiou":
        w = "'" + w[1:]
    count = len(_VOWEL_GROUP_RE.findall(w))
    silent_e = re.search(r"e[sd]?$", w) and not _SOUNDED_E_RE.search(w)
    if count > 1 and silent_e and not (w.endswith(("es", "ed")) and w[-3] in "aeiouy"):
        count -= 1
    count -= len(_INNER_SILENT_E_RE.findall(w))
    hiatus = len(_HIATUS_RE.findall(w)) - len(_NO_HIATUS_RE.findall(w))
    count += max(0, hiatus)
    if re.search(r"[aeiouy]ing$", w):
        count += 1
    if w.endswith("ism"):
        count += 1
    if re.match(r"mc[^aeiouy]", w):
        count += 1
    return max(1, count)


def pyphen_syllables(word: str) -> int:
    """textstat's own fallback: pyphen's hyphenation points + 1."""
    return len(get_pyphen(LANG).positions(word.lower())) + 1


@cache
def syllables(token: str) -> tuple[int, str]:
    """Syllables of a word token and the rule that decided (see module docstring).

    The rule is one of ``number``, ``cmu``, ``abbreviation``, ``initialism``,
    ``compound``, ``possessive``, ``heuristic`` (``heuristic`` whenever any part of
    the word needed the fallback).
    """
    word = typography(token).lower()
    number = number_syllables(word)
    if number is not None:
        return number, "number"
    found = cmu_syllables(word)
    if found is not None:
        return found, "cmu"
    if word in ABBREVIATION_WORDS:
        return _combine(ABBREVIATION_WORDS[word].split(), "abbreviation")
    if _INITIALISM_RE.match(word):
        return sum(3 if c == "w" else 1 for c in word if c.isalpha()), "initialism"
    parts = [part for part in re.split(r"-+", word) if part]
    if len(parts) > 1:
        return _combine(parts, "compound")
    if word.endswith(("'s", "s'")) and len(word) > 2:
        base = word[:-2] if word.endswith("'s") else word[:-1]
        extra = 1 if word.endswith("'s") and base.endswith(_HISSING) else 0
        count, rule = _combine([base], "possessive")
        return count + extra, rule
    return heuristic_syllables(word), "heuristic"


def _combine(parts: list[str], rule: str) -> tuple[int, str]:
    """Sum of the parts' syllables; the rule is ``heuristic`` if any part needed the fallback."""
    counted = [syllables(part) for part in parts]
    fallback = any(r == "heuristic" for _, r in counted)
    return sum(n for n, _ in counted), "heuristic" if fallback else rule


def syllable_count(token: str) -> int:
    """Syllables of a word token (see :func:`syllables`)."""
    return syllables(token)[0]


@cache
def textstat_syllables(token: str) -> int:
    """What ``textstat.syllable_count`` gives for the same token (CMU, else pyphen)."""
    return textstat.syllable_count(typography(token))


def _is_dev_word(word: str) -> bool:
    """The tenth of the dictionary the heuristic's rules were tuned on (by a fixed hash)."""
    return zlib.crc32(word.encode()) % 10 == 0


@cache
def _evaluation_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Plain alphabetic CMU entries (≥ 2 letters), split into (dev, held-out) by hash."""
    words = sorted(w for w in cmu_dictionary() if w.isalpha() and w.isascii() and len(w) > 1)
    dev = tuple(w for w in words if _is_dev_word(w))
    held_out = tuple(w for w in words if not _is_dev_word(w))
    return dev, held_out


def fallback_evaluation(n: int = 5000, seed: int = 1, held_out: bool = True) -> pd.DataFrame:
    """Agreement of the fallbacks with CMU on a random sample of dictionary words.

    The sample is drawn (seeded) from the held-out nine tenths of the dictionary that
    the heuristic was not tuned on (``held_out=False``: the dev tenth). One row per
    method: ``heuristic`` (ours) and ``pyphen`` (textstat's fallback), with the share
    of words whose count equals CMU's (``exact``) and is within one (``within_one``).
    """
    dev, rest = _evaluation_words()
    pool = rest if held_out else dev
    rng = np.random.default_rng(seed)
    sample = [pool[i] for i in rng.choice(len(pool), size=min(n, len(pool)), replace=False)]
    truth = np.array([cmu_syllables(w) for w in sample])
    rows = []
    for method, count in (("heuristic", heuristic_syllables), ("pyphen", pyphen_syllables)):
        guess = np.array([count(w) for w in sample])
        rows.append(
            {
                "method": method,
                "sample": "held-out" if held_out else "dev",
                "n_words": len(sample),
                "exact": float(np.mean(guess == truth)),
                "within_one": float(np.mean(np.abs(guess - truth) <= 1)),
                "mean_error": float(np.mean(guess - truth)),
            }
        )
    return pd.DataFrame(rows)
