"""Listings of the content pages (news archive, legal acts, agency home)."""
