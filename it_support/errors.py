from backoffice.errors import DomainError


class ItSupportError(DomainError):
    pass
