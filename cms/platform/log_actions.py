"""The log actions of the agency admin and of reorganisations, as the admin's history
names them (registered by cms.platform.admin.hooks).

A module of their own so that registering them, which every web worker does when it
reads Wagtail's hooks, imports neither the admin's views nor cms.platform.reorg and
provisioning (issue 14, memory per worker).
"""

ARCHIVE_ACTION = "birtutas.agency.archive"
RESTORE_ACTION = "birtutas.agency.restore"
REORG_ACTIONS = {
    "rename": "birtutas.agency.rename",
    "move": "birtutas.agency.move",
    "merge": "birtutas.agency.merge",
    "split": "birtutas.agency.split",
}
