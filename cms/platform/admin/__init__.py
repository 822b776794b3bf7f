"""Admin screens for platform admins: list, create, edit, archive agencies."""
