"""Small ORM helpers for the workflow tests: a request, and a request moved to any status."""

import datetime

from django.utils import timezone

from catalog.demo_parts import complete_item
from catalog.models import Item, Subcategory
from chiangkhian import roles
from publishing import transitions
from publishing.models import PublicationRequest
from tests.base import PersonaTestCase, make_user

Status = PublicationRequest.Status


def item_fields(**fields):
    now = timezone.now()
    values = {
        "subcategory": Subcategory.objects.get(slug="general-news"),
        "kind": Item.Kind.NEWS,
        "title_th": "ประกาศรับชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569",
        "summary_th": "กองคลังแจ้งกำหนดการรับชำระภาษีที่ดินและสิ่งปลูกสร้าง",
        "body_th": "ผู้มีหน้าที่เสียภาษีโปรดชำระภายในเดือนเมษายน",
        "source": "กองคลัง เทศบาลตำบลเชียงเคี่ยน",
        "data_from": datetime.date(2026, 1, 1),
        "publish_at": now - datetime.timedelta(hours=1),
        "expire_at": now + datetime.timedelta(days=90),
    }
    values.update(fields)
    return values


def file_request(requester, **fields):
    pr = PublicationRequest(item=Item(**item_fields(**fields)), remarks="ขอเผยแพร่ด่วน")
    pr = transitions.file_request(publication_request=pr, by=requester)
    complete_item(pr.item)  # the typed detail and files the kind needs
    return pr


class WorkflowTestCase(PersonaTestCase):
    """The personas of tests.base, and a way to bring a request to any status."""

    def file(self, **fields):
        return file_request(self.requester, **fields)

    def bring_to(self, status, pr=None, **fields):
        """A request of self.requester moved through the workflow until it is `status`."""
        pr = pr or self.file(**fields)
        steps = {
            Status.SUBMITTED: [self.submit],
            Status.RETURNED: [self.submit, self.return_it],
            Status.CHECKED: [self.submit, self.check],
            Status.APPROVED: [self.submit, self.check, self.approve],
            Status.REJECTED: [self.submit, self.check, self.reject],
            Status.PUBLISHED: [self.submit, self.check, self.approve, self.publish],
            Status.WITHDRAWN: [self.submit, self.check, self.approve, self.publish, self.withdraw],
            Status.EXPIRED: [self.submit, self.check, self.approve, self.publish, self.expire],
        }
        for step in steps.get(status, []):
            step(pr)
        pr.refresh_from_db()
        self.assertEqual(pr.status, status)
        return pr

    def submit(self, pr):
        transitions.submit(publication_request=pr, by=pr.requester)

    def check(self, pr):
        transitions.check(publication_request=pr, by=self.checker)

    def return_it(self, pr):
        transitions.return_to_requester(publication_request=pr, by=self.checker, note="แก้ไขวันที่")

    def approve(self, pr):
        transitions.approve(publication_request=pr, by=self.approver)

    def reject(self, pr):
        transitions.reject(
            publication_request=pr,
            by=self.approver,
            reason=PublicationRequest.RejectionReason.NOT_MISSION,
            note="ไม่เกี่ยวข้องกับภารกิจของเทศบาล",
        )

    def publish(self, pr):
        transitions.publish(publication_request=pr, by=self.webmaster)

    def withdraw(self, pr):
        transitions.withdraw(publication_request=pr, by=self.webmaster, reason="ข้อมูลคลาดเคลื่อน")

    def expire(self, pr):
        item = pr.live_item
        transitions.expire(item=item, now=item.expire_at + datetime.timedelta(seconds=1))


def make_checker_who_also_requests(unit=None):
    return make_user(
        "both", roles.REQUESTER, roles.CHECKER, roles.APPROVER, roles.WEBMASTER, unit=unit
    )
