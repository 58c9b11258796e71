"""Gateway settings (env prefix GATEWAY_)."""
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where the services are, how long to wait for them, and the query limits."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_")

    host: str = Field("127.0.0.1", description="监听地址；容器内为 0.0.0.0")
    port: int = Field(8000, description="监听端口")
    projects_url: str = Field("http://127.0.0.1:8001", description="项目库服务地址")
    funds_url: str = Field("http://127.0.0.1:8002", description="资金服务地址")
    employment_url: str = Field("http://127.0.0.1:8003", description="就业服务地址")
    collaboration_url: str = Field("http://127.0.0.1:8004", description="粤桂扶贫协作服务地址")
    reporting_url: str = Field("http://127.0.0.1:8005", description="月度通报服务地址")
    connect_timeout: float = Field(2.0, description="连接各服务的超时（秒）")
    read_timeout: float = Field(10.0, description="等待各服务应答的超时（秒）")
    max_connections: int = Field(100, description="到每个服务的最大连接数（连接池）")
    max_depth: int = Field(10, description="GraphQL 查询最大嵌套深度")
    max_aliases: int = Field(20, description="GraphQL 查询最多别名数")
    max_tokens: int = Field(2000, description="GraphQL 查询文本最多词法单元数")
    # Request bodies over this many bytes (GATEWAY_MAX_BODY_BYTES) answer 413 request.too_large unparsed.
    max_body_bytes: int = Field(1024 * 1024, ge=1, description="GraphQL 请求体最大字节数，超过答 413")
