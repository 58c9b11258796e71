"""The funds and employment services in process, as their own tests have them."""
from tests.employment.conftest import employment, employment_app, employment_db  # noqa: F401
from tests.funds.conftest import funds, funds_app, funds_db  # noqa: F401
