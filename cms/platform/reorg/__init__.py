"""Reorganisation of agencies (issue 15, item 5): rename, move, merge, split.

Each operation is one service function that runs in one transaction, with a dry
run (`dry_run=True`) that returns the same `Plan` and changes nothing: what moves,
which addresses are redirected, which users and groups change. The admin
(cms.platform.admin.reorganise) shows the plan before it runs, the management
command `reorganise` prints it; every run is written to the audit log. Old
addresses answer 301 through subtree redirects (cms.tenants.moved), one row per
moved subtree. Archiving with a successor is `cms.platform.provisioning.archive_agency`.
"""

from .merge import FOLLOW, RETIRE, USER_OPTIONS, merge_agencies, plan_merge
from .move import move_agency, plan_move
from .plan import Plan
from .rename import UNCHANGED, plan_rename, rename_agency
from .split import plan_split, split_agency

__all__ = [
    "FOLLOW",
    "RETIRE",
    "UNCHANGED",
    "USER_OPTIONS",
    "Plan",
    "merge_agencies",
    "move_agency",
    "plan_merge",
    "plan_move",
    "plan_rename",
    "plan_split",
    "rename_agency",
    "split_agency",
]
