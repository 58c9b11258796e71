"""A FastAPI hello world: the baseline the services' throughput is compared with, under the same uvicorn flags."""
from fastapi import FastAPI


def create_app() -> FastAPI:
    """The smallest FastAPI app: GET /hello, plus /healthz so the stack can wait for it like any process."""
    app = FastAPI(title="bench hello world")

    @app.get("/hello")
    async def hello() -> dict[str, str]:
        return {"message": "hello"}

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app
