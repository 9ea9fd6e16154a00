class WorkshopError(Exception):
    """A workshop rule refused the action; `message` says why, in French, for the person."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
