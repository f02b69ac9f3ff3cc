"""The production recipe in deploy/: what nginx and the web server's user depend on."""

import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def test_collected_static_files_are_readable_by_the_web_server(tmp_path, settings):
    """nginx runs as its own user: collected files must be world-readable (uploads stay 0640)."""
    storages = {**settings.STORAGES}
    storages["staticfiles"] = {
        **storages["staticfiles"],
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    }
    with override_settings(STATIC_ROOT=tmp_path / "static", STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    css = next((tmp_path / "static" / "css").glob("site.*.css"))
    assert stat.S_IMODE(css.stat().st_mode) == 0o644
    assert stat.S_IMODE(css.parent.stat().st_mode) == 0o755


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx-light)")
def test_nginx_accepts_the_site_parts(tmp_path):
    """The http- and server-level parts of the production site load in a real nginx."""
    http_part = (ROOT / "deploy/nginx/chiangkhian-http.conf").read_text()
    (tmp_path / "http.conf").write_text(
        http_part.replace("/var/cache/nginx/chiangkhian", str(tmp_path / "cache"))
    )
    (tmp_path / "nginx.conf").write_text(
        f"""
        pid {tmp_path}/nginx.pid;
        error_log {tmp_path}/error.log;
        events {{}}
        http {{
            include /etc/nginx/mime.types;
            client_body_temp_path {tmp_path}/body;
            proxy_temp_path {tmp_path}/proxy;
            include {tmp_path}/http.conf;
            upstream chiangkhian {{ server unix:{tmp_path}/gunicorn.sock; }}
            server {{
                listen 127.0.0.1:8999;
                set $chiangkhian_root {ROOT};
                include {ROOT}/deploy/nginx/chiangkhian-app.conf;
            }}
        }}
        """
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
