"""Benchmarks of cleantext: quality against the bench folders, and the held-out split.

Not part of the installed package; run them from the repository root, e.g.
``python benchmarks/quality.py --kind page --split dev``.
"""
