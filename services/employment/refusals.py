"""The 422 of a rule that one field breaks, shared by the employment services."""
from services.kit.errors import DomainError, FieldError, unprocessable


def bad_field(field: str, message: str, code: str = "request.invalid") -> DomainError:
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])
