class RegistrationError(Exception):
    """A change the rules refuse; `message` is French and shown to the user as is (or mapped to a 4xx).

    `errors` lists every (field, message) refused at once, the first being `field` and `message`.
    """

    def __init__(self, message, *, field: str | None = None, errors: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or ([(field, message)] if field else [])

    @classmethod
    def for_fields(cls, errors: list[tuple[str, str]]) -> "RegistrationError":
        field, message = errors[0]
        return cls(message, field=field, errors=errors)


class TooManyRegistrations(Exception):
    """Registering refused for a while: too many from one address or one client (`limits`).

    Not a RegistrationError: nothing is wrong with the form, and the faces answer 429 with
    `retry_after`, the seconds until the count starts again.
    """

    def __init__(self, message: str, *, retry_after: int):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
