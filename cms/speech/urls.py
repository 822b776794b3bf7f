from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^(?P<page_id>\d+)/(?P<language>[a-z]{2,3}(?:-[a-z]+)?)-(?P<token>[0-9a-f]{12})\.mp3$",
        views.serve_audio,
        name="speech-audio",
    ),
]
