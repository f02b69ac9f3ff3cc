"""The daily jobs of the monitoring, as background tasks (issue 12, part 5).

The systemd timers run the commands (check_links, send_review_digest); with TASK_BACKEND=database
the commands only hand the job to the worker, so a run of several minutes (hundreds of links,
each with its timeout) never holds the timer's process nor competes with the pages.
"""

from django_tasks import task

from .digest import send_review_digest
from .links import check_links


@task()
def check_links_task(timeout=None, workers=None):
    """Check every external link of live content; the broken ones as (url, why) pairs."""
    results = check_links(timeout=timeout, workers=workers)
    broken = [[r.url, str(r.status_code or r.error)] for r in results if not r.ok]
    return {"checked": len(results), "broken": broken}


@task()
def send_review_digest_task():
    """Send today's digest once; what was sent, or None when today's was sent already."""
    digest = send_review_digest()
    if digest is None:
        return None
    return {
        "day": str(digest.day),
        "ending": digest.ending_count,
        "review": digest.review_count,
        "recipients": digest.recipients,
    }
