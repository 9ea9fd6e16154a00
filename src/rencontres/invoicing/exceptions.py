class InvoicingError(Exception):
    """A rule of invoicing refused an action; `message` says in French why and what to do.

    `errors` lists (field, message) pairs when the input of a form is at fault.
    """

    def __init__(self, message: str, errors: list[tuple[str, str]] | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []
