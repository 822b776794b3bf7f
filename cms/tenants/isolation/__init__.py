"""Scoping of every admin listing, chooser and action to the user's agency."""
