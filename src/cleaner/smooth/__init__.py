"""Stages 3 and 4: classify blocks with the line rules, then settle them by context.

Classification gives each block at most one rule hit (repeated lines of a page are judged
once). Smoothing then, in linear passes over the blocks,

1. marks runs of teaser cards (REL003) and the lists under widget and related-links headings
   (CTX003);
2. gives every block a prose class from its features (good / near / short / bad), in the
   manner of jusText (by shape alone for languages without a stop-word list, where a line that
   ends in an ideographic comma continues a sentence);
3. cuts off a reader-comment thread after the article (CTX004);
4. finds the main content: the contiguous run of blocks with the highest total score
   (Kadane's algorithm), with isolated and truncated prose damped and the lines of an enumerated
   list (items numbered 1, 2, 3…: a ranking, a standings table) or of a data table dumped one
   cell a line (rows of figures, names and notes) and the pairs of a definition list (a short
   term, then the sentence that describes it: an API reference, a command's options) scored
   like prose; the run then
   bridges short gaps to full paragraphs, follows a list its last line announces with a colon,
   takes in an enumerated list that starts at or just after its end, and the tail of lines up to
   a mark that closes the article (share bar, author bio) or a tail written in full sentences;
   blocks outside it are page furniture (CTX001);
5. settles short and weak blocks inside the run by their nearest confident neighbours on the
   left and on the right, found with two sweeps that look through adverts and credits (CTX002).

The stage is split by concern: `classify` (line rules), `scoring` (prose classes and the main
run), `tails` (bridges, colon lists, closed tails), `lists` (enumerations, tables, widget lists),
`deflists` (definition lists),
`teasers`, `comments` (reader-comment threads) and `duplicates`; `stage` puts them together.
"""

from cleaner.smooth.classify import classify
from cleaner.smooth.scoring import ProseClass, fallback_scale, prose_class
from cleaner.smooth.stage import Smoothed, smooth

__all__ = ["ProseClass", "Smoothed", "classify", "fallback_scale", "prose_class", "smooth"]
