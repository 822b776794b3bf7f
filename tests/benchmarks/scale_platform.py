"""Many agencies fast, for the scale benchmarks (admin_scale, sitemap_scale).

The real provisioning (cms.platform.provisioning.provision_agency) costs about half a
second and ~300 queries an agency: 1,000 of them take ten minutes. The benchmarks
provision a few agencies with it and then *clone* one of them (`clone_agencies`):
everything provisioning and the benchmark's own set-up left for that agency is copied
in a few bulk statements per kind of row, with new keys:

* the Agency row (slug, names in kk/ru/en, category), its Collection (a treebeard
  child of the root collection: path, depth and numchild as `add_child` sets them),
  its editors and moderators groups with the template's model, page and collection
  permissions (on the clone's own home page and collection), and one editor and one
  moderator user in them;
* its moderation workflow: a Workflow, a GroupApprovalTask (Task row + subclass
  row) naming the clone's moderators group, the WorkflowTask and the WorkflowPage on
  the clone's home page;
* its page tree: every page under (and including) the template's home page, in every
  table of its multi-table chain (wagtailcore_page, then each subclass table, keyed
  by the same id), as live pages with the template's content. The clone's home page is
  the next child of the portal home (`Page._get_path`), every descendant keeps its
  position below it (the template's path suffix under the new home's path), depth
  and numchild are the template's, url_path has the new slug, translation_key is
  new; the portal home's numchild grows by the number of clones. Clones have no
  revisions (latest and live revision are empty) and no search or reference index
  entries: no measured view reads them;
* the template's images and documents, as rows in the clone's collection sharing the
  template's files.

No signal is sent (bulk statements): callers clear the cache afterwards.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.tenants.models import Agency

CATEGORIES = ("ministry", "committee", "akimat", "other")
# Names that begin with different letters, so that the A-Z directory has many letters.
WORDS = {
    "kk": [
        "Абай",
        "Бірлік",
        "Ғылым",
        "Даму",
        "Еңбек",
        "Жер",
        "Ілім",
        "Көлік",
        "Мәдениет",
        "Нұр",
        "Өнер",
        "Сауда",
        "Тіл",
        "Ұлт",
        "Халық",
        "Шекара",
        "Энергетика",
    ],
    "ru": [
        "энергетики",
        "финансов",
        "культуры",
        "здравоохранения",
        "транспорта",
        "юстиции",
        "обороны",
        "науки",
        "торговли",
        "экологии",
        "информации",
        "труда",
        "водных ресурсов",
        "цифрового развития",
        "промышленности",
        "спорта",
        "туризма",
    ],
    "en": [
        "Energy",
        "Finance",
        "Culture",
        "Health",
        "Transport",
        "Justice",
        "Defence",
        "Science",
        "Trade",
        "Ecology",
        "Information",
        "Labour",
        "Water",
        "Digital",
        "Industry",
        "Sport",
        "Tourism",
    ],
}


def names(n: int) -> dict[str, str]:
    """Names of body number `n` in kk/ru/en (varied first letters)."""
    w = {lang: words[n % len(words)] for lang, words in WORDS.items()}
    return {
        "kk": f"{w['kk']} мекемесі {n}",
        "ru": f"Ведомство {w['ru']} {n}",
        "en": f"Office of {w['en']} {n}",
    }


def add_agency(n: int) -> Agency:
    """Agency scale-<n> by the real provisioning, with one published news item
    (news-1), an image and a document in its collection."""
    from django.core.files.base import ContentFile
    from wagtail.images.tests.utils import get_test_image_file

    from cms.pages.models import NewsPage
    from cms.platform.provisioning import provision_agency

    agency = provision_agency(
        slug=f"scale-{n:04d}",
        names=names(n),
        category=CATEGORIES[n % len(CATEGORIES)],
    ).agency
    Image.objects.create(
        title=f"scale-img-{n}",
        file=get_test_image_file(filename=f"scale-{n}.png"),
        collection=agency.collection,
    )
    Document.objects.create(
        title=f"scale-doc-{n}",
        file=ContentFile(b"text", name=f"scale-{n}.txt"),
        collection=agency.collection,
    )
    news_index = agency.home_page.get_children().get(slug="news")
    page = NewsPage(slug="news-1", date=datetime.date(2026, 3, 1))
    page.title_kk, page.title_ru, page.title_en = f"Жаңалық {n}", f"Новость {n}", f"News {n}"
    page.body_kk = [("paragraph", f"<p>Жаңалық {n}.</p>")]
    page.body_ru = [("paragraph", f"<p>Новость {n}.</p>")]
    news_index.add_child(instance=page)
    page.save_revision().publish()
    return agency


@transaction.atomic
def add_news_copies(agency: Agency, count: int) -> None:
    """`count` more live news items in the agency's news section, bulk copies of its
    news-1 (slugs news-2...; a date a day earlier each), appended after the section's
    last child: its numchild grows by `count`."""
    news_index = agency.home_page.get_children().get(slug="news")
    original = news_index.get_children().get(slug="news-1").specific
    first = news_index.numchild + 1
    copies = []
    for i, path in enumerate(_next_steps(news_index, count)):
        slug = f"news-{first + i}"
        copy = type(original)(**_values(original, type(original)))
        copy.id = copy.page_ptr_id = None
        copy.path, copy.slug = path, slug
        copy.url_path = f"{news_index.url_path}{slug}/"
        copy.translation_key = uuid.uuid4()
        copy.latest_revision_id = copy.live_revision_id = None
        copy.date = original.date - datetime.timedelta(days=first + i)
        for lang in ("kk", "ru", "en"):
            title = getattr(original, f"title_{lang}")
            if title:
                setattr(copy, f"title_{lang}", f"{title} ({first + i})")
        copies.append(copy)
    _insert_pages(copies)
    Page.objects.filter(pk=news_index.pk).update(numchild=F("numchild") + count)


def _insert_pages(pages: list[Page]) -> None:
    """Insert new pages (ids unset) in every table of their multi-table chains."""
    bases = Page.objects.bulk_create(
        [Page(**_values(page, Page)) for page in pages], batch_size=500
    )
    for page, base in zip(pages, bases, strict=True):
        for model in [*type(page)._meta.get_parent_list(), type(page)]:
            for field in model._meta.local_concrete_fields:
                if field.primary_key or (field.remote_field and field.remote_field.parent_link):
                    setattr(page, field.attname, base.pk)
    _insert_subclass_rows(pages)


def _values(obj, model) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}


def _next_steps(parent, count: int) -> list[str]:
    """Paths of `count` new children appended under treebeard node `parent`."""
    last = parent.get_last_child() if parent.numchild else None
    step = type(parent)._str2int(last.path[-parent.steplen :]) if last is not None else 0
    return [
        type(parent)._get_path(parent.path, parent.depth + 1, step + i) for i in range(1, count + 1)
    ]


def _insert_subclass_rows(pages: list[Page]) -> None:
    """The subclass tables' rows of `pages` (their wagtailcore_page rows exist): one
    multi-row INSERT per table and batch."""
    by_table = defaultdict(list)
    for page in pages:
        chain = [*reversed(type(page)._meta.get_parent_list()), type(page)]
        for model in chain:
            if model is not Page:
                by_table[model].append(page)
    for model, objs in by_table.items():
        fields = model._meta.local_concrete_fields
        batch = max(1, connection.ops.bulk_batch_size(fields, objs))
        batch = min(batch, 500)
        for start in range(0, len(objs), batch):
            model._base_manager._insert(objs[start : start + batch], fields=fields, raw=True)


@transaction.atomic
def clone_agencies(template: Agency, numbers: list[int]) -> list[Agency]:
    """Agencies scale-<n> for every n in `numbers`, cloned from `template` (see the
    module doc)."""
    count = len(numbers)
    if not count:
        return []
    home = template.home_page
    portal = home.get_parent()
    tree = list(home.get_descendants(inclusive=True).order_by("path").specific())

    # Collections.
    root = Collection.get_first_root_node()
    collections = Collection.objects.bulk_create(
        [
            Collection(name=f"scale-{n:04d}", path=path, depth=root.depth + 1, numchild=0)
            for n, path in zip(numbers, _next_steps(root, count), strict=True)
        ]
    )
    Collection.objects.filter(pk=root.pk).update(numchild=F("numchild") + count)

    # Groups and their model permissions.
    groups = Group.objects.bulk_create(
        [
            Group(name=f"scale-{n:04d}: {kind}")
            for n in numbers
            for kind in ("editors", "moderators")
        ]
    )
    editors, moderators = groups[0::2], groups[1::2]
    through = Group.permissions.through
    rows = []
    for template_group, clones in (
        (template.editors_group, editors),
        (template.moderators_group, moderators),
    ):
        perm_ids = list(template_group.permissions.values_list("pk", flat=True))
        rows += [through(group_id=g.pk, permission_id=p) for g in clones for p in perm_ids]
    through.objects.bulk_create(rows)

    # Workflows: Workflow, Task + GroupApprovalTask rows, WorkflowTask.
    workflows = Workflow.objects.bulk_create(
        [Workflow(name=f"scale-{n:04d}: moderation", active=True) for n in numbers]
    )
    task_type = ContentType.objects.get_for_model(GroupApprovalTask)
    tasks = Task.objects.bulk_create(
        [
            Task(name=f"scale-{n:04d}: moderator approval", content_type=task_type, active=True)
            for n in numbers
        ]
    )
    approval = [GroupApprovalTask(task_ptr_id=t.pk, **_task_values(t)) for t in tasks]
    GroupApprovalTask._base_manager._insert(
        approval, fields=GroupApprovalTask._meta.local_concrete_fields, raw=True
    )
    GroupApprovalTask.groups.through.objects.bulk_create(
        [
            GroupApprovalTask.groups.through(groupapprovaltask_id=t.pk, group_id=g.pk)
            for t, g in zip(tasks, moderators, strict=True)
        ]
    )
    WorkflowTask.objects.bulk_create(
        [
            WorkflowTask(workflow=w, task_id=t.pk, sort_order=0)
            for w, t in zip(workflows, tasks, strict=True)
        ]
    )

    # Agencies.
    agencies = Agency.objects.bulk_create(
        [
            Agency(
                slug=f"scale-{n:04d}",
                **{f"name_{lang}": name for lang, name in names(n).items()},
                name=names(n)["kk"],
                category=CATEGORIES[n % len(CATEGORIES)],
                status=Agency.Status.ACTIVE,
                collection=c,
                editors_group=e,
                moderators_group=m,
                workflow=w,
            )
            for n, c, e, m, w in zip(
                numbers, collections, editors, moderators, workflows, strict=True
            )
        ]
    )

    # Page trees.
    template_prefix = home.path
    template_url = home.url_path
    parent_url = portal.url_path
    homes_paths = _next_steps(portal, count)
    clones: list[Page] = []
    for agency, home_path in zip(agencies, homes_paths, strict=True):
        url = f"{parent_url}{agency.slug}/"
        for page in tree:
            values = _values(page, Page)
            values.update(
                id=None,
                path=home_path + page.path[len(template_prefix) :],
                url_path=url + page.url_path[len(template_url) :],
                translation_key=uuid.uuid4(),
                latest_revision_id=None,
                live_revision_id=None,
                latest_revision_created_at=None,
            )
            if page.pk == home.pk:
                agency_names = names(int(agency.slug.rsplit("-", 1)[1]))
                values.update(
                    slug=agency.slug, title=agency_names["kk"], draft_title=agency_names["kk"]
                )
                values.update({f"title_{lang}": name for lang, name in agency_names.items()})
            clone = type(page)(**{**_values(page, type(page)), **values})
            if page.pk == home.pk:
                clone.agency_record_id = agency.pk
            clones.append(clone)
    _insert_pages(clones)
    Page.objects.filter(pk=portal.pk).update(numchild=F("numchild") + count)
    new_homes = [c for c in clones if c.path in set(homes_paths)]

    WorkflowPage.objects.bulk_create(
        [WorkflowPage(page_id=h.pk, workflow=w) for h, w in zip(new_homes, workflows, strict=True)]
    )

    # Page and collection permissions of the groups, as the template's.
    page_perms = list(
        GroupPagePermission.objects.filter(
            group__in=[template.editors_group, template.moderators_group]
        ).values("group_id", "permission_id")
    )
    collection_perms = list(
        GroupCollectionPermission.objects.filter(
            group__in=[template.editors_group, template.moderators_group]
        ).values("group_id", "permission_id")
    )
    gpp, gcp = [], []
    for e, m, h, c in zip(editors, moderators, new_homes, collections, strict=True):
        group_of = {template.editors_group_id: e, template.moderators_group_id: m}
        gpp += [
            GroupPagePermission(
                group=group_of[row["group_id"]], page_id=h.pk, permission_id=row["permission_id"]
            )
            for row in page_perms
        ]
        gcp += [
            GroupCollectionPermission(
                group=group_of[row["group_id"]], collection=c, permission_id=row["permission_id"]
            )
            for row in collection_perms
        ]
    GroupPagePermission.objects.bulk_create(gpp, batch_size=500)
    GroupCollectionPermission.objects.bulk_create(gcp, batch_size=500)

    # Images and documents of the template's collection.
    for model in (Image, Document):
        originals = list(model.objects.filter(collection=template.collection))
        model.objects.bulk_create(
            [
                model(
                    **{
                        **_values(o, model),
                        "id": None,
                        "collection_id": c.pk,
                        "file": o.file.name,
                        "title": f"{o.title} ({a.slug})",
                    }
                )
                for a, c in zip(agencies, collections, strict=True)
                for o in originals
            ],
            batch_size=500,
        )

    # An editor and a moderator per agency.
    user_model = get_user_model()
    password = make_password("bench-pass-123")
    users = user_model.objects.bulk_create(
        [
            user_model(username=f"{a.slug}-{kind}", password=password, is_active=True)
            for a in agencies
            for kind in ("editor", "moderator")
        ],
        batch_size=500,
    )
    user_model.groups.through.objects.bulk_create(
        [
            user_model.groups.through(user_id=u.pk, group_id=g.pk)
            for u, g in zip(
                users,
                [g for pair in zip(editors, moderators, strict=True) for g in pair],
                strict=True,
            )
        ],
        batch_size=500,
    )
    return agencies


def _task_values(task: Task) -> dict:
    return {f.attname: getattr(task, f.attname) for f in Task._meta.concrete_fields}
