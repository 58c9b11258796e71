"""The funds, employment and collaboration services in process, as their own tests have them."""
from tests.collaboration.conftest import collaboration, collaboration_app, collaboration_db  # noqa: F401
from tests.employment.conftest import employment, employment_app, employment_db  # noqa: F401
from tests.funds.conftest import funds, funds_app, funds_db  # noqa: F401
