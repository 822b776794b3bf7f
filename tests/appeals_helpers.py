"""Shared set-up of the appeals tests: an agency's form page with the default fields."""

import time

from cms.appeals.forms import started_token
from cms.appeals.models import FormPage


def make_form_page(agency, slug="online-appeal", email="info@agency.gov.kz", **extra):
    """A published FormPage under the agency's "appeals" section (default fields)."""
    if email and agency.email != email:
        agency.email = email
        agency.save()
    section = agency.home_page.get_children().get(slug="appeals").specific
    page = FormPage(
        slug=slug,
        title_kk="Онлайн өтініш",
        title_ru="Онлайн-обращение",
        title_en="Online appeal",
        intro_kk="Өтінішіңізді жіберіңіз.",
        intro_ru="Отправьте ваше обращение.",
        intro_en="Send us your appeal.",
        thank_you_text_kk="Рақмет! Өтінішіңіз тіркелді.",
        thank_you_text_ru="Спасибо! Ваше обращение зарегистрировано.",
        thank_you_text_en="Thank you! Your appeal has been registered.",
        **extra,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return FormPage.objects.get(pk=page.pk)


def valid_data(page, **overrides):
    data = {
        "name": "Айгүл Серікова",
        "email": "aigul@example.kz",
        "phone": "",
        "subject": "Жол жөндеу",
        "message": "Көшедегі жолды жөндеуді сұраймын.",
        "consent": "on",
        "form_started": started_token(page.pk, time.time() - 60),
        "website_url": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
