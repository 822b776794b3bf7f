"""Typo tolerance: Damerau–Levenshtein distance and the allowed number of edits."""

from __future__ import annotations

__all__ = ["damerau_levenshtein", "max_edits", "is_fuzzy_match"]


def max_edits(word: str) -> int:
    """Edits tolerated for a query word: 0 below 5 letters, 1 for 5–8, 2 above 8."""
    n = len(word)
    if n < 5:
        return 0
    if n <= 8:
        return 1
    return 2


def damerau_levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance with insertions, deletions, substitutions and adjacent swaps.

    (The "optimal string alignment" variant: a swapped pair is not edited again.)
    With *limit*, returns ``limit + 1`` as soon as the distance must exceed it.
    """
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    if not a:
        return len(b)
    if not b:
        return len(a)
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def is_fuzzy_match(query_term: str, index_term: str) -> bool:
    """True when *index_term* is within the edits allowed for *query_term*."""
    allowed = max_edits(query_term)
    if allowed == 0:
        return query_term == index_term
    return damerau_levenshtein(query_term, index_term, allowed) <= allowed
