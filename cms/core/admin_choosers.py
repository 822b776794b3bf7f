"""Wagtail's external-link chooser, answering an incomplete form with the form's
own error instead of a 500.

Its URL field calls `value.startswith("/")` on what the browser sent, and a POST
without the field (a forged or truncated request; the admin URL fuzz test,
tests/test_admin_fuzz.py, sends one) gives it None. Routed in cms/urls.py before
Wagtail's admin URLs, at the same address.
"""

from wagtail.admin.forms.choosers import ExternalLinkChooserForm, URLOrAbsolutePathField
from wagtail.admin.views.chooser import ExternalLinkView


class _URLOrAbsolutePathField(URLOrAbsolutePathField):
    def to_python(self, value):
        return super().to_python(value if value is not None else "")


class SafeExternalLinkChooserForm(ExternalLinkChooserForm):
    url = _URLOrAbsolutePathField(
        required=True, label=ExternalLinkChooserForm.base_fields["url"].label
    )


class SafeExternalLinkView(ExternalLinkView):
    form_class = SafeExternalLinkChooserForm
