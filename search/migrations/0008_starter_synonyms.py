"""The starter list of platform-wide synonyms (government vocabulary in kk, ru, en),
and the agency-synonym permissions for the editors of agencies that already exist
(new agencies get them from `cms.pages.sections.EDITOR_SNIPPET_PERMISSIONS`)."""

from django.db import migrations

STARTER = {
    "kk": [
        "ЭЦҚ, электрондық цифрлық қолтаңба, электрондық қолтаңба, цифрлық қолтаңба, ЭЦП",
        "ЖСН, жеке сәйкестендіру нөмірі, ИИН",
        "БСН, бизнес-сәйкестендіру нөмірі, БИН",
        "ХҚКО, халыққа қызмет көрсету орталығы, ЦОН",
        "тұрғылықты жері бойынша тіркеу, тіркеуге тұру, прописка",
        "әкімдік, акимат",
        "әкім, аким",
        "НҚА, нормативтік құқықтық акт",
        "БЖЗҚ, бірыңғай жинақтаушы зейнетақы қоры, ЕНПФ",
        "МӘМС, міндетті әлеуметтік медициналық сақтандыру, ОСМС",
        "ЖК, жеке кәсіпкер, ИП",
        "ЖШС, жауапкершілігі шектеулі серіктестік, ТОО",
        "бос орын, бос лауазым, вакансия",
        "жеке куәлік, жеке басын куәландыратын құжат, удостоверение личности",
        "мемлекеттік көрсетілетін қызмет, мемлекеттік қызмет көрсету, госуслуга",
        "балабақша, мектепке дейінгі ұйым, детский сад",
    ],
    "ru": [
        (
            "ЭЦП, электронная цифровая подпись, электронная подпись, цифровая подпись, ЭЦҚ, "
            # Snowball cuts «подпись» to «подп» but «подписи» to «подпис»: both forms.
            "электронной цифровой подписи, цифровой подписи"
        ),
        "ИИН, индивидуальный идентификационный номер, ЖСН",
        "БИН, бизнес-идентификационный номер, БСН",
        "ЦОН, центр обслуживания населения, ХҚКО",
        "прописка, регистрация по месту жительства, постоянная регистрация",
        "акимат, әкімдік, местный исполнительный орган",
        "аким, әкім",
        "НПА, нормативный правовой акт",
        "ЕНПФ, единый накопительный пенсионный фонд, БЖЗҚ",
        "ОСМС, обязательное социальное медицинское страхование, МӘМС",
        "ИП, индивидуальный предприниматель, ЖК",
        "ТОО, товарищество с ограниченной ответственностью, ЖШС",
        "вакансия, свободная должность, вакантная должность",
        "удостоверение личности, документ удостоверяющий личность",
        "госуслуга, государственная услуга",
        "детский сад, дошкольная организация, садик",
        "ЖКХ, жилищно-коммунальное хозяйство",
    ],
    "en": [
        "EDS, electronic digital signature, digital signature, e-signature, ЭЦП",
        "IIN, individual identification number, ИИН",
        "BIN, business identification number, БИН",
        "PSC, public service centre, public service center, CON, ЦОН",
        "residence registration, registration at the place of residence, propiska",
        "akimat, akimdik, local executive body",
        "akim, mayor",
        "UAPF, unified accumulative pension fund, ENPF",
        "CSHI, compulsory social health insurance, OSMS",
        "individual entrepreneur, sole proprietor",
        "LLP, limited liability partnership",
        "vacancy, job opening, vacant post",
        "ID card, identity card, identity document",
        "public service, government service",
        "kindergarten, preschool",
    ],
}

SYNONYM_PERMISSIONS = ("add_agencysynonym", "change_agencysynonym", "delete_agencysynonym")


def forward(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    PlatformSynonym = apps.get_model("birtutas_search", "PlatformSynonym")
    for language, groups in STARTER.items():
        for terms in groups:
            PlatformSynonym.objects.get_or_create(language=language, terms=terms)

    # The permissions are normally made after all migrations (post_migrate); make this
    # app's now, so that the editors' groups can get them.
    app_config = apps.get_app_config("birtutas_search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    perms = list(
        Permission.objects.filter(
            content_type__app_label="birtutas_search", codename__in=SYNONYM_PERMISSIONS
        )
    )
    editors = Group.objects.filter(
        permissions__content_type__app_label="birtutas_search",
        permissions__codename="add_promotedresult",
    ).distinct()
    for group in editors:
        group.permissions.add(*perms)


def backward(apps, schema_editor):
    PlatformSynonym = apps.get_model("birtutas_search", "PlatformSynonym")
    for language, groups in STARTER.items():
        PlatformSynonym.objects.filter(language=language, terms__in=groups).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("birtutas_search", "0007_synonyms"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forward, backward)]
