"""The built-in filters, one family per module."""

from __future__ import annotations

from .bio import Bio
from .body import Body
from .comments import Comments
from .credits import Credits
from .markers import Markers
from .repeats import Repeats
from .script import Script
from .tail import Tail
from .teasers import Teasers
from .whitespace import Whitespace
from .zones import Zones

__all__ = [
    "Bio",
    "Body",
    "Comments",
    "Credits",
    "Markers",
    "Repeats",
    "Script",
    "Tail",
    "Teasers",
    "Whitespace",
    "Zones",
]
