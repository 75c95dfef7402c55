"""Language check: flashpoint codes English text only.

``detect_language`` runs py3langid (all its 140 languages, probabilities normalised) over the
first ``SAMPLE_CHARS`` characters. Two guards keep ordinary English news from being rejected:

* too little text (fewer than ``MIN_LETTERS`` letters) or a low top probability
  (below ``MIN_CONFIDENCE``) gives ``"und"`` (undetermined), which is accepted;
* English news full of foreign names ("ISPR said Bunyan-um-Marsus targeted Udhampur") can
  fool a character n-gram model. When the model's top language is not English but at least
  ``ENGLISH_FUNCTION_SHARE`` of the words are common English function words ("the", "of",
  "said", ...), the text is English, reported with the model's probability for English.
"""

from __future__ import annotations

import functools
import itertools
import re

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SAMPLE_CHARS = 2000
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.6
ENGLISH_FUNCTION_SHARE = 0.1
UNDETERMINED = "und"

# Function words that are not also frequent words of other Latin-script languages (so no "in",
# "an", "on", "die", "he", "her", "will", "is", "of", "at", "for", "to", "by", "over", "also").
_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "and", "are", "was", "were", "has", "have", "been", "being", "said", "says", "that",
    "which", "who", "whom", "whose", "with", "from", "its", "this", "these", "those", "their",
    "they", "them", "his", "she", "would", "could", "should", "not", "after", "before", "about",
    "into", "than", "there", "but", "when", "while", "where", "what", "our", "you",
})
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_function_share(text: str) -> float:
    """Share of the words of ``text`` that are common English function words."""
    words = _WORD_RE.findall(text)
    if not words:
        return 0.0
    return sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639 code and probability of the language of ``text`` (its first 2000 characters).

    Returns ``("und", p)`` when the text is too short or the model is unsure, and ``"en"``
    when English function words dominate whatever the model says (see the module notes).
    """
    sample = text[:SAMPLE_CHARS]
    if sum(1 for _ in itertools.islice(_LETTER_RE.finditer(sample), MIN_LETTERS)) < MIN_LETTERS:
        return UNDETERMINED, 0.0
    identifier = _identifier()
    code, prob = identifier.classify(sample)
    if code == "en":
        return "en", round(prob, 4)
    if english_function_share(sample) >= ENGLISH_FUNCTION_SHARE:
        p_en = next((p for c, p in identifier.rank(sample) if c == "en"), 0.0)
        return "en", round(p_en, 4)
    if prob < MIN_CONFIDENCE:
        return UNDETERMINED, round(prob, 4)
    return code, round(prob, 4)


def is_accepted_language(code: str) -> bool:
    """Whether an article in language ``code`` is coded (English or undetermined)."""
    return code in ("en", UNDETERMINED)
