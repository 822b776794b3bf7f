"""An empty URL configuration named by a /media/ 404, so that LocaleMiddleware does
not redirect it to /<lang>/media/... (where a page route would answer instead)."""

urlpatterns = []
