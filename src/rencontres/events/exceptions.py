class EventRuleError(Exception):
    """A change the rules refuse; `message` is French and shown to the user as is."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message
