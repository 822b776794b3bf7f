"""Why a record was rejected, in the language the operator asked for."""

from django.utils import translation


class RecordRejected(Exception):
    """A record cannot be imported. `message` is a (lazy) msgid with %(name)s params,
    rendered in the importer's language; or already-rendered text."""

    def __init__(self, message, **params):
        super().__init__(str(message))
        self.message = message
        self.params = params

    def render(self, language: str) -> str:
        with translation.override(language):
            text = str(self.message)
            return text % self.params if self.params else text
