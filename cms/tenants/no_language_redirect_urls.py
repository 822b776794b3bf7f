"""An empty URL configuration that a 404 names as its request's urlconf, so that
LocaleMiddleware does not redirect it to /<lang>/... (where Wagtail's page route
would answer with an HTML page instead): /media/ and the admin API use it."""

# The dotted name that views set as `request.urlconf`.
NO_LANGUAGE_REDIRECT_URLCONF = __name__

urlpatterns = []
