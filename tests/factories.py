"""Factories for tests: agencies go through the real provisioning service."""

import itertools

import factory
from django.contrib.auth import get_user_model

from cms.platform.provisioning import provision_agency

_counter = itertools.count(1)

User = get_user_model()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.gov.kz")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        self.save()


def make_agency(slug: str | None = None, **kwargs):
    """Provision an agency with trilingual names; returns the Agency."""
    n = next(_counter)
    slug = slug or f"agency-{n}"
    names = kwargs.pop(
        "names",
        {"kk": f"Агенттік {n}", "ru": f"Агентство {n}", "en": f"Agency {n}"},
    )
    return provision_agency(slug=slug, names=names, **kwargs).agency


def editor_of(agency, username: str | None = None):
    return UserFactory(username=username or f"{agency.slug}-editor", groups=[agency.editors_group])


def moderator_of(agency, username: str | None = None):
    return UserFactory(
        username=username or f"{agency.slug}-moderator", groups=[agency.moderators_group]
    )


def admin_language(user, language: str = "en") -> None:
    """Show the admin to `user` in `language` (Wagtail's admin follows the user's
    preferred language, not the request's active language)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
