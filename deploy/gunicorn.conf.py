"""gunicorn settings for Chiang Khian CMS (read with `gunicorn -c deploy/gunicorn.conf.py`).

Every value can be overridden from the environment, so the systemd unit and `make serve` use
the same file.
"""

import multiprocessing
import os

wsgi_app = "chiangkhian.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "unix:/run/chiangkhian/gunicorn.sock")
# Sync workers: pages are short CPU-bound requests; slow clients are buffered by nginx.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
# Recycle workers now and then, so a slow leak in any library never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# nginx in front is the only client; it sets X-Forwarded-For/Proto (TRUSTED_PROXY_COUNT=1).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Every request is already in the Computer Crime Act traffic log (compliance/): no second log.
accesslog = None
errorlog = "-"
# gunicorn's runtime control socket (new in 27) is not used: systemd manages the service, and
# its default path in the home directory would clash between two instances on one machine.
control_socket_disable = True
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
