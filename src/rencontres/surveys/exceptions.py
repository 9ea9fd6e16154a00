class SurveyError(Exception):
    """A survey rule refused the action; `message` says why, in French."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
