class AttendanceError(Exception):
    """A rule of attendance refused an action; `message` says in French what to do."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
