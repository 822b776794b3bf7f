"""The fields a new form page gets when it is created without any: the usual
appeal form (name, a way to reply, subject, message, consent), in kk, ru and en."""

from cms.core.languages import LANGUAGE_CODES

DEFAULT_FIELDS = (
    {
        "clean_name": "name",
        "field_type": "singleline",
        "required": True,
        "label": {"kk": "Аты-жөніңіз", "ru": "Фамилия, имя, отчество", "en": "Full name"},
    },
    {
        "clean_name": "email",
        "field_type": "email",
        "required": False,
        "label": {"kk": "Электрондық пошта", "ru": "Электронная почта", "en": "Email"},
        "help_text": {
            "kk": "Жауапты осы мекенжайға жібереміз.",
            "ru": "Ответ придёт на этот адрес.",
            "en": "We will send our reply to this address.",
        },
    },
    {
        "clean_name": "phone",
        "field_type": "phone",
        "required": False,
        "label": {"kk": "Телефон нөмірі", "ru": "Номер телефона", "en": "Phone number"},
        "help_text": {
            "kk": "Электрондық пошта болмаса толтырыңыз, мысалы: +7 701 234 56 78",
            "ru": "Если у вас нет электронной почты, например: +7 701 234 56 78",
            "en": "If you have no email address, for example: +7 701 234 56 78",
        },
    },
    {
        "clean_name": "subject",
        "field_type": "singleline",
        "required": True,
        "label": {"kk": "Өтініштің тақырыбы", "ru": "Тема обращения", "en": "Subject"},
    },
    {
        "clean_name": "message",
        "field_type": "multiline",
        "required": True,
        "label": {"kk": "Өтініштің мәтіні", "ru": "Текст обращения", "en": "Your message"},
        "help_text": {
            "kk": "Мәселенің мәнін, қай жерде және қашан болғанын жазыңыз.",
            "ru": "Опишите суть вопроса: что, где и когда произошло.",
            "en": "Describe the matter: what happened, where and when.",
        },
    },
    {
        "clean_name": "consent",
        "field_type": "checkbox",
        "required": True,
        "label": {
            "kk": "Өтінішті қарау үшін дербес деректерімнің өңделуіне келісемін",
            "ru": "Я согласен(на) на обработку моих персональных данных для рассмотрения обращения",
            "en": "I agree to the processing of my personal data to review this appeal",
        },
    },
)

LANGS = LANGUAGE_CODES
