"""cms.core.renditions: page views read renditions from Wagtail's rendition cache
without writing them back on every view (Wagtail's get_rendition does)."""

from unittest import mock

from wagtail.images.models import Image

from cms.core.renditions import rendition, renditions
from tests.media_helpers import make_image


def test_a_cached_rendition_is_read_without_a_write_or_a_query(
    agency_a, django_assert_num_queries
):
    image = make_image(agency_a.collection, "logo")
    model = image.get_rendition_model()
    first = rendition(image, "max-120x120")  # made now, and stored in the cache
    assert first.url == image.get_rendition("max-120x120").url
    fresh = Image.objects.get(pk=image.pk)
    with (
        mock.patch.object(model.cache_backend, "set", side_effect=AssertionError) as put,
        mock.patch.object(model.cache_backend, "set_many", side_effect=AssertionError),
        django_assert_num_queries(0),
    ):
        again = renditions(fresh, "max-120x120", "max-120x120")
    assert not put.called
    assert again == {"max-120x120": again["max-120x120"]}
    assert again["max-120x120"].url == first.url and again["max-120x120"].image is fresh


def test_a_rendition_missing_from_the_cache_is_found_or_made_and_stored(agency_a):
    image = make_image(agency_a.collection, "photo")
    model = image.get_rendition_model()
    made = renditions(image, "fill-60x40", "width-90")
    assert {spec: r.filter_spec for spec, r in made.items()} == {
        "fill-60x40": "fill-60x40", "width-90": "width-90"
    }
    model.cache_backend.clear()
    found = rendition(Image.objects.get(pk=image.pk), "width-90")  # from the database
    assert found.url == made["width-90"].url
    key = model.construct_cache_key(image, "", "width-90")
    assert model.cache_backend.get(key).url == found.url  # stored for the next view


def test_the_rendition_tag_renders_what_the_wagtail_image_tag_does(agency_a):
    from django.template import engines

    image = make_image(agency_a.collection, "tag")
    django = engines["django"]
    ours = django.from_string(
        '{% load theme_tags %}{% rendition image "width-90" as r %}{{ r.url }} {{ r.width }}'
    )
    wagtails = django.from_string(
        "{% load wagtailimages_tags %}{% image image width-90 as r %}{{ r.url }} {{ r.width }}"
    )
    assert ours.render({"image": image}) == wagtails.render({"image": image})
    assert ours.render({"image": None}) == " "
    image.file.delete(save=False)  # a missing source file: Wagtail's "not found" rendition
    image.get_rendition_model().cache_backend.clear()
    image.renditions.all().delete()
    fresh = Image.objects.get(pk=image.pk)
    assert ours.render({"image": fresh}) == wagtails.render({"image": fresh})


def test_rendition_urls_are_remembered_until_the_file_or_focal_point_changes(agency_a):
    from cms.core.renditions import rendition_url

    image = make_image(agency_a.collection, "remembered")
    model = image.get_rendition_model()
    url = rendition_url(image, "fill-80x40")
    assert url == image.get_rendition("fill-80x40").url
    with mock.patch.object(model.cache_backend, "get_many", side_effect=AssertionError):
        assert rendition_url(Image.objects.get(pk=image.pk), "fill-80x40") == url
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width = image.focal_point_height = 20
    image.save()
    moved = rendition_url(Image.objects.get(pk=image.pk), "fill-80x40")
    assert moved != url and moved == image.get_rendition("fill-80x40").url
