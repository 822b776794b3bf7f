"""The demo platform's content, one module per agency.

Order matters: a parent agency comes before its subordinate bodies.
"""

from . import city, digital, district, health, infosec, region

AGENCIES = [
    digital.AGENCY,
    health.AGENCY,
    infosec.AGENCY,
    region.AGENCY,
    district.AGENCY,
    city.AGENCY,
]
