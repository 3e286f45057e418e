"""Cheap block features and a stop-word language guess.

Stop-word density (the share of a block's words that are function words) is the single best
cheap signal that a block is running prose rather than navigation, as jusText showed. The lists
below are the most frequent function words of each language, small on purpose: density only
needs the frequent ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final

from cleaner.model import Features
from cleaner.patterns import BULLET, GLUE, SENTENCE_END, WORD

STOPWORDS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        "a about after all also an and any are as at be been but by can could did do does for "
        "from had has have he her his how i if in into is it its more most no not of on one or "
        "our out over said she so some than that the their them then there these they this to up "
        "was we were what when which who will with would you your".split()
    ),
    "de": frozenset(
        "aber als am an auch auf aus bei bis das dass dem den der des die dies diese doch durch "
        "ein eine einem einen einer es für hat hatte ich ihr im in ist ja kann mit nach nicht "
        "noch nur oder schon sein sich sie sind so um und uns von vor war wenn werden wie wir "
        "wird zu zum zur über".split()
    ),
    "fr": frozenset(
        "a au aussi aux avec ce ces cette comme dans de des du elle en entre est et fait il ils "
        "je la le les leur lui mais me même ne nous on ont ou par pas plus pour qu que qui sa se "
        "ses son sont sur un une était été être".split()
    ),
    "es": frozenset(
        "a al como con cuando de del el en entre es esta este fue ha han hay la las le les lo los "
        "muy más no o para pero por que se ser si sin sobre su sus también un una y ya".split()
    ),
    "it": frozenset(
        "a al alla anche ancora che ci come con da dal dei del della di e essere gli ha i il in "
        "la le lo ma nel nella non per più questa questo si sono su tra un una uno è".split()
    ),
    "pt": frozenset(
        "a ao aos as com como da das de do dos e ela ele em entre está foi já mais mas na nas no "
        "nos não o os ou para pela pelo por que se sem ser seu sua são também um uma é".split()
    ),
    "nl": frozenset(
        "aan al als bij dan dat de den der die dit door een en er haar heeft het hij hoe ik in is "
        "je kan maar met na naar niet nog of om ons ook op over te tot uit van voor was wat we "
        "werd wordt ze zich zijn zo".split()
    ),
    "ru": frozenset(
        "а без бы был была были в вот все всё где да для до его ее если есть её же за и из или им "
        "их к как ко когда ли мы на не него нет ни но о об он она они от по под после при с со "
        "так также то только том что это этот я".split()
    ),
}

#: Every language's stop words together; used before the language is known.
ANY_STOPWORDS: Final = frozenset().union(*STOPWORDS.values())

_CLOSERS = "\"'”’»)]」』"
_SENTENCE_MARKS = ".!?…;。！？"
_MAX_CLOSERS = 3


#: For each stop word, the languages it belongs to (built once).
_LANGS_OF: Final[dict[str, tuple[str, ...]]] = {
    w: tuple(lang for lang, stops in STOPWORDS.items() if w in stops) for w in ANY_STOPWORDS
}
_DIGITS_OUT: Final = str.maketrans("", "", "0123456789")


def guess_language(words: Iterable[str]) -> str:
    """The language whose stop words occur most often among `words` (lowercased); "en" on a tie."""
    counts = dict.fromkeys(STOPWORDS, 0)
    for w, n in Counter(words).items():
        for lang in _LANGS_OF.get(w, ()):
            counts[lang] += n
    best = max(counts.values())
    if best == 0:
        return "en"
    # prefer English on ties: the dumps' page furniture is mostly English
    return "en" if counts["en"] == best else max(counts, key=lambda k: counts[k])


def compute(text: str, stopwords: frozenset[str]) -> Features:
    """Measure one block (pure; linear in its length)."""
    words = WORD.findall(text)
    n = len(words)
    stops = sum(map(stopwords.__contains__, map(str.lower, words)))
    initials = [w[0] for w in words if w[0].isalpha()]
    capitalised = sum(map(str.isupper, initials))
    alpha = initials
    digits = len(text) - len(text.translate(_DIGITS_OUT))
    core = text.rstrip(_CLOSERS)
    # a sentence mark, followed by at most three closing quotes or brackets; a colon announces
    # what follows and does not end a sentence
    ends = bool(core) and core[-1] in _SENTENCE_MARKS and len(text) - len(core) <= _MAX_CLOSERS
    return Features(
        chars=len(text),
        words=n,
        stopwords=stops,
        stop_density=stops / n if n else 0.0,
        ends_sentence=ends,
        sentence_marks=len(SENTENCE_END.findall(text)),
        title_ratio=capitalised / len(alpha) if alpha else 0.0,
        glue=len(GLUE.findall(text)),
        digit_ratio=digits / len(text) if text else 0.0,
        bullet=BULLET.match(text) is not None,
    )
