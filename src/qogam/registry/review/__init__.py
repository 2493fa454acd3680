"""The staff's review queue: proposals grouped by source, decided through the core services.

Who may act on what is in :mod:`.access` (the personas: editor of one district, reviewer of
the region, admin); failed log-ins are throttled by :mod:`.throttle`; ``qogam demo-data``
fills a registry with synthetic data from :mod:`.synthetic`.
"""
