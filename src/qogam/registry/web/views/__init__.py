"""The public pages: read-only (GET and HEAD) views over the registry."""
