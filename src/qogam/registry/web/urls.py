"""URLs of the public pages (namespace ``web``); the project mounts them under i18n_patterns."""
from __future__ import annotations

from django.urls import path

from qogam.registry.web.views import downloads, entities, home, lists, network, places, search, sources

app_name = "web"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("organisations/", lists.OrganizationListView.as_view(), name="organizations"),
    path("organisations/<int:pk>/", entities.OrganizationView.as_view(), name="organization"),
    path("organisations/<int:pk>/network/", network.organization_network, name="organization-network"),
    path("people/", lists.PersonListView.as_view(), name="people"),
    path("people/<int:pk>/", entities.PersonView.as_view(), name="person"),
    path("people/<int:pk>/network/", network.person_network, name="person-network"),
    path("areas/", lists.AreaListView.as_view(), name="areas"),
    path("areas/<slug:slug>/", places.AreaView.as_view(), name="area"),
    path("areas/<slug:slug>/network/", network.area_network, name="area-network"),
    path("events/", lists.EventListView.as_view(), name="events"),
    path("events/<int:pk>/", places.EventView.as_view(), name="event"),
    path("statements/", lists.StatementListView.as_view(), name="statements"),
    path("posts/", lists.PostListView.as_view(), name="posts"),
    path("sources/", lists.SourceListView.as_view(), name="sources"),
    path("sources/<int:pk>/", sources.SourceView.as_view(), name="source"),
    path("download/<str:fmt>/", downloads.download, name="download"),
]
