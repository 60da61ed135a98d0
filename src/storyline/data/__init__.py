"""Bundled example corpus and the synthetic corpus built from it."""
