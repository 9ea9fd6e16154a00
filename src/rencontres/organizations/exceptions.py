class OrganizationError(Exception):
    """A rule about organisations refused an action; `message` says in French what to fix."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
