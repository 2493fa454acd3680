"""The JSON API (django-ninja), versioned under /api/v1/: public reads of accepted facts, and
token-authenticated staff actions through the same review services and area scopes as the web."""
