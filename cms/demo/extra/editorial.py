"""Demo content for the editorial app (see cms/demo/extra/__init__.py).

Each demo agency below gets one news item that its editor has written and submitted
to the moderators: it is not public, and the agency's moderator finds it under
"Awaiting your review" on the admin dashboard, ready to approve or send back.
"""

from django.contrib.auth import get_user_model

from cms.demo import credentials
from cms.demo.content.blocks import p
from cms.pages.models import NewsPage

PENDING = {
    "digital": {
        "slug": "egov-mobile-update",
        "date": "2026-11-28",
        "title": {
            "kk": "eGov Mobile қосымшасының жаңа нұсқасы сынақтан өтуде",
            "ru": "Новая версия приложения eGov Mobile проходит испытания",
            "en": "A new version of the eGov Mobile app is being tested",
        },
        "intro": {
            "kk": "Жаңа нұсқада анықтамаларды бір батырмамен алуға болады.",
            "ru": "В новой версии справки можно получить одним нажатием.",
            "en": "In the new version, certificates are issued with a single tap.",
        },
        "body": {
            "kk": [
                p("Министрлік eGov Mobile қосымшасының жаңа нұсқасын сынақтан өткізуде. "
                  "Жиі сұралатын он анықтама енді бір батырмамен беріледі, ал өтініштің "
                  "мәртебесі туралы хабарлама телефонға бірден келеді."),
                p("Сынаққа үш облыстан мың пайдаланушы қатысады. Олардың пікірі "
                  "ескеріліп, жаңа нұсқа желтоқсан айының соңында барлық азаматтарға "
                  "қолжетімді болады."),
            ],
            "ru": [
                p("Министерство проводит испытания новой версии приложения eGov Mobile. "
                  "Десять самых востребованных справок теперь выдаются одним нажатием, "
                  "а уведомление о статусе заявки сразу приходит на телефон."),
                p("В испытаниях участвует тысяча пользователей из трёх областей. С учётом "
                  "их отзывов новая версия станет доступна всем гражданам в конце "
                  "декабря."),
            ],
            "en": [
                p("The Ministry is testing a new version of the eGov Mobile app. The ten "
                  "most requested certificates are now issued with a single tap, and a "
                  "notice of the application's status arrives on the phone at once."),
                p("A thousand users from three regions take part in the trial. Their "
                  "feedback will be taken into account, and the new version will be "
                  "available to all citizens at the end of December."),
            ],
        },
    },
    "health": {
        "slug": "winter-clinic-hours",
        "date": "2026-11-27",
        "title": {
            "kk": "Емханалар қысқы мерекелерде кезекшілік кестесімен жұмыс істейді",
            "ru": "Поликлиники в зимние праздники работают по графику дежурств",
            "en": "Clinics keep duty hours over the winter holidays",
        },
        "intro": {
            "kk": "Әр ауданда кемінде бір емхана күн сайын ашық болады.",
            "ru": "В каждом районе не менее одной поликлиники открыто ежедневно.",
            "en": "At least one clinic in every district is open every day.",
        },
        "body": {
            "kk": [
                p("Жаңа жыл мерекелерінде әр ауданда кемінде бір емхана сағат 9-дан "
                  "18-ге дейін қабылдау жүргізеді. Жедел жәрдем қызметі әдеттегідей тәулік "
                  "бойы жұмыс істейді."),
                p("Кезекші емханалардың тізімі мен мекенжайлары министрліктің сайтында "
                  "және 1406 анықтама қызметінде берілген."),
            ],
            "ru": [
                p("В новогодние праздники в каждом районе не менее одной поликлиники ведёт "
                  "приём с 9 до 18 часов. Скорая помощь, как обычно, работает "
                  "круглосуточно."),
                p("Список дежурных поликлиник и их адреса опубликованы на сайте "
                  "министерства и доступны в справочной службе 1406."),
            ],
            "en": [
                p("Over the New Year holidays, at least one clinic in every district sees "
                  "patients from 9 a.m. to 6 p.m. The ambulance service works around the "
                  "clock as usual."),
                p("The list of clinics on duty and their addresses are published on the "
                  "Ministry's website and available from the 1406 help line."),
            ],
        },
    },
    "saryozen": {
        "slug": "snow-clearing-plan",
        "date": "2026-11-26",
        "title": {
            "kk": "Қала көшелерін қардан тазарту жоспары бекітілді",
            "ru": "Утверждён план уборки снега на улицах города",
            "en": "The city's snow clearing plan is approved",
        },
        "intro": {
            "kk": "Көшелерді тазартуға 140 техника мен 600 жұмысшы тартылады.",
            "ru": "К уборке улиц привлекут 140 единиц техники и 600 рабочих.",
            "en": "140 vehicles and 600 workers will clear the streets.",
        },
        "body": {
            "kk": [
                p("Әкімдік қысқы маусымға арналған көшелерді қардан тазарту жоспарын "
                  "бекітті. Алдымен қоғамдық көлік жүретін көшелер, мектептер мен "
                  "ауруханаларға апаратын жолдар тазартылады."),
                p("Тазартылмаған аула немесе көше туралы 109 нөміріне қоңырау шалып хабарлауға "
                  "болады."),
            ],
            "ru": [
                p("Акимат утвердил план уборки снега на зимний сезон. В первую очередь "
                  "расчищаются улицы с маршрутами общественного транспорта, подъезды к "
                  "школам и больницам."),
                p("О неубранном дворе или улице можно сообщить по номеру 109."),
            ],
            "en": [
                p("The akimat has approved the snow clearing plan for the winter season. "
                  "Streets with public transport routes and the roads to schools and "
                  "hospitals are cleared first."),
                p("A yard or street that has not been cleared can be reported on 109."),
            ],
        },
    },
}


def load(loader, agency, spec, sections, refs) -> None:
    item = PENDING.get(agency.slug)
    section = sections.get("news")
    if item is None or section is None or agency.workflow_id is None:
        return
    if NewsPage.objects.child_of(section).filter(slug=item["slug"]).exists():
        return
    loader._agency_user(agency, "editor")
    editor = get_user_model().objects.get(
        username=credentials.agency_username(agency.slug, "editor")
    )
    page = NewsPage(slug=item["slug"], owner=editor, live=False)
    page.date = item["date"]
    loader._set_texts(page, item, refs)
    section.add_child(instance=page)
    page.save_revision(user=editor)
    agency.workflow.start(page, editor)
    loader.created["news item awaiting moderation"] += 1
