"""Cheap block features and a stop-word language guess.

Stop-word density (the share of a block's words that are function words) is the single best
cheap signal that a block is running prose rather than navigation, as jusText showed. The lists
below are the most frequent function words of each language, small on purpose: density only
needs the frequent ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain
from typing import Final, NamedTuple

from cleaner.model import Features, new_features
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
    return _decide(counts)


def guess_language_of(pieces: Iterable[Pre]) -> str:
    """`guess_language` of the words of these measured pieces (each piece as often as it occurs;
    `Pre.lang_words`: the stop words among the words of the lowercased piece)."""
    counts = dict.fromkeys(STOPWORDS, 0)
    words: Counter[str | bytes] = Counter(chain.from_iterable(p.lang_words for p in pieces))
    for w, n in words.items():
        for lang in _LANGS_OF_ANY[w]:
            counts[lang] += n
    return _decide(counts)


def _decide(counts: dict[str, int]) -> str:
    best = max(counts.values())
    if best == 0:
        return "en"
    # prefer English on ties: the dumps' page furniture is mostly English
    return "en" if counts["en"] == best else max(counts, key=lambda k: counts[k])


class Pre(NamedTuple):
    """What `compute()` measures before the language is known (internal: one per distinct piece
    of a page, no dataclass). `low`: the words lowercased (bytes on the ASCII path), to count
    stop words in; `lang_words`: the stop words of any language among the words of the
    lowercased text, as `guess_language` reads a page."""

    chars: int
    words: int
    low: list[bytes] | list[str]
    lang_words: list[bytes] | list[str]
    capitalised: int
    alpha: int
    digits: int
    marks: int
    glue: int
    bullet: bool
    ends: bool
    #: False when the lowercased piece could read differently inside its page (a Greek capital
    #: sigma lowercases by context): the page's language is then guessed from its whole text.
    exact: bool


def compute(text: str, stopwords: frozenset[str]) -> Features:
    """Measure one block (pure; linear in its length)."""
    return finish(premeasure(text), stopwords)


def premeasure(text: str) -> Pre:
    """The language-free part of `compute(text, ...)`."""
    ascii_form = text.encode("ascii") if text.isascii() else _ascii_stand_in(text)
    if ascii_form is not None:
        fast = _premeasure_ascii(text, ascii_form)
        if fast is not None:
            return fast
    words = WORD.findall(text)
    initials = [w[0] for w in words if w[0].isalpha()]
    lowered = text.lower()
    return Pre(
        chars=len(text),
        words=len(words),
        low=[w.lower() for w in words],
        lang_words=[w for w in WORD.findall(lowered) if w in ANY_STOPWORDS],
        capitalised=sum(map(str.isupper, initials)),
        alpha=len(initials),
        digits=len(text) - len(text.translate(_DIGITS_OUT)),
        marks=len(SENTENCE_END.findall(text)),
        glue=len(GLUE.findall(text)),
        bullet=BULLET.match(text) is not None,
        ends=_ends_sentence(text),
        exact="\u03a3" not in text,
    )


def finish(pre: Pre, stopwords: frozenset[str]) -> Features:
    """`compute()` from what `premeasure` found, with the language's stop words."""
    low = pre.low
    if low and isinstance(low[0], bytes):
        bstops = _ASCII_STOPS.get(stopwords)
        if bstops is None:  # a list of its own: ASCII words lowercase alike as bytes and as text
            bstops = frozenset(w.encode("ascii") for w in stopwords if w.isascii())
        stops = sum(map(bstops.__contains__, low))
    else:
        stops = sum(map(stopwords.__contains__, low))
    n, chars, alpha = pre.words, pre.chars, pre.alpha
    return new_features(
        chars,
        n,
        stops,
        stops / n if n else 0.0,
        pre.ends,
        pre.marks,
        pre.capitalised / alpha if alpha else 0.0,
        pre.glue,
        pre.digits / chars if chars else 0.0,
        pre.bullet,
    )


def measure(text: str, stopwords: frozenset[str]) -> Features:
    """`compute()` with the patterns on any text: the reference its byte counts must equal
    (tests/test_features.py checks they do on generated text)."""
    words = WORD.findall(text)
    n = len(words)
    stops = sum(map(stopwords.__contains__, map(str.lower, words)))
    initials = [w[0] for w in words if w[0].isalpha()]
    capitalised = sum(map(str.isupper, initials))
    alpha = initials
    digits = len(text) - len(text.translate(_DIGITS_OUT))
    return Features(
        chars=len(text),
        words=n,
        stopwords=stops,
        stop_density=stops / n if n else 0.0,
        ends_sentence=_ends_sentence(text),
        sentence_marks=len(SENTENCE_END.findall(text)),
        title_ratio=capitalised / len(alpha) if alpha else 0.0,
        glue=len(GLUE.findall(text)),
        digit_ratio=digits / len(text) if text else 0.0,
        bullet=BULLET.match(text) is not None,
    )


def _ends_sentence(text: str) -> bool:
    core = text.rstrip(_CLOSERS)
    # a sentence mark, followed by at most three closing quotes or brackets; a colon announces
    # what follows and does not end a sentence
    return bool(core) and core[-1] in _SENTENCE_MARKS and len(text) - len(core) <= _MAX_CLOSERS


_ASCII_WORD: Final = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
#: ASCII bytes -> the same byte for word characters (`\w`), a space for the others.
_SPACE_OUT: Final = bytes(c if c in _ASCII_WORD else 32 for c in range(256))
#: Word characters -> "A" (uppercase letter), "a" (lowercase letter), "0" (digit, "_"); others " ".
_SHAPES: Final = bytes(
    65 if 65 <= c <= 90 else 97 if 97 <= c <= 122 else 48 if c in _ASCII_WORD else 32 for c in range(256)
)
#: For `SENTENCE_END` on ASCII text: marks -> ".", closing quotes and brackets -> ")", `\\s` -> " ",
#: the rest -> "x". A mark is a sentence end when at most three closers and a space (or the end) follow.
_MARK_SHAPES: Final = bytes(
    46 if c in b".!?" else 41 if c in b"\"')]" else 32 if c in b" \t\n\v\f\r" else 120 for c in range(256)
)
_MARK_ENDS: Final = (b". ", b".) ", b".)) ", b".))) ")
#: The ASCII stop words of each list, as bytes (a non-ASCII stop word never equals an ASCII word).
_ASCII_STOPS: Final[dict[frozenset[str], frozenset[bytes]]] = {
    stops: frozenset(w.encode("ascii") for w in stops if w.isascii()) for stops in STOPWORDS.values()
}
#: The first characters of a `BULLET` line other than digits.
_BULLET_FIRST: Final = "*•·▪►»o-"
_ANY_ASCII_STOPS: Final = frozenset().union(*_ASCII_STOPS.values())
#: For each stop word, as text and (ASCII ones) as bytes, the languages it belongs to.
_LANGS_OF_ANY: Final[dict[str | bytes, tuple[str, ...]]] = {
    key: langs for w, langs in _LANGS_OF.items() for key in ((w, w.encode("ascii")) if w.isascii() else (w,))
}
#: `WORD` cuts a run of word characters into pieces of at most this many.
_WORD_MAX: Final = 100


#: Non-ASCII punctuation frequent in news text, and an ASCII character that every measure of
#: `compute()` reads alike (not a word character, not a space; a closing quote for a closing
#: quote, a sentence mark for a sentence mark). The bullet test reads the text itself.
_STAND_INS: Final = tuple(
    (k.encode("utf-8"), v.encode("ascii"))
    for k, v in {
        "\u2019": "'",  # ’
        "\u201d": '"',  # ”
        "\u201c": "#",  # “
        "\u2014": "#",  # —
        "\u2013": "#",  # –
        "\u00a9": "#",  # ©
        "\u2026": ".",  # …
        "\u2018": "#",  # ‘
        "\u00bb": '"',  # »
        "\u00ab": "#",  # «
        "\u00b6": "#",  # ¶
        "\u2022": "#",  # •
        "\u00b7": "#",  # ·
        "\u25aa": "#",  # ▪
        "\u25ba": "#",  # ►
        "\u00a0": " ",  # no-break space
        "\u20ac": "#",  # €
        "\u00a3": "#",  # £
        "\u00b0": "#",  # °
        "\u2122": "#",  # ™
    }.items()
)


def _ascii_stand_in(text: str) -> bytes | None:
    """`text` with its non-ASCII punctuation replaced by ASCII stand-ins (`_STAND_INS`), one byte
    a character; None when it holds other non-ASCII characters."""
    data = text.encode("utf-8")
    for k, v in _STAND_INS:
        if k in data:
            data = data.replace(k, v)
            if data.isascii():
                return data
    return None


def _premeasure_ascii(text: str, b: bytes) -> Pre | None:
    """`premeasure()` of a text whose ASCII form is `b` (`text` itself or its stand-in form)
    without a regex call where a byte count gives the same answer (every count below is what the
    `regex` pattern finds); None when a word is longer than `WORD` takes."""
    spaced = b.translate(_SPACE_OUT)
    low = spaced.lower().split()
    n = len(low)
    size = len(b)
    if size > _WORD_MAX and max(map(len, low), default=0) > _WORD_MAX:
        return None
    shapes = b" " + spaced.translate(_SHAPES)
    capitalised = shapes.count(b" A")
    alpha = capitalised + shapes.count(b" a")
    digits = size - len(b.translate(None, b"0123456789"))
    marks = 0
    if b"." in b or b"!" in b or b"?" in b:
        ends = b.translate(_MARK_SHAPES) + b" "
        marks = sum(map(ends.count, _MARK_ENDS))
    # `GLUE`: an uppercase letter between two lowercase ones before it and one after it
    glue = shapes.replace(b"Aa", b"Ba").count(b"aaB") if b"A" in shapes and b"a" in shapes else 0
    first = text[:1]
    bullet = bool(first) and (first in _BULLET_FIRST or first.isdigit()) and BULLET.match(text) is not None
    # positional (a keyword call of a NamedTuple costs twice as much): the fields in order
    return Pre(
        size,  # chars
        n,  # words
        low,
        [w for w in low if w in _ANY_ASCII_STOPS],  # lang_words
        capitalised,
        alpha,
        digits,
        marks,
        glue,
        bullet,
        _ends_sentence(text),  # ends
        True,  # exact
    )
