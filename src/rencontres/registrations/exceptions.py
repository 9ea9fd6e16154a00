class RegistrationError(Exception):
    """A change the rules refuse; `message` is French and shown to the user as is (or mapped to a 4xx)."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
