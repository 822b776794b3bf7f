"""Demo content for the appeals app (see cms/demo/extra/__init__.py): every demo
agency gets an "Online appeal" form (the default appeal fields) and a "Feedback on the
site" form under its "appeals" section. Idempotent: a form page that exists (by slug)
is left alone."""

from cms.appeals.defaults import LANGS
from cms.appeals.models import FormPage, build_fields

ONLINE_APPEAL = {
    "slug": "online-appeal",
    "title": {"kk": "Онлайн өтініш", "ru": "Онлайн-обращение", "en": "Online appeal"},
    "intro": {
        "kk": (
            "Бұл форма арқылы өтініш, ұсыныс немесе шағым жібере аласыз. Өтініштер "
            "заңнамада белгіленген мерзімде, әдетте он бес жұмыс күні ішінде қаралады.\n\n"
            "Жауап өтініш жазылған тілде беріледі."
        ),
        "ru": (
            "Через эту форму можно направить заявление, предложение или жалобу. Обращения "
            "рассматриваются в сроки, установленные законодательством, как правило в "
            "течение пятнадцати рабочих дней.\n\nОтвет даётся на языке обращения."
        ),
        "en": (
            "Use this form to send us an application, a proposal or a complaint. Appeals "
            "are considered within the time limits set by law, as a rule within fifteen "
            "working days.\n\nWe reply in the language of your appeal."
        ),
    },
    "thank_you_text": {
        "kk": (
            "Өтінішіңіз тіркелді. Оны тиісті бөлімше қарайды, жауапты сіз көрсеткен "
            "электрондық поштаға жібереміз немесе телефон арқылы хабарлаймыз.\n\n"
            "Қосымша мәлімет қажет болса, маман сізбен өзі байланысады."
        ),
        "ru": (
            "Ваше обращение зарегистрировано. Его рассмотрит профильное подразделение; "
            "ответ мы направим на указанную вами электронную почту или сообщим по "
            "телефону.\n\nЕсли понадобятся дополнительные сведения, специалист свяжется "
            "с вами."
        ),
        "en": (
            "Your appeal has been registered. The department responsible will consider "
            "it, and we will reply to the email address or phone number you gave.\n\n"
            "If we need more information, a member of staff will contact you."
        ),
    },
    "fields": None,  # the default appeal fields
}

SITE_FEEDBACK = {
    "slug": "site-feedback",
    "title": {"kk": "Сайт туралы пікір", "ru": "Отзыв о сайте", "en": "Feedback on the site"},
    "intro": {
        "kk": (
            "Сайтты жақсартуға көмектесіңіз: не ыңғайлы болғанын, не жетіспегенін жазыңыз.\n\n"
            "Бұл форма арқылы жіберілген пікірлер өтініш ретінде тіркелмейді. Өтініш "
            "жіберу үшін «Онлайн өтініш» формасын пайдаланыңыз."
        ),
        "ru": (
            "Помогите нам улучшить сайт: напишите, что было удобно и чего не хватило.\n\n"
            "Отзывы, отправленные через эту форму, не регистрируются как обращения. Чтобы "
            "направить обращение, воспользуйтесь формой «Онлайн-обращение»."
        ),
        "en": (
            "Help us improve this website: tell us what worked for you and what was "
            "missing.\n\nFeedback sent with this form is not registered as an appeal. To "
            "send an appeal, use the “Online appeal” form."
        ),
    },
    "thank_you_text": {
        "kk": (
            "Пікіріңіз үшін рақмет! Біз әрбір пікірді оқып, сайтты жетілдіру кезінде ескереміз."
        ),
        "ru": (
            "Спасибо за отзыв! Мы читаем каждое сообщение и учитываем его, когда "
            "дорабатываем сайт."
        ),
        "en": (
            "Thank you for your feedback! We read every message and take it into account "
            "when we improve the site."
        ),
    },
    "fields": (
        {
            "clean_name": "found",
            "field_type": "radio",
            "required": True,
            "label": {
                "kk": "Іздеген ақпаратыңызды таптыңыз ба?",
                "ru": "Вы нашли то, что искали?",
                "en": "Did you find what you were looking for?",
            },
            "choices": {
                "kk": "Иә\nІшінара\nЖоқ",
                "ru": "Да\nЧастично\nНет",
                "en": "Yes\nPartly\nNo",
            },
        },
        {
            "clean_name": "rating",
            "field_type": "dropdown",
            "required": False,
            "label": {
                "kk": "Сайтты қалай бағалайсыз?",
                "ru": "Как вы оцениваете сайт?",
                "en": "How would you rate the site?",
            },
            "choices": {
                "kk": "Өте жақсы\nЖақсы\nҚанағаттанарлық\nНашар",
                "ru": "Отлично\nХорошо\nУдовлетворительно\nПлохо",
                "en": "Very good\nGood\nAcceptable\nPoor",
            },
        },
        {
            "clean_name": "comments",
            "field_type": "multiline",
            "required": False,
            "label": {"kk": "Пікіріңіз", "ru": "Ваш отзыв", "en": "Your comments"},
            "help_text": {
                "kk": "Жеке деректеріңізді (ЖСН, мекенжай) жазбаңыз.",
                "ru": "Не указывайте персональные данные (ИИН, адрес).",
                "en": "Please do not include personal data such as your IIN or address.",
            },
        },
        {
            "clean_name": "email",
            "field_type": "email",
            "required": False,
            "label": {"kk": "Электрондық пошта", "ru": "Электронная почта", "en": "Email"},
            "help_text": {
                "kk": "Жауап алғыңыз келсе ғана көрсетіңіз.",
                "ru": "Укажите, только если хотите получить ответ.",
                "en": "Only if you would like a reply.",
            },
        },
    ),
}

FORMS = (ONLINE_APPEAL, SITE_FEEDBACK)


def load(loader, agency, spec, sections, refs) -> None:
    section = sections.get("appeals")
    if section is None:
        return
    existing = set(section.get_children().values_list("slug", flat=True))
    for form in FORMS:
        if form["slug"] in existing:
            continue
        page = FormPage(slug=form["slug"])
        for lang in LANGS:
            page_texts = {name: form[name][lang] for name in ("title", "intro", "thank_you_text")}
            for name, text in page_texts.items():
                setattr(page, f"{name}_{lang}", text)
        if form["fields"]:
            page.form_fields = build_fields(form["fields"])
        section.add_child(instance=page)
        loader._publish(page, "form page")
