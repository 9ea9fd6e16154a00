class PrivacyError(Exception):
    """A request about personal data the rules refuse; `message` is French and shown as is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
