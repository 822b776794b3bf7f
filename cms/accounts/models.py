from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class TwoFactorPolicy(models.Model):
    """Per group (an agency's editors, moderators...): whether its members must use a
    second factor before the admin. Platform admins always must (settings)."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="two_factor_policy", verbose_name=_("group")
    )
    required = models.BooleanField(_("second factor required"), default=False)

    class Meta:
        verbose_name = _("two-factor policy")
        verbose_name_plural = _("two-factor policies")

    def __str__(self):
        return f"{self.group}: {'required' if self.required else 'optional'}"
