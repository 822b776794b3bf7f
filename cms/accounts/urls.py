from django.urls import path

from . import views

urlpatterns = [
    path("", views.manage, name="accounts_2fa_manage"),
    path("verify/", views.verify, name="accounts_2fa_verify"),
    path("enrol/", views.enrol, name="accounts_2fa_enrol"),
]
