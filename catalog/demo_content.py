"""The demo municipality's published information, one dict per item (see catalog/demo.py).

Keys: sub, kind, title, and optionally title_en, summary, body, unit, source, age (days since
publication), lasts (days of publication; 0 = no end), status, detail (model, fields), steps,
documents, people, files (name, title, role, paragraphs, pages), photos (scene, alt, caption).
"""

import datetime
import zlib
from decimal import Decimal

from django.utils import timezone

from .models import (
    Item,
    KnowledgeDetail,
    LawDetail,
    LinkDetail,
    ManualDetail,
    NewsDetail,
    ProcurementDetail,
)

K = Item.Kind
D = datetime.date
TODAY = timezone.localdate()
MINUTES, WORKING_DAYS, DAYS, HOURS = "minutes", "working_days", "days", "hours"

BUDGET_TEXT = [
    "โดยที่เป็นการสมควรตราเทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569 อาศัยอำนาจ"
    "ตามความในพระราชบัญญัติเทศบาล พ.ศ. 2496 และที่แก้ไขเพิ่มเติม มาตรา 65 จึงตราเทศบัญญัติขึ้นไว้"
    "โดยความเห็นชอบของสภาเทศบาลตำบลเชียงเคี่ยนและโดยอนุมัติของผู้ว่าราชการจังหวัดเชียงราย",
    "ข้อ 1 เทศบัญญัตินี้เรียกว่า เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
    "ข้อ 2 เทศบัญญัตินี้ให้ใช้บังคับตั้งแต่วันที่ 1 ตุลาคม พ.ศ. 2568 เป็นต้นไป",
    "ข้อ 3 งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569 เป็นจำนวนรวมทั้งสิ้น 58,750,000 บาท"
    " แยกเป็นรายจ่ายตามแผนงาน ได้แก่ แผนงานบริหารงานทั่วไป แผนงานการรักษาความสงบภายใน"
    " แผนงานการศึกษา แผนงานสาธารณสุข แผนงานสังคมสงเคราะห์ แผนงานเคหะและชุมชน"
    " แผนงานสร้างความเข้มแข็งของชุมชน แผนงานการศาสนาวัฒนธรรมและนันทนาการ"
    " แผนงานการเกษตร และแผนงานงบกลาง",
    "ข้อ 4 ให้นายกเทศมนตรีตำบลเชียงเคี่ยนปฏิบัติการเบิกจ่ายเงินงบประมาณที่ได้รับอนุมัติให้เป็นไป"
    "ตามระเบียบการเบิกจ่ายเงินของเทศบาล และรักษาการให้เป็นไปตามเทศบัญญัตินี้",
]
PLAN_TEXT = [
    "เทศบาลตำบลเชียงเคี่ยนได้จัดทำแผนฉบับนี้โดยกระบวนการมีส่วนร่วมของประชาชนทั้ง 12 หมู่บ้าน"
    " ผ่านการประชุมประชาคมหมู่บ้านและประชาคมตำบล ร่วมกับคณะกรรมการพัฒนาเทศบาล",
    "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน ถนน ไฟฟ้า ประปา และแหล่งน้ำเพื่อการเกษตร",
    "ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต การศึกษา สาธารณสุข และสวัสดิการสังคม",
    "ยุทธศาสตร์ที่ 3 การส่งเสริมเศรษฐกิจชุมชน การเกษตรปลอดภัย และการท่องเที่ยวเชิงวัฒนธรรม",
    "ยุทธศาสตร์ที่ 4 การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมลุ่มน้ำอิง",
    "ยุทธศาสตร์ที่ 5 การบริหารจัดการบ้านเมืองที่ดี โปร่งใส ตรวจสอบได้",
]
MANUAL_TEXT = [
    "คู่มือนี้จัดทำขึ้นตามพระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ"
    " พ.ศ. 2558 เพื่อให้ประชาชนทราบหลักเกณฑ์ วิธีการ เงื่อนไข ขั้นตอน ระยะเวลา และเอกสาร"
    "ที่ต้องใช้ในการยื่นคำขอ",
    "ผู้ยื่นคำขอสามารถติดต่อได้ที่สำนักงานเทศบาลตำบลเชียงเคี่ยน ในวันและเวลาราชการ"
    " วันจันทร์ถึงวันศุกร์ ตั้งแต่เวลา 08.30 - 16.30 น. (มีพักเที่ยง)",
    "กรณีคำขอหรือเอกสารหลักฐานไม่ครบถ้วน เจ้าหน้าที่จะบันทึกความบกพร่องและรายการเอกสาร"
    "ที่ต้องยื่นเพิ่มเติม โดยผู้ยื่นคำขอต้องดำเนินการแก้ไขภายในระยะเวลาที่กำหนด",
]
FORM_TEXT = [
    "เขียนที่ ........................................ วันที่ ...... เดือน .................. พ.ศ. ..........",
    "ข้าพเจ้า (นาย/นาง/นางสาว) ...................................................................."
    " เลขประจำตัวประชาชน ............................................ อายุ ........ ปี",
    "อยู่บ้านเลขที่ .......... หมู่ที่ ...... ตำบลเชียงเคี่ยน อำเภอเทิง จังหวัดเชียงราย"
    " โทรศัพท์ ..............................",
    "มีความประสงค์ ............................................................................"
    "..............................................................................................",
    "ลงชื่อ ........................................ ผู้ยื่นคำขอ",
]
REPORT_TEXT = [
    "รายงานฉบับนี้สรุปผลการดำเนินงานตามแผนงานและโครงการของเทศบาลตำบลเชียงเคี่ยน"
    " เพื่อเผยแพร่ให้ประชาชนได้รับทราบและตรวจสอบได้ตามหลักธรรมาภิบาล",
    "ผลการดำเนินงานภาพรวมดำเนินการแล้วเสร็จร้อยละ 87.5 ของโครงการทั้งหมดในแผนการดำเนินงาน",
    "ปัญหาและอุปสรรคที่พบ ได้แก่ สภาพอากาศในฤดูฝน ทำให้โครงการก่อสร้างบางส่วนล่าช้า"
    " ซึ่งได้ขยายระยะเวลาตามสัญญาและดำเนินการแล้วเสร็จในไตรมาสถัดไป",
]


def doc(name, title, paragraphs=REPORT_TEXT, pages=1, role="document"):
    return (name, title, role, paragraphs, pages)


def form(name, title):
    return (name, title, "form", FORM_TEXT, 1)


def days_ago(n, hour=9):
    moment = timezone.now() - datetime.timedelta(days=n)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


GENERAL = [
    {
        "sub": "history",
        "kind": K.PAGE,
        "title": "ประวัติความเป็นมาเทศบาลตำบลเชียงเคี่ยน",
        "title_en": "History of Chiang Khian Subdistrict Municipality",
        "summary": "จากสุขาภิบาลริมน้ำอิงสู่เทศบาลตำบลที่ดูแลประชาชน 12 หมู่บ้าน",
        "body": "<p>ตำบลเชียงเคี่ยนตั้งอยู่ริมแม่น้ำอิง ทางทิศเหนือของอำเภอเทิง จังหวัดเชียงราย"
        " เดิมเป็นชุมชนเกษตรกรรมที่อพยพมาจากเมืองน่านและเมืองพะเยาเมื่อกว่าร้อยปีก่อน</p>"
        "<p>องค์การบริหารส่วนตำบลเชียงเคี่ยนจัดตั้งขึ้นเมื่อปี พ.ศ. 2539 และได้รับการยกฐานะ"
        "เป็น<strong>เทศบาลตำบลเชียงเคี่ยน</strong> ตามประกาศกระทรวงมหาดไทย"
        " มีผลตั้งแต่วันที่ 24 สิงหาคม พ.ศ. 2555</p>"
        "<h2>ข้อมูลทั่วไป</h2><ul><li>พื้นที่ประมาณ 72 ตารางกิโลเมตร</li>"
        "<li>12 หมู่บ้าน ประชากรประมาณ 8,900 คน</li>"
        "<li>อาชีพหลัก: ทำนา ปลูกข้าวโพด ยางพารา และเลี้ยงปลาในลำน้ำอิง</li></ul>",
        "source": "สำนักปลัดเทศบาล",
        "lasts": 0,
        "age": 400,
        "photos": [("town", "อาคารสำนักงานเทศบาลตำบลเชียงเคี่ยน", "สำนักงานเทศบาล")],
    },
    {
        "sub": "vision",
        "kind": K.PAGE,
        "title": "วิสัยทัศน์และพันธกิจ",
        "title_en": "Vision and mission",
        "body": "<h2>วิสัยทัศน์</h2><p><strong>“เชียงเคี่ยนน่าอยู่ เศรษฐกิจชุมชนเข้มแข็ง"
        " สิ่งแวดล้อมยั่งยืน บริหารโปร่งใส”</strong></p><h2>พันธกิจ</h2><ol>"
        "<li>พัฒนาโครงสร้างพื้นฐานให้ได้มาตรฐานและทั่วถึง</li>"
        "<li>ส่งเสริมคุณภาพชีวิต การศึกษา และสุขภาพของประชาชนทุกช่วงวัย</li>"
        "<li>ส่งเสริมเศรษฐกิจฐานรากและการเกษตรปลอดภัย</li>"
        "<li>อนุรักษ์ทรัพยากรธรรมชาติและลุ่มน้ำอิง</li>"
        "<li>บริหารงานด้วยหลักธรรมาภิบาล เปิดเผย ตรวจสอบได้</li></ol>",
        "source": "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)",
        "lasts": 0,
        "age": 300,
    },
    {
        "sub": "structure",
        "kind": K.PERSON,
        "title": "โครงสร้างส่วนราชการเทศบาลตำบลเชียงเคี่ยน",
        "title_en": "Organisational structure",
        "summary": "หัวหน้าส่วนราชการ 5 สำนัก/กอง และช่องทางติดต่อ",
        "source": "ประกาศเทศบาลตำบลเชียงเคี่ยน เรื่อง โครงสร้างส่วนราชการ",
        "lasts": 0,
        "age": 200,
        "people": [
            {
                "name": "นางสาวอาทิตยา วราห์วิโรจน์",
                "position": "รองปลัดเทศบาล รักษาราชการแทนปลัดเทศบาล",
                "unit": "สำนักปลัดเทศบาล",
                "phone": "053-795-123 ต่อ 101",
            },
            {
                "name": "นางสาวฐิตาภรณ์ ดูแก้ว",
                "position": "หัวหน้าสำนักปลัด",
                "unit": "สำนักปลัดเทศบาล",
                "phone": "053-795-123 ต่อ 102",
            },
            {
                "name": "นางพรทิพย์ สุขเกษม",
                "position": "ผู้อำนวยการกองคลัง",
                "unit": "กองคลัง",
                "phone": "053-795-123 ต่อ 201",
            },
            {
                "name": "นายวีระพงษ์ ปัญญาดี",
                "position": "ผู้อำนวยการกองช่าง",
                "unit": "กองช่าง",
                "phone": "053-795-123 ต่อ 301",
            },
            {
                "name": "นางอรุณี ศรีวงค์",
                "position": "ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม",
                "unit": "กองสาธารณสุขและสิ่งแวดล้อม",
                "phone": "053-795-123 ต่อ 401",
            },
        ],
        "files": [doc("structure.pdf", "แผนภูมิโครงสร้างส่วนราชการเทศบาลตำบลเชียงเคี่ยน")],
    },
    {
        "sub": "executives",
        "kind": K.PERSON,
        "title": "คณะผู้บริหารเทศบาลตำบลเชียงเคี่ยน",
        "title_en": "Executives",
        "source": "สำนักปลัดเทศบาล",
        "lasts": 0,
        "age": 250,
        "people": [
            {
                "name": "นายอินโพธิ์ หน่อแหวน",
                "position": "นายกเทศมนตรีตำบลเชียงเคี่ยน",
                "unit": "คณะผู้บริหาร",
                "phone": "053-795-123 ต่อ 100",
                "on_home_page": True,
            },
            {
                "name": "นายสมบัติ ใจมา",
                "position": "รองนายกเทศมนตรี และผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)",
                "unit": "คณะผู้บริหาร",
                "phone": "053-795-123 ต่อ 103",
                "on_home_page": True,
            },
            {
                "name": "นายประเสริฐ คำปัน",
                "position": "รองนายกเทศมนตรี",
                "unit": "คณะผู้บริหาร",
                "on_home_page": True,
            },
            {
                "name": "นางศรีนวล อินต๊ะ",
                "position": "เลขานุการนายกเทศมนตรี",
                "unit": "คณะผู้บริหาร",
                "on_home_page": True,
            },
        ],
    },
    {
        "sub": "duties",
        "kind": K.PAGE,
        "title": "อำนาจหน้าที่ของเทศบาลตำบลเชียงเคี่ยน",
        "title_en": "Authority and duties",
        "body": "<p>เทศบาลตำบลมีอำนาจหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. 2496 มาตรา 50 และมาตรา 51"
        " และตามพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น"
        " พ.ศ. 2542 มาตรา 16 ได้แก่</p><ul><li>รักษาความสงบเรียบร้อยของประชาชน</li>"
        "<li>ให้มีและบำรุงทางบกและทางน้ำ</li><li>รักษาความสะอาดของถนน ที่สาธารณะ"
        " และการกำจัดมูลฝอยและสิ่งปฏิกูล</li><li>ป้องกันและระงับโรคติดต่อ</li>"
        "<li>ให้มีเครื่องใช้ในการดับเพลิง</li><li>ให้ราษฎรได้รับการศึกษาอบรม</li>"
        "<li>ส่งเสริมการพัฒนาสตรี เด็ก เยาวชน ผู้สูงอายุ และผู้พิการ</li>"
        "<li>บำรุงศิลปะ จารีตประเพณี ภูมิปัญญาท้องถิ่น และวัฒนธรรมอันดีของท้องถิ่น</li></ul>",
        "source": "พระราชบัญญัติเทศบาล พ.ศ. 2496",
        "lasts": 0,
        "age": 500,
    },
    {
        "sub": "strategy",
        "kind": K.DOCUMENT,
        "title": "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570) เทศบาลตำบลเชียงเคี่ยน",
        "summary": "ยุทธศาสตร์การพัฒนา 5 ด้าน และบัญชีโครงการพัฒนา",
        "source": "งานวิเคราะห์นโยบายและแผน สำนักปลัดเทศบาล",
        "data_from": D(2022, 10, 1),
        "data_to": D(2027, 9, 30),
        "lasts": 900,
        "age": 120,
        "files": [
            doc(
                "local-development-plan-2566-2570.pdf",
                "แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)",
                PLAN_TEXT,
                6,
            )
        ],
    },
    {
        "sub": "action-plan",
        "kind": K.DOCUMENT,
        "title": "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
        "source": "งานวิเคราะห์นโยบายและแผน สำนักปลัดเทศบาล",
        "data_from": D(2025, 10, 1),
        "data_to": D(2026, 9, 30),
        "age": 40,
        "files": [
            doc("action-plan-2569.pdf", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", PLAN_TEXT, 4)
        ],
    },
    {
        "sub": "projects",
        "kind": K.DOCUMENT,
        "title": "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านเชียงเคี่ยน หมู่ที่ 1 - หมู่ที่ 4",
        "summary": "ถนนกว้าง 5 เมตร ยาว 850 เมตร งบประมาณ 2,480,000 บาท จากเทศบัญญัติปี 2569",
        "unit": "engineering",
        "age": 30,
        "files": [
            doc(
                "road-project-moo1-moo4.pdf",
                "รายละเอียดโครงการก่อสร้างถนน คสล. หมู่ 1 - หมู่ 4",
                REPORT_TEXT,
                2,
            )
        ],
    },
    {
        "sub": "budget",
        "kind": K.DOCUMENT,
        "title": "เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
        "title_en": "Budget ordinance for fiscal year 2026",
        "summary": "งบประมาณรายจ่ายรวมทั้งสิ้น 58,750,000 บาท",
        "unit": "finance",
        "data_from": D(2025, 10, 1),
        "data_to": D(2026, 9, 30),
        "age": 60,
        "files": [
            doc(
                "budget-ordinance-2569.pdf",
                "เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569",
                BUDGET_TEXT,
                12,
            )
        ],
    },
    {
        "sub": "contact",
        "kind": K.PAGE,
        "title": "ข้อมูลการติดต่อและแผนที่สำนักงาน",
        "title_en": "Contacts and map",
        "body": "<p><strong>เทศบาลตำบลเชียงเคี่ยน</strong><br>เลขที่ 99 หมู่ 1 ตำบลเชียงเคี่ยน"
        " อำเภอเทิง จังหวัดเชียงราย 57160</p><table><tbody>"
        '<tr><th scope="row">โทรศัพท์</th><td>053-795-123</td></tr>'
        '<tr><th scope="row">โทรสาร</th><td>053-795-124</td></tr>'
        '<tr><th scope="row">อีเมล</th><td>saraban@chiangkhian.example</td></tr>'
        '<tr><th scope="row">เวลาทำการ</th><td>จันทร์ - ศุกร์ 08.30 - 16.30 น.</td></tr>'
        '</tbody></table><p><a href="https://www.openstreetmap.org/?mlat=19.7359&amp;'
        'mlon=100.1648#map=16/19.7359/100.1648">แผนที่ไปสำนักงาน (OpenStreetMap)</a></p>',
        "lasts": 0,
        "age": 100,
    },
]

LAWS = [
    (
        "acts",
        "พระราชบัญญัติเทศบาล พ.ศ. 2496",
        {
            "issuer": "รัฐสภา",
            "enacted_on": D(1953, 2, 14),
            "gazette_volume": "70",
            "gazette_part": "12",
            "gazette_page": "199",
            "gazette_date": D(1953, 2, 17),
        },
    ),
    (
        "acts",
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        {
            "issuer": "รัฐสภา",
            "enacted_on": D(1997, 9, 2),
            "gazette_volume": "114",
            "gazette_part": "46 ก",
            "gazette_page": "1",
            "gazette_date": D(1997, 9, 10),
        },
    ),
    (
        "acts",
        "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
        {
            "issuer": "สภานิติบัญญัติแห่งชาติ",
            "enacted_on": D(2017, 2, 15),
            "gazette_volume": "134",
            "gazette_part": "24 ก",
            "gazette_page": "1",
            "gazette_date": D(2017, 2, 24),
        },
    ),
    (
        "acts",
        "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
        {
            "issuer": "สภานิติบัญญัติแห่งชาติ",
            "enacted_on": D(2019, 5, 24),
            "gazette_volume": "136",
            "gazette_part": "69 ก",
            "gazette_page": "52",
            "gazette_date": D(2019, 5, 27),
        },
    ),
    (
        "acts",
        "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
        {
            "issuer": "สภานิติบัญญัติแห่งชาติ",
            "enacted_on": D(2015, 1, 14),
            "gazette_volume": "132",
            "gazette_part": "4 ก",
            "gazette_page": "1",
            "gazette_date": D(2015, 1, 22),
        },
    ),
    (
        "ordinances",
        "เทศบัญญัติเทศบาลตำบลเชียงเคี่ยน เรื่อง การควบคุมการเลี้ยงหรือปล่อยสัตว์ พ.ศ. 2567",
        {
            "issuer": "เทศบาลตำบลเชียงเคี่ยน",
            "enacted_on": D(2024, 6, 18),
            "reference_note": "ประกาศ ณ สำนักงานเทศบาลตำบลเชียงเคี่ยน โดยความเห็นชอบของสภาเทศบาล",
        },
    ),
    (
        "ordinances",
        "เทศบัญญัติเทศบาลตำบลเชียงเคี่ยน เรื่อง การจัดการสิ่งปฏิกูลและมูลฝอย พ.ศ. 2566",
        {
            "issuer": "เทศบาลตำบลเชียงเคี่ยน",
            "enacted_on": D(2023, 3, 9),
            "reference_note": "ประกาศ ณ สำนักงานเทศบาลตำบลเชียงเคี่ยน และที่ทำการผู้ใหญ่บ้านทุกหมู่บ้าน",
        },
    ),
    (
        "regulations",
        "ประกาศเทศบาลตำบลเชียงเคี่ยน เรื่อง มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
        {
            "issuer": "นายกเทศมนตรีตำบลเชียงเคี่ยน",
            "enacted_on": D(2019, 10, 2),
            "reference_note": "ประกาศ ณ วันที่ 2 ตุลาคม พ.ศ. 2562",
        },
    ),
    (
        "regulations",
        "คำสั่งเทศบาลตำบลเชียงเคี่ยน เรื่อง แต่งตั้งผู้รับผิดชอบการเผยแพร่ข้อมูลทางเว็บไซต์",
        {
            "issuer": "นายกเทศมนตรีตำบลเชียงเคี่ยน",
            "enacted_on": D(2024, 10, 1),
            "reference_note": "คำสั่งเทศบาลตำบลเชียงเคี่ยน ที่ 412/2567",
        },
    ),
]


def _law(sub, title, fields):
    local = sub != "acts"
    return {
        "sub": sub,
        "kind": K.LAW,
        "title": title,
        "source": fields["issuer"],
        "data_from": fields["enacted_on"],
        "lasts": 0,
        "no_end_reason": "กฎหมายที่ยังมีผลใช้บังคับ",
        "age": 150 if local else 700,
        "detail": (
            LawDetail,
            {**fields, "reference_url": "" if local else "https://ratchakitcha.soc.go.th/"},
        ),
        "files": [
            doc(
                f"law-{zlib.crc32(title.encode())}.pdf", title, BUDGET_TEXT[:1] + MANUAL_TEXT[:1], 3
            )
        ]
        if local
        else [],
    }


KNOWLEDGE = [
    (
        "knowledge-news",
        "วิธีป้องกันโรคไข้เลือดออกช่วงฤดูฝน ด้วยมาตรการ 3 เก็บ 3 โรค",
        "กรมควบคุมโรค กระทรวงสาธารณสุข",
        "https://ddc.moph.go.th/",
        "public-health",
        "",
    ),
    (
        "multimedia",
        "คลิปแนะนำการคัดแยกขยะในครัวเรือน ลดขยะต้นทาง",
        "กองสาธารณสุขและสิ่งแวดล้อม เทศบาลตำบลเชียงเคี่ยน",
        "",
        "public-health",
        "https://www.youtube.com/",
    ),
    (
        "articles",
        "ยื่นแบบและชำระภาษีที่ดินและสิ่งปลูกสร้าง ปี 2569 ทำอย่างไร",
        "งานพัฒนาและจัดเก็บรายได้ กองคลัง",
        "",
        "finance",
        "",
    ),
    (
        "research",
        "การศึกษาปริมาณและองค์ประกอบขยะมูลฝอยชุมชน ตำบลเชียงเคี่ยน",
        "มหาวิทยาลัยราชภัฏเชียงราย ร่วมกับเทศบาลตำบลเชียงเคี่ยน",
        "",
        "public-health",
        "",
    ),
    (
        "statistics",
        "ข้อมูลจำนวนประชากรตำบลเชียงเคี่ยน แยกตามหมู่บ้าน",
        "สำนักทะเบียนท้องถิ่นเทศบาลตำบลเชียงเคี่ยน",
        "",
        "palat-office",
        "",
    ),
]
POPULATION = (
    '<table><caption>จำนวนประชากร ณ วันที่ 30 กันยายน 2568</caption><thead><tr><th scope="col">'
    'หมู่ที่</th><th scope="col">ชาย</th><th scope="col">หญิง</th><th scope="col">รวม</th>'
    "</tr></thead><tbody>"
    + "".join(
        f"<tr><td>{moo}</td><td>{male}</td><td>{female}</td><td>{male + female}</td></tr>"
        for moo, male, female in [
            (1, 412, 437),
            (2, 366, 380),
            (3, 298, 311),
            (4, 355, 372),
            (5, 401, 398),
            (6, 287, 305),
        ]  # fmt: skip
    )
    + "</tbody></table>"
)


def _knowledge(sub, title, citation, url, unit, media):
    return {
        "sub": sub,
        "kind": K.KNOWLEDGE,
        "title": title,
        "unit": unit,
        "source": citation,
        "age": 25,
        "body": POPULATION if sub == "statistics" else "<p>" + MANUAL_TEXT[0] + "</p>",
        "detail": (
            KnowledgeDetail,
            {
                "citation": citation,
                "source_url": url,
                "data_at": days_ago(26, 14),
                "media_url": media,
            },
        ),
        "files": [doc("waste-study.pdf", title, REPORT_TEXT, 5)] if sub == "research" else [],
    }


LINKS = [
    ("agencies", "กรมส่งเสริมการปกครองท้องถิ่น", "กระทรวงมหาดไทย", "https://www.dla.go.th/", "agency"),
    ("agencies", "จังหวัดเชียงราย", "ศาลากลางจังหวัดเชียงราย", "https://www.chiangrai.go.th/", "agency"),
    (
        "agencies",
        "สำนักงานคณะกรรมการข้อมูลข่าวสารของราชการ",
        "สำนักงานปลัดสำนักนายกรัฐมนตรี",
        "https://www.oic.go.th/",
        "agency",
    ),
    (
        "agencies",
        "ระบบการจัดซื้อจัดจ้างภาครัฐ (e-GP)",
        "กรมบัญชีกลาง",
        "https://www.gprocurement.go.th/",
        "agency",
    ),
    (
        "other-links",
        "ราชกิจจานุเบกษา",
        "สำนักเลขาธิการคณะรัฐมนตรี",
        "https://ratchakitcha.soc.go.th/",
        "website",
    ),
    ("other-links", "พยากรณ์อากาศภาคเหนือ", "กรมอุตุนิยมวิทยา", "https://www.tmd.go.th/", "website"),
    (
        "online-services",
        "แจ้งเรื่องร้องเรียน ร้องทุกข์ ผ่านศูนย์ดำรงธรรม",
        "ศูนย์ดำรงธรรม กระทรวงมหาดไทย",
        "https://www.damrongdhama.moi.go.th/",
        "e_service",
    ),
    (
        "online-services",
        "ร้องเรียนการทุจริตและประพฤติมิชอบ",
        "สำนักงาน ป.ป.ช.",
        "https://www.nacc.go.th/",
        "e_service",
    ),
    (
        "online-services",
        "ยื่นคำขอลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุออนไลน์",
        "เทศบาลตำบลเชียงเคี่ยน",
        "https://www.dla.go.th/",
        "e_service",
    ),
]


def _link(sub, title, agency, url, link_type):
    return {
        "sub": sub,
        "kind": K.LINK,
        "title": title,
        "source": agency,
        "summary": f"เว็บไซต์ของ{agency}"
        if link_type != "e_service"
        else f"บริการออนไลน์โดย{agency} ใช้งานได้ตลอด 24 ชั่วโมง",
        "lasts": 0,
        "no_end_reason": "ลิงก์หน่วยงานที่ตรวจสอบทุกปี",
        "age": 90,
        "detail": (LinkDetail, {"agency": agency, "url": url, "link_type": link_type}),
    }


PUBLIC_INFO = [
    ("section-7", "โครงสร้างการจัดองค์กร อำนาจหน้าที่ และสถานที่ติดต่อ (มาตรา 7)", 1),
    ("section-9", "ดัชนีข้อมูลข่าวสารที่ประชาชนตรวจดูได้ (มาตรา 9)", 2),
    ("procurement-plan", "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569", 3),
    ("procurement-summary", "สรุปผลการจัดซื้อจัดจ้างประจำเดือนตุลาคม 2568 (แบบ สขร.1)", 2),
    ("procurement-summary", "สรุปผลการจัดซื้อจัดจ้างประจำเดือนพฤศจิกายน 2568 (แบบ สขร.1)", 2),
    ("personnel", "แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569", 4),
    ("integrity", "ประกาศเจตนารมณ์การป้องกันการทุจริต และนโยบายไม่รับของขวัญ (No Gift Policy)", 1),
    ("integrity", "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569", 3),
    ("complaints", "คู่มือการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", 6),
    ("reports", "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2568", 8),
    ("visitors", "รายงานสถิติผู้เข้าชมเว็บไซต์ ปีงบประมาณ พ.ศ. 2568", 2),
    ("satisfaction", "รายงานผลการสำรวจความพึงพอใจของผู้รับบริการ ประจำปี 2568", 5),
]


def _public(sub, title, pages, n):
    return {
        "sub": sub,
        "kind": K.DOCUMENT,
        "title": title,
        "unit": "finance" if "procurement" in sub else "palat-office",
        "age": 20 + 9 * n,
        "data_from": D(2025, 10, 1),
        "data_to": D(2026, 9, 30),
        "files": [doc(f"public-{sub}-{n}.pdf", title, REPORT_TEXT, pages)],
    }


def _step(text, unit, amount, duration_unit):
    return {
        "description_th": text,
        "responsible_unit": unit,
        "duration_amount": amount,
        "duration_unit": duration_unit,
    }


def _manual(sub, title, manual_type, unit_text, unit, fee, steps, documents, forms=()):
    citizen = manual_type == "citizen"
    return {
        "sub": sub,
        "kind": K.MANUAL,
        "title": title,
        "unit": unit,
        "lasts": 0,
        "no_end_reason": "คู่มือที่ใช้อยู่จนกว่าจะมีการปรับปรุง",
        "age": 80,
        "body": "<p>" + MANUAL_TEXT[0] + "</p>" if citizen else "",
        "detail": (
            ManualDetail,
            {
                "manual_type": manual_type,
                "responsible_unit": unit_text,
                "service_place": "สำนักงานเทศบาลตำบลเชียงเคี่ยน โทร 053-795-123\nวันจันทร์ - ศุกร์ 08.30 - 16.30 น."
                if citizen
                else "",
                "legal_basis": "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558"
                if citizen
                else "",
                "fee": fee,
                "fee_note": "ชำระที่กองคลัง" if fee else "",
            },
        ),
        "steps": [_step(*step) for step in steps],
        "documents": [{"name_th": name, "copies": copies} for name, copies in documents],
        "files": [doc(f"manual-{zlib.crc32(title.encode())}.pdf", title, MANUAL_TEXT, 3), *forms],
    }


MANUALS = [
    _manual(
        "service-manuals",
        "การลงทะเบียนและยื่นคำขอรับเงินเบี้ยยังชีพผู้สูงอายุ",
        "citizen",
        "งานพัฒนาชุมชน สำนักปลัดเทศบาล",
        "palat-office",
        Decimal("0"),
        [
            (
                "ผู้ยื่นคำขอยื่นแบบคำขอพร้อมเอกสาร เจ้าหน้าที่ตรวจสอบความครบถ้วน",
                "งานพัฒนาชุมชน สำนักปลัด",
                15,
                MINUTES,
            ),
            ("ตรวจสอบคุณสมบัติและบันทึกข้อมูลในระบบสารสนเทศ", "งานพัฒนาชุมชน สำนักปลัด", 30, MINUTES),
            ("เสนอนายกเทศมนตรีพิจารณาอนุมัติและแจ้งผลแก่ผู้ยื่นคำขอ", "สำนักปลัดเทศบาล", 1, WORKING_DAYS),
        ],
        [("บัตรประจำตัวประชาชน", 1), ("ทะเบียนบ้าน", 1), ("สมุดบัญชีเงินฝากธนาคาร", 1)],
        [form("form-elderly-allowance.pdf", "แบบคำขอลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ")],
    ),
    _manual(
        "service-manuals",
        "การขออนุญาตก่อสร้างอาคาร ตามมาตรา 21 แห่ง พ.ร.บ.ควบคุมอาคาร พ.ศ. 2522",
        "citizen",
        "กองช่าง เทศบาลตำบลเชียงเคี่ยน",
        "engineering",
        Decimal("120"),
        [
            ("ยื่นคำขออนุญาต (แบบ ข.1) พร้อมแบบแปลน", "กองช่าง", 30, MINUTES),
            ("ตรวจสอบแบบแปลนและสถานที่ก่อสร้าง", "กองช่าง", 7, WORKING_DAYS),
            ("พิจารณาออกใบอนุญาต (แบบ อ.1)", "กองช่าง", 30, WORKING_DAYS),
            ("แจ้งผลและชำระค่าธรรมเนียม", "กองคลัง", 1, HOURS),
        ],
        [("บัตรประจำตัวประชาชน", 1), ("สำเนาโฉนดที่ดิน", 1), ("แบบแปลนอาคาร", 5)],
        [form("form-building-permit.pdf", "แบบคำขออนุญาตก่อสร้างอาคาร (แบบ ข.1)")],
    ),
    _manual(
        "service-manuals",
        "การขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ",
        "citizen",
        "กองสาธารณสุขและสิ่งแวดล้อม",
        "public-health",
        Decimal("500"),
        [
            ("ยื่นคำขอและตรวจเอกสาร", "กองสาธารณสุขและสิ่งแวดล้อม", 20, MINUTES),
            ("ตรวจสถานประกอบการ", "กองสาธารณสุขและสิ่งแวดล้อม", 5, WORKING_DAYS),
            ("พิจารณาออกใบอนุญาต", "กองสาธารณสุขและสิ่งแวดล้อม", 10, WORKING_DAYS),
        ],
        [("บัตรประจำตัวประชาชน", 1), ("ทะเบียนบ้าน", 1), ("แผนที่ตั้งสถานประกอบการ", 1)],
    ),
    _manual(
        "sop-manuals",
        "คู่มือการปฏิบัติงานการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
        "sop",
        "งานพัฒนาและจัดเก็บรายได้ กองคลัง",
        "finance",
        None,
        [
            ("สำรวจและจัดทำบัญชีรายการที่ดินและสิ่งปลูกสร้าง", "งานแผนที่ภาษี กองคลัง", 60, DAYS),
            ("ประกาศราคาประเมินและอัตราภาษี", "กองคลัง", 1, WORKING_DAYS),
            ("ส่งแบบแจ้งการประเมินภาษีให้ผู้เสียภาษี", "งานพัฒนาและจัดเก็บรายได้", 30, DAYS),
            ("รับชำระภาษีและออกใบเสร็จ", "งานพัฒนาและจัดเก็บรายได้", 10, MINUTES),
        ],
        [],
    ),
    _manual(
        "sop-manuals",
        "คู่มือการปฏิบัติงานการเบิกจ่ายเงินงบประมาณ",
        "sop",
        "งานการเงินและบัญชี กองคลัง",
        "finance",
        None,
        [
            ("ตรวจสอบฎีกาและเอกสารประกอบการเบิกจ่าย", "งานการเงินและบัญชี", 1, WORKING_DAYS),
            ("เสนอผู้มีอำนาจอนุมัติเบิกจ่าย", "ผู้อำนวยการกองคลัง", 1, WORKING_DAYS),
            ("โอนเงินผ่านระบบ e-LAAS และแจ้งเจ้าหนี้", "งานการเงินและบัญชี", 2, HOURS),
        ],
        [],
    ),
]

FORMS = [
    {
        "sub": "forms",
        "kind": K.DOCUMENT,
        "title": "แบบคำร้องทั่วไป",
        "title_en": "General request form",
        "lasts": 0,
        "no_end_reason": "แบบฟอร์มที่ใช้อยู่",
        "age": 70,
        "files": [form("general-request-form.pdf", "แบบคำร้องทั่วไป")],
    },
    {
        "sub": "forms",
        "kind": K.DOCUMENT,
        "title": "แบบคำขอรับความช่วยเหลือผู้ประสบสาธารณภัย",
        "lasts": 0,
        "no_end_reason": "แบบฟอร์มที่ใช้อยู่",
        "age": 65,
        "files": [form("disaster-relief-form.pdf", "แบบคำขอรับความช่วยเหลือผู้ประสบสาธารณภัย")],
    },
]


def _news(sub, title, news_kind, age, *, photos=(), lasts=180, **extra):
    fields = {"news_kind": news_kind}
    fields.update({k: extra.pop(k) for k in ["event_on", "location", "apply_until"] if k in extra})
    return {
        "sub": sub,
        "kind": K.NEWS,
        "title": title,
        "age": age,
        "lasts": lasts,
        "source": "งานประชาสัมพันธ์ สำนักปลัดเทศบาล",
        "detail": (NewsDetail, fields),
        "photos": list(photos),
        **extra,
    }


NEWS = [
    _news(
        "general-news",
        "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2569",
        "general",
        5,
        summary="ชำระได้ที่กองคลัง ตั้งแต่เดือนเมษายนถึงมิถุนายน 2569 หรือผ่านแอปพลิเคชันธนาคาร",
        body="<p>เทศบาลตำบลเชียงเคี่ยนขอเชิญชวนเจ้าของที่ดินและสิ่งปลูกสร้างชำระภาษีภายในกำหนด"
        " เพื่อหลีกเลี่ยงเบี้ยปรับและเงินเพิ่ม</p>",
        files=[doc("land-tax-2569.pdf", "ประกาศกำหนดระยะเวลาชำระภาษีที่ดินและสิ่งปลูกสร้าง ปี 2569")],
    ),
    _news(
        "general-news",
        "เทศบาลเปิดให้บริการรับชำระภาษีนอกเวลาราชการทุกวันเสาร์",
        "general",
        12,
        summary="ทุกวันเสาร์ เวลา 08.30 - 12.00 น. ตลอดเดือนมิถุนายน",
    ),
    _news(
        "activities",
        "โครงการปลูกต้นไม้เพื่อคืนความสมบูรณ์ให้ลุ่มน้ำอิง",
        "activity",
        3,
        event_on=TODAY - datetime.timedelta(days=4),
        location="ป่าชุมชนบ้านเชียงเคี่ยน หมู่ 3",
        summary="คณะผู้บริหาร พนักงาน และจิตอาสากว่า 150 คน ร่วมปลูกต้นไม้ 1,000 ต้น",
        photos=[
            ("field", "จิตอาสาเสื้อเหลืองร่วมกันปลูกกล้าไม้ริมลำน้ำอิง", "นายกเทศมนตรีเป็นประธานเปิดโครงการ"),
            ("river", "ชาวบ้านขนกล้าไม้ลงแปลงปลูกริมฝั่งน้ำ", "แปลงปลูกริมฝั่งแม่น้ำอิง"),
            ("field", "นักเรียนร่วมรดน้ำต้นไม้ที่ปลูกใหม่", "เยาวชนร่วมกิจกรรม"),
        ],
    ),
    _news(
        "activities",
        "ประเพณียี่เป็ง ลอยกระทง ประจำปี 2568",
        "activity",
        15,
        event_on=TODAY - datetime.timedelta(days=16),
        location="ลานวัฒนธรรมริมน้ำอิง",
        photos=[
            ("festival", "โคมลอยนับสิบลอยเหนือท้องฟ้ายามค่ำคืน", "บรรยากาศงานยี่เป็ง"),
            ("river", "ประชาชนลอยกระทงริมแม่น้ำอิง", "การลอยกระทง"),
        ],
    ),
    _news(
        "activities",
        "กิจกรรมจิตอาสาพัฒนาทำความสะอาดถนนสายหลักของตำบล",
        "activity",
        40,
        event_on=TODAY - datetime.timedelta(days=41),
        location="ถนนสายหลัก หมู่ 1 - หมู่ 5",
        photos=[("town", "จิตอาสากวาดใบไม้และเก็บขยะริมถนน", "จิตอาสาพัฒนา")],
    ),
    _news(
        "alerts",
        "แจ้งเตือนเฝ้าระวังน้ำป่าไหลหลากและดินสไลด์ ช่วงฝนตกหนัก",
        "alert",
        1,
        lasts=14,
        summary="ประชาชนริมน้ำอิงและเชิงเขาโปรดติดตามประกาศ และโทรแจ้งเหตุ 053-795-199 ตลอด 24 ชั่วโมง",
    ),
    _news("alerts", "แจ้งงดจ่ายน้ำประปาชั่วคราว หมู่ 3 และหมู่ 4 เพื่อซ่อมท่อเมนหลัก", "alert", 2, lasts=7),
    _news(
        "jobs",
        "ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยนักวิชาการเงินและบัญชี",
        "job",
        6,
        lasts=30,
        apply_until=TODAY + datetime.timedelta(days=14),
        unit="palat-office",
        files=[
            doc(
                "job-announcement-finance-assistant.pdf",
                "ประกาศรับสมัครพนักงานจ้างตามภารกิจ",
                REPORT_TEXT,
                3,
            )
        ],
    ),
]


def _procurement(sub, title, stage, age, fields, pages=2):
    return {
        "sub": sub,
        "kind": K.PROCUREMENT,
        "title": title,
        "unit": "finance",
        "age": age,
        "lasts": 365,
        "source": "งานพัสดุ กองคลัง",
        "detail": (
            ProcurementDetail,
            {"stage": stage, "announced_on": TODAY - datetime.timedelta(days=age), **fields},
        ),
        "files": [doc(f"procurement-{zlib.crc32(title.encode())}.pdf", title, REPORT_TEXT, pages)],
    }


PROCUREMENTS = [
    _procurement(
        "procurement",
        "ประกาศประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านเชียงเคี่ยน หมู่ 1 - หมู่ 4 ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        "announcement",
        4,
        {
            "method": "e_bidding",
            "project_number": "68129001234",
            "budget": Decimal("2480000"),
            "reference_price": Decimal("2475500"),
            "bids_until": TODAY + datetime.timedelta(days=10),
        },
        4,
    ),
    _procurement(
        "procurement",
        "ประกาศประกวดราคาซื้อรถบรรทุกขยะมูลฝอย แบบอัดท้าย ขนาด 6 ตัน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
        "announcement",
        9,
        {
            "method": "e_bidding",
            "project_number": "68119005678",
            "budget": Decimal("2500000"),
            "reference_price": Decimal("2500000"),
            "bids_until": TODAY + datetime.timedelta(days=5),
        },
    ),
    _procurement(
        "procurement",
        "ประกาศเชิญชวนซื้อครุภัณฑ์คอมพิวเตอร์ สำหรับศูนย์พัฒนาเด็กเล็ก ด้วยวิธีตลาดอิเล็กทรอนิกส์ (e-market)",
        "announcement",
        14,
        {
            "method": "e_market",
            "budget": Decimal("96500"),
            "bids_until": TODAY + datetime.timedelta(days=2),
        },
    ),
    _procurement(
        "procurement-results",
        "ประกาศผู้ชนะการเสนอราคา จ้างก่อสร้างรางระบายน้ำ คสล. หมู่ 7",
        "result",
        8,
        {
            "method": "e_bidding",
            "project_number": "68109004321",
            "budget": Decimal("495000"),
            "reference_price": Decimal("494800"),
            "winner": "ห้างหุ้นส่วนจำกัด เทิงรุ่งเรืองก่อสร้าง",
            "agreed_price": Decimal("487500"),
            "contract_number": "สัญญาจ้างเลขที่ 15/2569",
        },
    ),
    _procurement(
        "procurement-results",
        "ประกาศผลการจัดซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 2/2568 โดยวิธีเฉพาะเจาะจง",
        "result",
        20,
        {
            "method": "specific",
            "budget": Decimal("318420.50"),
            "winner": "สหกรณ์โคนมเชียงราย จำกัด",
            "agreed_price": Decimal("318420.50"),
        },
    ),
]

# The boundary of live(): items the public never sees, and one that leaves a notice.
BOUNDARY = [
    _news("general-news", "ประชาสัมพันธ์งานกาชาดประจำปี (สิ้นสุดการเผยแพร่แล้ว)", "general", 200, lasts=30),
    {
        **_news("general-news", "ประกาศปิดถนนชั่วคราวเพื่อจัดงานวันเด็ก", "general", 120, lasts=20),
        "status": Item.Status.EXPIRED,
    },
    {
        **_news("general-news", "ประกาศรายชื่อผู้มีสิทธิ์สอบ (ฉบับที่มีข้อผิดพลาด)", "general", 10),
        "status": Item.Status.WITHDRAWN,
        "withdrawal_reason": "รายชื่อผู้มีสิทธิ์สอบคลาดเคลื่อน ได้ประกาศฉบับแก้ไขแทนแล้ว",
    },
    {
        **_news("general-news", "ร่างกำหนดการงานประเพณีสงกรานต์ (ยังไม่เผยแพร่)", "general", -5),
        "status": Item.Status.DRAFT,
    },
]

ITEMS = [
    *GENERAL,
    *(_law(*law) for law in LAWS),
    *(_knowledge(*entry) for entry in KNOWLEDGE),
    *(_link(*link) for link in LINKS),
    *(_public(*entry, n) for n, entry in enumerate(PUBLIC_INFO)),
    *MANUALS,
    *FORMS,
    *NEWS,
    *PROCUREMENTS,
    *BOUNDARY,
]
