"""Demo content for the listings app (see cms/demo/extra/__init__.py): services,
vacancies, events, questions and answers, a photo and video gallery.

Texts are in cms/listings/demo_data.py. Dates are relative to today, so vacancies are
open and events upcoming whenever the demo is loaded. Idempotent: every page is looked
up by its slug under its section, the FAQ is filled only while it has no questions,
photos by title in the agency's collection.
"""

import io
import random
from datetime import datetime, time, timedelta

from django.utils import timezone
from PIL import Image, ImageDraw

from cms.demo import media
from cms.listings.demo_data import AGENCIES
from cms.listings.models import EventPage, GalleryPage, ServicePage, VacancyPage

LANGS = ("kk", "ru", "en")
# What the generated pictures (photo_png) show.
DRAWING_ALT = {
    "kk": "Сызба сурет: көк аспан астындағы көпқабатты үйлер мен күн",
    "ru": "Схематичный рисунок: многоэтажные дома под голубым небом и солнце",
    "en": "A schematic drawing: tall buildings under a blue sky with the sun",
}


def load(loader, agency, spec, sections, refs) -> None:
    data = AGENCIES.get(agency.slug)
    if data is None:
        return
    today = timezone.localdate()
    for item in data["services"]:
        _service(loader, sections["services"], item)
    for item in data["vacancies"]:
        _vacancy(loader, sections["vacancies"], item, today)
    for item in data["events"]:
        _event(loader, sections["events"], item, today)
    for slug, texts in SECTION_TEXTS.items():
        _section_text(loader, sections[slug], texts)
    _faq(loader, sections["faq"], data)
    _gallery(loader, agency, sections["media"], data["gallery"], today)


# Intro and body of the index sections the content demo leaves empty.
SECTION_TEXTS = {
    "events": {
        "intro": {
            "kk": "Алдағы және өткен іс-шаралар: азаматтарды қабылдау, форумдар, кездесулер.",
            "ru": "Предстоящие и прошедшие мероприятия: приёмы граждан, форумы, встречи.",
            "en": "Upcoming and past events: receptions of citizens, forums and meetings.",
        },
        "body": {
            "kk": "<p>Іс-шаралардың көпшілігіне кіру тегін. Тіркелу қажет болса, ол іс-шара "
            "бетінде көрсетіледі.</p>",
            "ru": "<p>Вход на большинство мероприятий свободный. Если нужна регистрация, это "
            "указано на странице мероприятия.</p>",
            "en": "<p>Most events are open to everyone. If you need to register, the event's "
            "page says so.</p>",
        },
    },
    "media": {
        "intro": {
            "kk": "Фотосуреттер мен бейнежазбалар: әр бейненің мәтіндік нұсқасы бар.",
            "ru": "Фотографии и видеозаписи: у каждого видео есть текстовая расшифровка.",
            "en": "Photos and videos: every video has a text transcript.",
        },
        "body": {
            "kk": "<p>Материалдарды дереккөзді көрсете отырып еркін пайдалануға болады.</p>",
            "ru": "<p>Материалы можно свободно использовать со ссылкой на источник.</p>",
            "en": "<p>You may reuse these materials freely if you credit the source.</p>",
        },
    },
}


def _section_text(loader, page, texts: dict) -> None:
    if any(getattr(page, f"intro_{lang}") or getattr(page, f"body_{lang}") for lang in LANGS):
        return
    for lang in LANGS:
        setattr(page, f"intro_{lang}", texts["intro"][lang])
        setattr(page, f"body_{lang}", [{"type": "paragraph", "value": texts["body"][lang]}])
    loader._publish(page, "section")


def _exists(section, slug: str) -> bool:
    return section.get_children().filter(slug=slug).exists()


def _set(page, name: str, values: dict) -> None:
    for lang in LANGS:
        setattr(page, f"{name}_{lang}", values.get(lang, ""))


def _add(loader, section, page, kind: str) -> None:
    section.add_child(instance=page)
    loader._publish(page, kind)


def _service(loader, section, item: dict) -> None:
    if _exists(section, item["slug"]):
        return
    page = ServicePage(
        slug=item["slug"],
        category=item["category"],
        is_key=item["is_key"],
        egov_url=item["egov_url"],
    )
    for name in ("title", "summary", "recipients", "cost", "duration"):
        _set(page, name, item[name])
    _add(loader, section, page, "service")


def _vacancy(loader, section, item: dict, today) -> None:
    if _exists(section, item["slug"]):
        return
    page = VacancyPage(slug=item["slug"], closing_date=today + timedelta(days=item["days"]))
    for name in ("title", "position", "department", "salary", "requirements"):
        _set(page, name, item[name])
    _add(loader, section, page, "vacancy")


def _event(loader, section, item: dict, today) -> None:
    if _exists(section, item["slug"]):
        return
    start = timezone.make_aware(
        datetime.combine(today + timedelta(days=item["days"]), time(item["hour"]))
    )
    page = EventPage(slug=item["slug"], start=start, end=start + timedelta(hours=item["hours"]))
    for name in ("title", "place", "intro"):
        _set(page, name, item[name])
    _add(loader, section, page, "event")


def _faq(loader, page, data: dict) -> None:
    if any(getattr(page, f"questions_{lang}") for lang in LANGS):
        return
    for lang in LANGS:
        if not getattr(page, f"intro_{lang}"):
            setattr(page, f"intro_{lang}", data["faq_intro"][lang])
        setattr(
            page,
            f"questions_{lang}",
            [
                {"type": "item", "value": {"question": question[lang], "answer": answer[lang]}}
                for question, answer in data["faq"]
            ],
        )
    loader._publish(page, "questions and answers")


def _gallery(loader, agency, section, item: dict, today) -> None:
    if _exists(section, item["slug"]):
        return
    photos = []
    for number, (scene, caption) in enumerate(item["photos"], start=1):
        # The drawing stands in for a real photo of `scene`, which names it in the
        # agency's media library; its alternative text says what it really shows.
        image = loader._image(
            agency,
            f"{item['title']['ru']}: {number}. {scene['ru']}",
            f"{item['slug']}-{number}.png",
            lambda n=number: photo_png(agency.brand_colour, seed=f"{item['slug']}-{n}"),
        )
        value = {"image": image.pk}
        for lang in LANGS:
            value[f"alt_{lang}"] = DRAWING_ALT[lang]
            value[f"caption_{lang}"] = caption[lang]
        photos.append({"type": "photo", "value": value})
    page = GalleryPage(slug=item["slug"], date=today + timedelta(days=item["days"]), photos=photos)
    _set(page, "title", item["title"])
    _set(page, "intro", item["intro"])
    video = item["video"]
    for lang in LANGS:
        setattr(
            page,
            f"videos_{lang}",
            [
                {
                    "type": "video",
                    "value": {
                        "url": video["url"],
                        "title": video["title"][lang],
                        "transcript": video["transcript"][lang],
                    },
                }
            ],
        )
    _add(loader, section, page, "gallery")


def photo_png(colour: str, seed: str, width: int = 1200, height: int = 800) -> bytes:
    """A picture-like scene: a sky gradient, a horizon, buildings in the agency colour."""
    rng = random.Random(seed)
    base = media._rgb(colour)
    sky_top, sky_bottom = (120, 170, 215), (225, 236, 245)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.55, 0.7))
    for y in range(horizon):
        draw.line([(0, y), (width, y)], fill=media._mix(sky_top, sky_bottom, y / horizon))
    draw.rectangle((0, horizon, width, height), fill=(96, 112, 88))
    x = rng.randint(-40, 40)
    while x < width:
        w = rng.randint(90, 200)
        h = rng.randint(120, int(horizon * 0.8))
        shade = media._mix(base, (255, 255, 255), rng.uniform(0.0, 0.5))
        draw.rectangle((x, horizon - h, x + w, horizon), fill=shade)
        for wy in range(horizon - h + 20, horizon - 20, 36):
            for wx in range(x + 14, x + w - 20, 30):
                draw.rectangle((wx, wy, wx + 14, wy + 18), fill=(250, 240, 190))
        x += w + rng.randint(10, 60)
    sun = rng.randint(100, width - 100)
    draw.ellipse((sun - 45, 60, sun + 45, 150), fill=(255, 222, 120))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
