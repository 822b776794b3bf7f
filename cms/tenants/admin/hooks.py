"""Wagtail hooks registering the agency admin screens."""
