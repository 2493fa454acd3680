"""The registry: a Django project (models, admin, review queue, web pages, API) — see its issue."""
