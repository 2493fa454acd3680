"""Shipped trained models (NER) live in this package directory."""
