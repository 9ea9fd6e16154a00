class ThesisError(Exception):
    """A rule of theses or of the jury refused an action; `message` says in French why and what to do."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
