"""deploy/.env.example is generated from the Settings classes: it lists every setting, and a new one with it."""
import pytest
from pydantic import Field
from pydantic_settings import SettingsConfigDict

from devtools import envfile
from services.funds.config import Settings as FundsSettings


def test_the_committed_file_lists_every_setting_of_every_process_and_of_compose():
    assert envfile.main(["check"]) == 0
    text = envfile.TARGET.read_text(encoding="utf-8")
    for variable in ("FUNDS_LEASE_SECONDS", "FUNDS_SWEEP_SECONDS", "GATEWAY_WORKERS", "EMPLOYMENT_PROJECT_MIN",
                     "PROJECTS_DATABASE_URL", "GATEWAY_MAX_DEPTH", "ENVIRONMENT", "DATE_WINDOW_START",
                     "PROJECTS_UPLOAD_MAX_BYTES", "GATEWAY_MAX_BODY_BYTES"):
        assert f"# {variable}=" in text
    assert text.count("\nJWT_SECRET=\n") == 1  # shared by every process, listed once, to be set


def test_a_setting_added_to_code_is_listed_with_its_meaning_and_default():
    class Grown(FundsSettings):
        model_config = SettingsConfigDict(env_prefix="FUNDS_")
        audit_days: int = Field(30, description="审计留存天数")

    own, shared = envfile.settings_lines(Grown, "FUNDS_", set())
    assert own[-2:] == ["# 审计留存天数", "# FUNDS_AUDIT_DAYS=30"]
    secret = shared.index("JWT_SECRET=")
    assert shared[secret - 1].startswith("# 签发与校验登录凭证")


def test_a_setting_without_a_meaning_is_refused():
    class Undocumented(FundsSettings):
        model_config = SettingsConfigDict(env_prefix="FUNDS_")
        mystery: int = 3

    with pytest.raises(ValueError, match="mystery has no Field"):
        envfile.settings_lines(Undocumented, "FUNDS_", set())
