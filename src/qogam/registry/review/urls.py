"""URLs of the review queue (namespace ``review``); the project mounts them at /review/ under i18n_patterns."""
from __future__ import annotations

from django.urls import path

from qogam.registry.review.views import actions, articles, feeds, queue, resolution, tokens

app_name = "review"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("sources/<int:pk>/", queue.source, name="source"),
    path("sources/<int:pk>/bulk-accept/", actions.bulk_accept, name="bulk-accept"),
    path("proposals/<int:pk>/accept/", actions.accept, name="accept"),
    path("proposals/<int:pk>/reject/", actions.reject, name="reject"),
    path("proposals/<int:pk>/edit/", actions.edit, name="edit"),
    path("proposals/<int:pk>/same-as/", actions.same_as, name="same-as"),
    path("proposals/<int:pk>/revert/", actions.revert, name="revert"),
    path("sources/<int:pk>/withdraw/", actions.withdraw, name="withdraw"),
    path("add/", articles.add, name="add"),
    path("feeds/", feeds.feeds, name="feeds"),
    path("feeds/<int:pk>/toggle/", feeds.toggle, name="feed-toggle"),
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", tokens.revoke, name="token-revoke"),
    path("candidates/", resolution.candidates, name="candidates"),
    path("candidates/refresh/", resolution.refresh, name="candidates-refresh"),
    path("candidates/<str:kind>/<int:left>/<int:right>/", resolution.candidate, name="candidate"),
    path("candidates/<str:kind>/<int:left>/<int:right>/judge/", resolution.judge, name="judge"),
    path("merges/", resolution.merges, name="merges"),
    path("merges/<int:pk>/split/", resolution.split, name="split"),
]
