"""The web application: pages and JSON API over one archive. ``create_app(Settings(db=…))`` builds it;
``cablegram serve`` runs it with uvicorn (``app_from_environment`` when several worker processes each
build their own)."""

from __future__ import annotations

import json
import os
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.templating import Jinja2Templates

from .. import __version__
from . import api, errors, pages
from .jobs import Jobs
from .readers import Readers

HERE = Path(__file__).parent
ENV_SETTINGS = "CABLEGRAM_WEB_SETTINGS"


@dataclass(frozen=True)
class Settings:
    """How the server is set up.

    Attributes:
        db: the archive: a folder (SQLite) or a ``postgresql://`` URL.
        uploads: where uploads and ingest jobs' states are kept; default ``<db>/uploads`` for a folder.
        max_upload_bytes: the most one upload request may carry (all its files together).
    """

    db: str
    uploads: str | None = None
    max_upload_bytes: int = 20 * 1024 * 1024

    def uploads_folder(self) -> Path:
        if self.uploads:
            return Path(self.uploads)
        if "://" in self.db:
            return Path("cablegram-uploads")
        return Path(self.db) / "uploads"


def templates() -> Jinja2Templates:
    # autoescape every template, whatever its name: nothing an archive holds is trusted markup
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    return Jinja2Templates(env=env)


def create_app(settings: Settings) -> FastAPI:
    readers = Readers(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        readers.close()

    # no /docs or /redoc: they load their scripts from a CDN; /openapi.json is served
    app = FastAPI(title="cablegram", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Search and read an archive of US diplomatic telegrams. Every JSON answer is "
                              "`{\"ok\": true, …}`; every error is `{\"ok\": false, \"error\": {\"code\", "
                              "\"message\"}}`. See docs/web.md.")
    app.state.settings = settings
    app.state.readers = readers
    app.state.jobs = Jobs(settings.uploads_folder().resolve(), settings.db, settings.max_upload_bytes,
                          after_ingest=lambda store: readers.catch_up(store, wait=True))
    app.state.templates = templates()
    errors.install(app, pages.error_page)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        # every asset is ours: nothing may be loaded from elsewhere, nothing inline but our own style
        response.headers.setdefault("Content-Security-Policy", "default-src 'self'; style-src 'self'; "
                                    "img-src 'self' data:; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    return app


def settings_to_environment(settings: Settings) -> None:
    os.environ[ENV_SETTINGS] = json.dumps(asdict(settings))


def app_from_environment() -> FastAPI:
    """The app factory uvicorn's worker processes call (``--workers`` > 1)."""
    return create_app(Settings(**json.loads(os.environ[ENV_SETTINGS])))
