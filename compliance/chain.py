"""The traffic log's hash chain: each row holds a keyed hash of the previous row's hash and of
its own content, so an edited, deleted or inserted row breaks the chain at that row.

The hash is an HMAC keyed with TRAFFIC_LOG_CHAIN_KEY (derived from SECRET_KEY when unset): the
key is not in the database, so someone who can write to the database but does not have the
site's settings cannot forge a row that verifies. Rows are numbered (`seq`) in the order they
join the chain.

Concurrent writers must not fork the chain (two rows both following the same last row). On
PostgreSQL each append takes a transaction-level advisory lock before reading the chain's end
and holds it until commit, so the next writer reads the new end; SQLite has one writer at a
time anyway.
"""

import contextlib
import datetime
import ipaddress
import json

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac

GENESIS = "0" * 64
LOCK_KEY = 7_246_118_301  # pg_advisory_xact_lock key of the traffic-log chain
FIELDS = ["ip", "method", "path", "status", "user_agent", "user_id", "username", "size"]


def _key():
    return settings.TRAFFIC_LOG_CHAIN_KEY or settings.SECRET_KEY


def canonical(row):
    at = row.at.astimezone(datetime.UTC).isoformat(timespec="microseconds")
    values = {name: getattr(row, name) for name in FIELDS}
    if values["ip"]:
        values["ip"] = str(ipaddress.ip_address(values["ip"]))
    return json.dumps([row.seq, at, values], ensure_ascii=False, sort_keys=True)


def row_hash(prev_hash, row):
    message = f"{prev_hash}|{canonical(row)}"
    return salted_hmac("compliance.trafficlog.chain", message, secret=_key(), algorithm="sha256")


@contextlib.contextmanager
def appending(using):
    """A transaction in which this process alone may add to the chain."""
    with transaction.atomic(using=using):
        connection = transaction.get_connection(using)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        yield


def link(rows):
    """Give rows their place and hashes after the current end (inside appending())."""
    from .models import TrafficLog

    last = (
        TrafficLog.objects.filter(seq__isnull=False).order_by("-seq").values("seq", "hash").first()
    )
    seq, prev = (last["seq"], last["hash"]) if last else (0, GENESIS)
    for row in rows:
        seq += 1
        row.seq, row.prev_hash = seq, prev
        row.hash = prev = row_hash(prev, row).hexdigest()


def verify(rows):
    """The first row that breaks the chain and why, or None. `rows` in chain order."""
    previous = None
    for row in rows:
        if row.seq is None:
            return row, "not in the chain (inserted around the application)"
        if previous is not None:
            if row.seq != previous.seq + 1:
                return row, f"rows {previous.seq + 1}–{row.seq - 1} are missing"
            if row.prev_hash != previous.hash:
                return row, "does not follow the previous row (a row was replaced or inserted)"
        if row.hash != row_hash(row.prev_hash, row).hexdigest():
            return row, "its content does not match its hash (edited, or forged)"
        previous = row
    return None
