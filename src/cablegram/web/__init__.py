"""``cablegram serve``: web pages and a JSON API over the archive (docs/web.md).

::

    app = create_app(Settings(db="cablegram-archive"))   # a FastAPI app; run it with uvicorn
"""

from .app import Settings, create_app

__all__ = ["Settings", "create_app"]
