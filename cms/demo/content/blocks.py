"""Small helpers that turn the demo texts into raw StreamField JSON.

Content modules describe a body per language as a list of blocks built with these
helpers. Documents and images are named by a key (`doc("strategy", ...)`,
`img(...)`); the loader replaces the key with the id of the object it created.
"""

from html import escape

LANGS = ("kk", "ru", "en")
IMAGE_KEY = "image:banner"


def h(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def p(text: str) -> dict:
    """A paragraph; plain text is escaped and wrapped in <p>, HTML is kept."""
    html = text if text.lstrip().startswith("<") else f"<p>{escape(text)}</p>"
    return {"type": "paragraph", "value": html}


def ul(items: list[str], lead: str | None = None) -> dict:
    html = f"<p>{escape(lead)}</p>" if lead else ""
    html += "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"
    return {"type": "paragraph", "value": html}


def doc(key: str, title: str) -> dict:
    return {"type": "document", "value": {"document": f"document:{key}", "title": title}}


def img(alt: str, caption: str = "") -> dict:
    return {"type": "image", "value": {"image": IMAGE_KEY, "alt": alt, "caption": caption}}


# --- Builders for the sections whose shape is the same in every agency ----------

_CONTACT_LABELS = {
    "kk": {
        "address": "Мекенжай",
        "phones": "Телефондар",
        "email": "Электрондық пошта",
        "hours": "Жұмыс уақыты",
        "reception": "Азаматтарды жеке қабылдау",
        "hours_text": "Дүйсенбі – жұма, 09:00–18:30, түскі үзіліс 13:00–14:30. "
        "Сенбі, жексенбі және мереке күндері – демалыс.",
    },
    "ru": {
        "address": "Адрес",
        "phones": "Телефоны",
        "email": "Электронная почта",
        "hours": "Режим работы",
        "reception": "Личный приём граждан",
        "hours_text": "Понедельник – пятница, 09:00–18:30, обеденный перерыв 13:00–14:30. "
        "Суббота, воскресенье и праздничные дни – выходные.",
    },
    "en": {
        "address": "Address",
        "phones": "Phones",
        "email": "Email",
        "hours": "Office hours",
        "reception": "Personal reception of citizens",
        "hours_text": "Monday to Friday, 9:00–18:30, lunch break 13:00–14:30. "
        "Closed on Saturdays, Sundays and public holidays.",
    },
}


def contacts_body(lang: str, *, address: dict, phones: list, email: str, reception: dict) -> list:
    """Contacts: address, phone list [(labels by language, number)], email, hours."""
    labels = _CONTACT_LABELS[lang]
    phone_items = [f"{label[lang]}: {number}" for label, number in phones]
    return [
        h(labels["address"]),
        p(address[lang]),
        h(labels["phones"]),
        ul(phone_items),
        h(labels["email"]),
        p(f'<p><a href="mailto:{email}">{email}</a></p>'),
        h(labels["hours"]),
        p(labels["hours_text"]),
        h(labels["reception"]),
        p(reception[lang]),
    ]


def leadership_body(lang: str, people: list[dict]) -> list:
    """Leadership: for each person a heading with the name, the post and a short bio."""
    blocks = []
    for person in people:
        blocks.append(h(person["name"][lang]))
        blocks.append(p(f"<p><b>{escape(person['post'][lang])}</b></p>"))
        blocks.append(p(person["bio"][lang]))
    return blocks


def services_body(lang: str, lead: dict, services: list[dict]) -> list:
    blocks = [p(lead[lang])]
    for service in services:
        blocks.append(h(service["name"][lang]))
        blocks.append(p(service["text"][lang]))
    return blocks


_VACANCY_LABELS = {
    "kk": {"requirements": "Талаптар:", "deadline": "Құжаттарды қабылдаудың соңғы күні: {}."},
    "ru": {"requirements": "Требования:", "deadline": "Последний день приёма документов: {}."},
    "en": {"requirements": "Requirements:", "deadline": "Closing date for applications: {}."},
}


def vacancies_body(lang: str, lead: dict, vacancies: list[dict]) -> list:
    labels = _VACANCY_LABELS[lang]
    blocks = [p(lead[lang])]
    for vacancy in vacancies:
        blocks.append(h(vacancy["post"][lang]))
        blocks.append(p(vacancy["text"][lang]))
        blocks.append(ul(vacancy["requirements"][lang], lead=labels["requirements"]))
        blocks.append(p(labels["deadline"].format(vacancy["deadline"])))
    return blocks


def per_language(builder, *args, langs=LANGS, **kwargs) -> dict:
    """{lang: builder(lang, ...)} for every language in `langs`."""
    return {lang: builder(lang, *args, **kwargs) for lang in langs}
