class ReportingError(Exception):
    """A rule of reporting refused an input; `message` says in French what to fix.

    `errors` lists every (field, message) refused at once, the first being `field` and `message`.
    """

    def __init__(self, message: str, *, field: str | None = None, errors: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or ([(field, message)] if field else [])

    @classmethod
    def for_fields(cls, errors: list[tuple[str, str]]) -> "ReportingError":
        field, message = errors[0]
        return cls(message, field=field, errors=errors)
