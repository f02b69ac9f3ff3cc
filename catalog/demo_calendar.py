"""Demo content of issue 13: events on the calendar, the council's documents, and procurement
results with their bids (so the สขร.1 of last month has rows to sum up).

Loaded with the rest of the catalog demo (catalog/demo.py) and in the same shape; dates are
relative to today, so the calendar always has coming events and a past month of results.
"""

import datetime
import zlib
from decimal import Decimal

from chiangkhian.thaidates import format_date

from .demo_content import DAY, FY, TODAY, K, _news, doc, month_start
from .models import CouncilDetail, ProcurementDetail

LAST_MONTH = month_start(TODAY, 1)
COUNCIL_ROOM = "ห้องประชุมสภาเทศบาลตำบลเชียงเคี่ยน ชั้น 2 สำนักงานเทศบาล"

EVENTS = [
    _news(
        "general-news",
        "ขอเชิญร่วมงานประเพณีลอยกระทงและประกวดกระทงใบตอง ประจำปี " + str(FY),
        "general",
        6,
        event_on=TODAY + 5 * DAY,
        event_ends_on=TODAY + 7 * DAY,
        location="สวนสาธารณะริมน้ำอิง บ้านเชียงเคี่ยน หมู่ 1",
        summary="ประกวดกระทงใบตอง ขบวนแห่ และการแสดงของนักเรียน สามวันสามคืน",
        text=[
            "เทศบาลตำบลเชียงเคี่ยนขอเชิญชวนพี่น้องประชาชนร่วมงานประเพณีลอยกระทง"
            " ร่วมประกวดกระทงใบตองจากวัสดุธรรมชาติ งดใช้โฟม และร่วมชมขบวนแห่ของแต่ละหมู่บ้าน",
        ],
    ),
    _news(
        "general-news",
        "โครงการหน่วยบริการเคลื่อนที่ เทศบาลพบประชาชน หมู่ที่ 8",
        "announcement",
        3,
        event_on=TODAY + 12 * DAY,
        location="ศาลาอเนกประสงค์บ้านร่องห้า หมู่ 8",
        summary="รับชำระภาษี ตรวจสุขภาพ ฉีดวัคซีนสุนัขและแมว รับเรื่องร้องเรียน ในที่เดียว",
    ),
    _news(
        "general-news",
        "ขอเชิญร่วมแข่งขันกีฬาเยาวชนและประชาชนต้านยาเสพติด เชียงเคี่ยนเกมส์",
        "general",
        10,
        event_on=TODAY + 26 * DAY,
        event_ends_on=TODAY + 28 * DAY,
        location="สนามกีฬาโรงเรียนบ้านเชียงเคี่ยน",
        summary="ฟุตบอล วอลเลย์บอล เปตอง และกีฬาพื้นบ้าน ส่งรายชื่อนักกีฬาได้ที่กองการศึกษา",
    ),
]


def _council(sub, title, document_type, *, meeting, age, time=None, text, files=True):
    meeting_on, session, number = meeting
    fields = {
        "document_type": document_type,
        "session": session,
        "meeting_number": number,
        "meeting_on": meeting_on,
        "meeting_time": time,
        "place": COUNCIL_ROOM,
    }
    return {
        "sub": sub,
        "kind": K.COUNCIL,
        "title": title,
        "unit": "palat-office",
        "source": "งานกิจการสภา สำนักปลัดเทศบาล",
        "age": age,
        "lasts": 730,
        "text": text,
        "data_from": meeting_on,
        "detail": (CouncilDetail, fields),
        "files": [doc(f"council-{zlib.crc32(title.encode()):08x}.pdf")] if files else [],
        "signer": ["(นายสุรชัย ใจมั่น)", "ประธานสภาเทศบาลตำบลเชียงเคี่ยน"],
    }


def _meeting(day, session, number):
    """(date, session, number): sessions and meetings are numbered per calendar year (B.E.)."""
    year = day.year + 543
    return day, f"{session} ประจำปี {year}", f"ครั้งที่ {number}/{year}"


NEXT_MEETING = _meeting(TODAY + 9 * DAY, "สมัยวิสามัญ สมัยที่ 1", 1)
PAST_MEETING = _meeting(TODAY - 30 * DAY, "สมัยสามัญ สมัยที่ 4", 2)
COUNCIL = [
    _council(
        "council-notices",
        f"ประกาศสภาเทศบาลตำบลเชียงเคี่ยน เรื่อง เรียกประชุมสภาเทศบาล {NEXT_MEETING[1]}",
        "notice",
        meeting=NEXT_MEETING,
        time=datetime.time(9, 30),
        age=2,
        text=[
            "อาศัยอำนาจตามมาตรา 25 แห่งพระราชบัญญัติเทศบาล พ.ศ. 2496 ประธานสภาเทศบาล"
            f" จึงเรียกประชุมสภาเทศบาลตำบลเชียงเคี่ยน {NEXT_MEETING[1]}"
            f" ในวันที่ {format_date(NEXT_MEETING[0])} เวลา 09.30 น. ณ ห้องประชุมสภาเทศบาล",
            "ระเบียบวาระ: รับรองรายงานการประชุมครั้งที่แล้ว, ญัตติขออนุมัติโอนงบประมาณ"
            " เพื่อก่อสร้างรางระบายน้ำ หมู่ 9, เรื่องอื่น ๆ",
        ],
    ),
    _council(
        "council-minutes",
        f"รายงานการประชุมสภาเทศบาลตำบลเชียงเคี่ยน {PAST_MEETING[1]} {PAST_MEETING[2]}",
        "minutes",
        meeting=PAST_MEETING,
        age=20,
        text=[
            "ผู้มาประชุม 12 คน ผู้ไม่มาประชุม 0 คน ผู้เข้าร่วมประชุม คณะผู้บริหารและหัวหน้าส่วนราชการ",
            "ระเบียบวาระที่ 3 ญัตติขออนุมัติแก้ไขเปลี่ยนแปลงคำชี้แจงงบประมาณรายจ่าย"
            " ที่ประชุมมีมติเห็นชอบ 11 เสียง งดออกเสียง 1 เสียง",
        ],
    ),
    _council(
        "resolutions",
        f"มติสภาเทศบาลตำบลเชียงเคี่ยน {PAST_MEETING[2]} เรื่อง อนุมัติแก้ไขเปลี่ยนแปลงคำชี้แจงงบประมาณรายจ่าย",
        "resolution",
        meeting=PAST_MEETING,
        age=20,
        text=[
            "ที่ประชุมสภาเทศบาลตำบลเชียงเคี่ยนมีมติอนุมัติให้แก้ไขเปลี่ยนแปลงคำชี้แจงงบประมาณรายจ่าย"
            " หมวดค่าครุภัณฑ์ ที่ดินและสิ่งก่อสร้าง รายการก่อสร้างรางระบายน้ำ คสล. หมู่ 9",
            "มติเห็นชอบ 11 เสียง ไม่เห็นชอบ 0 เสียง งดออกเสียง 1 เสียง",
        ],
    ),
]


def _result(title, *, method, budget, reference, bids, reason, contract, day, number=""):
    winner, agreed = bids[0]
    fields = {
        "stage": ProcurementDetail.Stage.RESULT,
        "method": method,
        "project_number": number,
        "budget": Decimal(budget),
        "reference_price": Decimal(reference) if reference else None,
        "announced_on": day - 2 * DAY,
        "winner": winner,
        "agreed_price": Decimal(agreed),
        "contract_number": contract,
        "contract_on": day,
        "selection_reason": reason,
    }
    return {
        "sub": "procurement-results",
        "kind": K.PROCUREMENT,
        "title": title,
        "unit": "finance",
        "source": "งานพัสดุ กองคลัง",
        "published": day - DAY,
        "lasts": 365,
        "data_from": day - 2 * DAY,
        "text": [f"ผู้ได้รับการคัดเลือก {winner} ราคาที่ตกลง {Decimal(agreed):,.2f} บาท"],
        "detail": (ProcurementDetail, fields),
        "bids": [{"bidder": name, "price": Decimal(price)} for name, price in bids],
        "files": [doc(f"procurement-{zlib.crc32(title.encode()):08x}.pdf")],
        "signer": True,
    }


RESULTS = [
    _result(
        "ประกาศผลผู้ได้รับการคัดเลือก จัดซื้อวัสดุสำนักงาน กองคลัง โดยวิธีเฉพาะเจาะจง",
        method="specific",
        budget="18450",
        reference="18450",
        bids=[("ร้านเทิงพาณิชย์", "18450")],
        reason="ผู้เสนอราคาต่ำสุด มีคุณสมบัติครบตามเงื่อนไข",
        contract=f"ใบสั่งซื้อเลขที่ 41/{FY}",
        day=LAST_MONTH + 3 * DAY,
    ),
    _result(
        "ประกาศผลผู้ได้รับการคัดเลือก จ้างซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ หมู่ 6 โดยวิธีเฉพาะเจาะจง",
        method="specific",
        budget="42000",
        reference="42000",
        bids=[("ร้านเชียงเคี่ยนการไฟฟ้า", "41500")],
        reason="ผู้เสนอราคาต่ำสุด มีคุณสมบัติครบตามเงื่อนไข",
        contract=f"ใบสั่งจ้างเลขที่ 27/{FY}",
        day=LAST_MONTH + 9 * DAY,
    ),
    _result(
        "ประกาศผู้ชนะการเสนอราคา ซื้อครุภัณฑ์คอมพิวเตอร์ ศูนย์พัฒนาเด็กเล็ก ด้วยวิธีตลาดอิเล็กทรอนิกส์ (e-market)",
        method="e_market",
        budget="96500",
        reference="96000",
        bids=[
            ("บริษัท เชียงรายคอมพิวเตอร์ จำกัด", "89900"),
            ("ห้างหุ้นส่วนจำกัด ไอทีเทิง", "92500"),
            ("บริษัท ล้านนาดิจิทัล จำกัด", "95000"),
        ],
        reason="ผู้เสนอราคาต่ำสุดและเอกสารถูกต้องครบถ้วน",
        contract=f"สัญญาซื้อขายเลขที่ 8/{FY}",
        day=LAST_MONTH + 16 * DAY,
        number=f"{FY % 100}{LAST_MONTH.month:02d}9007788",
    ),
]  # fmt: skip

ITEMS = [*EVENTS, *COUNCIL, *RESULTS]
