class ResourceError(Exception):
    """A refusal with a French message for the person who asked."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
