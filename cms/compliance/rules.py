"""The rules that apply to one agency: its category's rows, else the rows for every
category; for a section without a row of its own, the "*" row."""

from dataclasses import dataclass

from .models import ANY_SECTION, ContentRule, SectionRule


@dataclass(frozen=True)
class Rule:
    section: str
    required: bool
    kind: str
    working_days: int


DEFAULT_RULE = Rule(ANY_SECTION, False, SectionRule.Kind.PENDING_CHANGE, 3)


class RuleBook:
    """Every rule for agencies of `category`, read in two queries."""

    def __init__(self, category: str):
        self.category = category
        chosen: dict[str, SectionRule] = {}
        for rule in SectionRule.objects.filter(category__in=["", category]).order_by("category"):
            # Ordered "" first: the category's own row replaces the general one.
            chosen[rule.section] = rule
        self.sections = {
            slug: Rule(slug, rule.required, rule.kind, rule.working_days)
            for slug, rule in chosen.items()
        }
        enabled: dict[str, bool] = {}
        for rule in ContentRule.objects.filter(category__in=["", category]).order_by("category"):
            enabled[rule.code] = rule.enabled
        self.content = enabled

    def for_section(self, slug: str) -> Rule:
        return self.sections.get(slug) or self.sections.get(ANY_SECTION) or DEFAULT_RULE

    def required_sections(self) -> list[str]:
        return sorted(
            slug for slug, rule in self.sections.items() if rule.required and slug != ANY_SECTION
        )

    def checks_content(self, code: str) -> bool:
        return self.content.get(code, False)
