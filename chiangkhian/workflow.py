"""The errors of every workflow (publishing.transitions, eservices.transitions).

A transition that refuses an action raises one of these with a message in the user's
language and changes nothing; views show `message` and redirect.
"""


class WorkflowError(Exception):
    """A refused action; `message` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


class InvalidTransition(WorkflowError):
    """The object is not (or no longer) in a status the action applies to."""


class NotAllowed(WorkflowError):
    """The user may not take this action."""
