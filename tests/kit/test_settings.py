"""ENVIRONMENT and the default JWT secret: every process refuses the published secret outside development."""
import pytest

from services.kit.settings import DEFAULT_JWT_SECRET, Environment, ProcessSettings, RefusedStart, refuse_unsafe_start

REAL_SECRET = "a-real-secret-of-thirty-two-bytes!"


def test_production_is_the_default(monkeypatch):
    monkeypatch.delenv("ENVIRONMENT", raising=False)
    monkeypatch.delenv("JWT_SECRET", raising=False)
    settings = ProcessSettings()
    assert settings.environment == Environment.PRODUCTION and settings.jwt_secret == DEFAULT_JWT_SECRET
    with pytest.raises(RefusedStart) as refused:
        refuse_unsafe_start(settings, "projects")
    assert refused.value.code.startswith("projects: 拒绝启动") and "JWT_SECRET" in refused.value.code


def test_one_unprefixed_name_for_every_service(monkeypatch):
    from services.employment.config import Settings as EmploymentSettings
    from services.funds.config import Settings as FundsSettings

    monkeypatch.setenv("ENVIRONMENT", "development")
    monkeypatch.setenv("JWT_SECRET", REAL_SECRET)
    for settings in (FundsSettings(), EmploymentSettings()):
        assert settings.environment == Environment.DEVELOPMENT and settings.jwt_secret == REAL_SECRET
    monkeypatch.setenv("ENVIRONMENT", "staging")
    with pytest.raises(ValueError):  # only the two names exist
        FundsSettings()


def test_development_accepts_the_default_secret():
    refuse_unsafe_start(ProcessSettings(environment="development"), "projects")


@pytest.mark.parametrize("service", ["projects", "funds", "employment", "collaboration"])
def test_each_service_refuses_to_build_in_production_with_the_default_secret(service):
    import importlib

    create_app = importlib.import_module(f"services.{service}.app").create_app
    settings_class = importlib.import_module(f"services.{service}.config").Settings
    with pytest.raises(RefusedStart):
        create_app(settings_class(environment="production", jwt_secret=DEFAULT_JWT_SECRET))
    assert create_app(settings_class(environment="production", jwt_secret=REAL_SECRET)).title


def test_the_gateway_refuses_too(monkeypatch):
    from gateway.app import create_app

    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.delenv("JWT_SECRET", raising=False)
    with pytest.raises(RefusedStart):
        create_app()
    monkeypatch.setenv("JWT_SECRET", REAL_SECRET)
    assert create_app().title
