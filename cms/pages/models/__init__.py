"""Page types of the platform, one module per page family.

The tree is: Root → PortalHomePage (the platform's front page) → one AgencyHomePage
per agency → its sections (SectionPage and its typed index pages) → news items
(NewsPage), legal acts (LegalActPage) and further pages.

base  BasePage and the page protocol        site  sections, standard pages
portal  the portal home and its top tasks
news  the News section and news items       acts  the Documents section and legal acts
home  the agency home page
"""

from .acts import LegalActAmendment, LegalActIndexPage, LegalActPage
from .base import BasePage
from .home import AgencyHomePage
from .news import NewsIndexPage, NewsPage, NewsPageTag
from .portal import PortalHomePage, PortalTopTask
from .site import SectionPage, StandardPage

__all__ = [
    "AgencyHomePage",
    "BasePage",
    "LegalActAmendment",
    "LegalActIndexPage",
    "LegalActPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "PortalHomePage",
    "PortalTopTask",
    "SectionPage",
    "StandardPage",
]
