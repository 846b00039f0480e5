"""The built-in filters, one family per module."""

from __future__ import annotations

from .whitespace import Whitespace

__all__ = ["Whitespace"]
