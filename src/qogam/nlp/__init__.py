"""The pure language library: text in, plain dataclasses and JSON out. Never imports Django."""
