"""The held-out split of the bench pages: about a fifth of them, never used for tuning.

A page's side follows from its ID alone (a salted SHA-1), so the split is the same on every
machine, for every folder, and for pages added later; a training script imports it from here::

    from benchmarks.split import split_of
    dev_ids = [i for i in ids if split_of(i) == "dev"]
"""

from __future__ import annotations

import hashlib
from typing import Literal

SALT = "cleantext-heldout:"
HELD_ONE_IN = 5

Split = Literal["dev", "held"]


def is_held(page_id: str) -> bool:
    """True for the pages kept out of tuning: SHA-1 of salt + ID, as an integer, ≡ 0 mod 5."""
    digest = hashlib.sha1((SALT + page_id).encode("utf-8")).hexdigest()
    return int(digest, 16) % HELD_ONE_IN == 0


def split_of(page_id: str) -> Split:
    """``"held"`` for held-out pages, ``"dev"`` for the rest."""
    return "held" if is_held(page_id) else "dev"
