"""Adapters that run cleantext inside other engines; each imports its engine lazily."""
