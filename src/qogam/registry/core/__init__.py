"""The registry's data: areas, organisations, people, posts, events, statements, sources,
the proposals extracted from the news, and the audit log. Services live in ``services/``."""
