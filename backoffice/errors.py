class DomainError(Exception):
    """A rule of the business was broken; the message is shown to the user."""


class JobError(DomainError):
    pass
