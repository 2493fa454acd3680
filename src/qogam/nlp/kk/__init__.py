"""Kazakh language resources and rules: alphabet, abbreviations, morphology, lexicons."""
