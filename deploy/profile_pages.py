"""Django's own CPU per request for public pages, in one process (how docs/performance.md was made).

    .venv/bin/python deploy/profile_pages.py / /news/general-news/ "/news/general-news/?page=50"
    PROFILE=1 .venv/bin/python deploy/profile_pages.py /     # cProfile, by cumulative time
    COLD=1 .venv/bin/python deploy/profile_pages.py /        # every request after a change

Runs the requests through Django's WSGI handler (every middleware, the traffic log row
included) with DEBUG off, on the `make bench` database (run `make bench` once first; its
static files are in var/static) and Redis db 1, and prints process CPU time per request: no
nginx, no gunicorn, no switching between processes. COLD retires the cached parts
(catalog/fragments.py) before each request.
"""

import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITEMS = os.environ.get("BENCH_ITEMS", "10000")
os.environ.update(
    DJANGO_SETTINGS_MODULE="chiangkhian.settings",
    DEBUG="0",
    SECRET_KEY=os.environ.get("SECRET_KEY", "profile-pages-only-" + "x" * 40),
    ALLOWED_HOSTS="127.0.0.1",
    SECURE_SSL_REDIRECT="0",
    STATIC_ROOT=str(ROOT / "var" / "static"),
    DATABASE_URL=os.environ.get(
        "BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/chiangkhian_bench_{ITEMS}"
    ),
    CACHE_URL=os.environ.get("SERVE_CACHE_URL", "redis://127.0.0.1:6379/1"),
)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from catalog import fragments  # noqa: E402

HANDLER = WSGIHandler()
REQUESTS = int(os.environ.get("N", "50"))


def get(url):
    path, _, query = url.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status = []
    response = HANDLER(environ, lambda s, headers, *args: status.append(s))
    body = b"".join(response)
    response.close()  # the traffic log row is written here, as under gunicorn
    return status[0], len(body)


def measure(url):
    for _ in range(3):
        status, size = get(url)
    started = time.process_time()
    for _ in range(REQUESTS):
        if os.environ.get("COLD"):
            cache.delete(fragments.GENERATION_KEY)
        get(url)
    cpu = (time.process_time() - started) / REQUESTS * 1000
    print(f"{url}: {status}, {size} bytes, {cpu:.2f} ms CPU per request")


def main(urls):
    for url in urls:
        measure(url)
        if os.environ.get("PROFILE"):
            profile = cProfile.Profile()
            for _ in range(REQUESTS):
                profile.runcall(get, url)
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(sys.argv[1:] or ["/"])
