"""Hypothesis without its per-example deadline: a deadline is a timing assertion in disguise.

CI machines are shared and their speed varies several-fold, so a property that passed at 200 ms
on one day fails at 290 ms on another without any change in the code. Timing is measured in
``benchmarks/``, never asserted in tests; each ``@settings`` still chooses its own example count.
"""

from hypothesis import settings

settings.register_profile("cleantext", deadline=None)
settings.load_profile("cleantext")
