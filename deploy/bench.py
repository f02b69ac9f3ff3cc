"""`make bench`: the cost of the main public pages on the production stack of `make serve`.

Starts deploy/serve.sh with BENCH_ITEMS Thai news items (default 10,000; the data set is
kept in its own database and reused), then loads each page with wrk on the loopback, bounded
in time: uncached (a session cookie makes nginx pass every request to Django), through the page
cache, and a saved copy of the same HTML served by nginx as a file (the upper limit). It
prints one table per page: requests/s, p50, p99, and the server CPU per request (user + system
time of gunicorn and nginx from /proc, divided by the requests served). A benchmark, not a
test: nothing fails on speed. docs/performance.md keeps the latest table.
"""

import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVE = ROOT / "var" / "serve"
PORT = int(os.environ.get("PORT", "8090"))
BASE = f"http://127.0.0.1:{PORT}"
ITEMS = int(os.environ.get("BENCH_ITEMS", "10000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
TICK = os.sysconf("SC_CLK_TCK")
SEARCH_WORD = "ประเมินผล"


def main():
    env = {
        **os.environ,
        "PORT": str(PORT),
        "BENCH_ITEMS": str(ITEMS),
        "SERVE_DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL",
            f"postgres://postgres@127.0.0.1:5432/chiangkhian_bench_{ITEMS}",
        ),
    }
    serve = str(ROOT / "deploy" / "serve.sh")
    server = subprocess.Popen([serve], env=env, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_until_up(server)
        pages = _pages()
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        print(f"\n{ITEMS} items, wrk {CONNECTIONS} connections, {SECONDS} s per run, {when}\n")
        for name, path in pages:
            _bench_page(name, path, server.pid)
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)


def _wait_until_up(server, timeout=1800):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("deploy/serve.sh stopped before the site was up")
        try:
            # Not "/": nginx may answer it from a stale copy of an earlier run while gunicorn boots.
            urllib.request.urlopen(BASE + "/healthz", timeout=5)
            return
        except OSError:
            time.sleep(2)
    sys.exit("the site did not come up")


def _pages():
    listing = "/news/general-news/"
    html = _get(listing)
    item = re.search(r'href="(/news/general-news/\d+/)"', html).group(1)
    search = "/search/?q=" + urllib.parse.quote(SEARCH_WORD)
    return [
        ("home /", "/"),
        ("list, first page", listing),
        ("list, page 50", listing + "?page=50"),
        ("item page", item),
        (f"search {SEARCH_WORD}", search),
    ]


def _get(path, cookie=None):
    request = urllib.request.Request(BASE + path, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def _bench_page(name, path, root):
    SERVE.joinpath("bench").mkdir(exist_ok=True)
    copy = re.sub(r"[^a-z0-9]+", "-", urllib.parse.unquote(path).lower()).strip("-") or "home"
    copy = f"{copy[:60]}.html"
    SERVE.joinpath("bench", copy).write_text(_get(path), encoding="utf-8")
    status = _cache_status(path)
    rows = [
        ("uncached (Django)", path, "sessionid=bench"),
        (f"page cache ({status})", path, None),
        ("nginx, saved copy", f"/__bench__/{copy}", None),
    ]
    print(f"{name}: {path}")
    header = f"{'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms/req':>11} {'errors':>7}"
    print(f"  {'':24} {header} {'load':>5}")
    for label, url, cookie in rows:
        result = _wrk(url, cookie, root)
        print(
            f"  {label:24} {result['rps']:>9.1f} {result['p50']:>8.1f} {result['p99']:>8.1f}"
            f" {result['cpu_ms']:>11.2f} {result['errors']:>7} {_load():>5.2f}"
        )
    print()


def _load():
    """The machine's one-minute load average at the end of a run: other work skews req/s."""
    return float(Path("/proc/loadavg").read_text().split()[0])


def _cache_status(path):
    request = urllib.request.Request(BASE + path)
    urllib.request.urlopen(request, timeout=30).read()
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("X-Cache", "?")


def _wrk(path, cookie, root):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "30s", "--latency"]
    command.append(BASE + path)
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    before = _server_cpu(root)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = _server_cpu(root) - before
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _latency(output, "50%"),
        "p99": _latency(output, "99%"),
        "cpu_ms": 1000 * cpu / max(requests, 1),
        "errors": _errors(output),
    }


def _errors(output):
    """Non-2xx/3xx answers and socket errors (timeouts included) wrk reported."""
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    found = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return errors + (int(found.group(1)) if found else 0)


def _latency(output, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def _server_cpu(root):
    """CPU seconds of this run's gunicorn and nginx (masters and workers), exited workers included.

    Only the descendants of deploy/serve.sh started by this run: another checkout's `make serve`
    on the same machine runs the same command lines.
    """
    processes = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = stat.with_name("cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        processes[int(stat.parent.name)] = (int(fields[1]), command, ticks)
    family, grew = {root}, True
    while grew:
        more = {pid for pid, (parent, _c, _t) in processes.items() if parent in family}
        grew = not more <= family
        family |= more
    servers = {
        pid
        for pid in family
        if pid in processes and ("gunicorn" in processes[pid][1] or "nginx" in processes[pid][1])
    }
    # A master's cutime/cstime already hold its exited workers; its live workers count apart.
    return sum(processes[pid][2] for pid in servers) / TICK


if __name__ == "__main__":
    main()
