"""The public pages and the staff review queue (built on :mod:`qogam.registry.core`)."""
