"""The presenters of the shared components: for each component of
`themes/templates/components/<name>/` whose parameters are built in Python, the one
function that builds them lives here, in the module of the same name
(`cms.core.components.<name>`), and its README says so.

Why here and not in `themes`: the components are rendered by every floor (page types
in `cms.pages`, the content apps, `search`, the theme's tags), and a lower floor may
not import a higher one. The presenters therefore sit on the ground floor and take
plain values (strings, dates, URLs, callables), never a model: what to show is decided
by the caller (a page type, the search presenter), how it becomes the component's
parameters is decided once, here. The templates stay where they are; a template name
is not an import.

Components whose parameters are always literal in the templates that include them
(skip_link, notice, heading...) need no presenter.
"""
