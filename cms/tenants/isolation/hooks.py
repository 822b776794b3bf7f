"""Wagtail hooks that keep an agency's editors inside their agency."""
