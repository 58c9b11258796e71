"""The employment service's refusals: a 422 naming one field (a 404 is the kit's Repository.get_or_404)."""
from services.kit.errors import DomainError, FieldError, unprocessable


def bad_field(field: str, message: str, code: str = "request.invalid") -> DomainError:
    """A 422 naming one failing field."""
    return unprocessable(code, message, [FieldError(field, message)])
