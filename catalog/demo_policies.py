"""The demo's policy pages (GWS 3.0; PDPA): Thai and English texts, one per policy listing.

Published by publishing.demo through the real workflow (filed, checked, approved, published),
as a municipality's own policy pages must be. Keyed by Subcategory.Code, never by slug.
"""

from .models import Subcategory

Code = Subcategory.Code
CONTACT_TH = "สำนักปลัดเทศบาล โทร 053-795-123 หรืออีเมล saraban@chiangkhian.example"
CONTACT_EN = (
    "the Office of the Municipal Clerk, phone 053-795-123, e-mail saraban@chiangkhian.example"
)

# code -> (Thai title, English title, [Thai paragraphs], [English paragraphs])
POLICIES = {
    Code.PRIVACY_POLICY: (
        "นโยบายคุ้มครองข้อมูลส่วนบุคคลของเทศบาลตำบลเชียงเคี่ยน",
        "Personal data protection policy of Chiang Khian Subdistrict Municipality",
        [
            "เทศบาลตำบลเชียงเคี่ยนในฐานะผู้ควบคุมข้อมูลส่วนบุคคล เก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคล"
            "เท่าที่จำเป็นต่อการให้บริการตามอำนาจหน้าที่ ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
            "ข้อมูลที่ท่านกรอกในบริการออนไลน์ (คำร้อง เรื่องร้องเรียน แบบสำรวจความพึงพอใจ) ใช้เพื่อ"
            "ดำเนินการตามเรื่องนั้นเท่านั้น ผู้ที่เห็นได้คือเจ้าหน้าที่ที่รับผิดชอบเรื่องของท่าน"
            " ข้อมูลผู้แจ้งเรื่องร้องเรียนการทุจริตเก็บเป็นความลับ",
            "เว็บไซต์ไม่ใช้คุกกี้ติดตามผู้เข้าชม สถิติผู้เข้าชมนับโดยไม่ระบุตัวบุคคล บันทึกการเข้าใช้งาน"
            "ระบบเก็บไว้ 90 วันตามพระราชบัญญัติว่าด้วยการกระทำความผิดเกี่ยวกับคอมพิวเตอร์ พ.ศ. 2560"
            " แล้วลบทิ้ง",
            f"ท่านมีสิทธิขอเข้าถึง ขอแก้ไข ขอลบ หรือคัดค้านการใช้ข้อมูลของท่าน ติดต่อ{CONTACT_TH}"
            " และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลได้",
        ],
        [
            "Chiang Khian Subdistrict Municipality, as data controller, collects, uses and"
            " discloses personal data only as far as its duties require, under the Personal Data"
            " Protection Act B.E. 2562 (2019).",
            "What you enter in an online service (a request, a complaint, the satisfaction"
            " survey) is used for that matter only and is seen by the officers who handle it."
            " The identity of a person reporting corruption is kept confidential.",
            "This website uses no tracking cookies. Visits are counted without identifying"
            " anyone. The access log is kept for 90 days as the Computer Crime Act B.E. 2560"
            " (2017) requires, then deleted.",
            f"You may ask to see, correct or delete your data, or object to its use: contact"
            f" {CONTACT_EN}. You may also complain to the Personal Data Protection Committee.",
        ],
    ),
    Code.COOKIE_POLICY: (
        "นโยบายคุกกี้ของเว็บไซต์เทศบาลตำบลเชียงเคี่ยน",
        "Cookie policy of the Chiang Khian Subdistrict Municipality website",
        [
            "เว็บไซต์ส่วนที่ประชาชนใช้ไม่ตั้งคุกกี้ใด ๆ จึงไม่แสดงแบบขอความยินยอมใช้คุกกี้",
            "ขนาดตัวอักษรและโหมดความคมชัดสูงที่ท่านเลือกจำไว้ในเบราว์เซอร์ของท่านเอง (localStorage)"
            " ไม่ส่งมายังเทศบาล และลบได้ด้วยการล้างข้อมูลเว็บไซต์ในเบราว์เซอร์",
            "คุกกี้ที่จำเป็นมีเฉพาะในระบบสำหรับเจ้าหน้าที่ (การเข้าสู่ระบบและการป้องกันการปลอมแปลง"
            "คำขอ) ซึ่งหมดอายุเมื่อออกจากระบบ",
        ],
        [
            "The public part of this website sets no cookie at all, so it asks for no cookie"
            " consent.",
            "The text size and high-contrast mode you choose are remembered in your own browser"
            " (localStorage), never sent to the municipality; clearing the site's data in your"
            " browser removes them.",
            "The only cookies are the strictly necessary ones of the staff back office (sign-in"
            " and protection against forged requests), which end when the officer signs out.",
        ],
    ),
    Code.WEBSITE_POLICY: (
        "นโยบายเว็บไซต์ของเทศบาลตำบลเชียงเคี่ยน",
        "Website policy of Chiang Khian Subdistrict Municipality",
        [
            "ข้อมูลบนเว็บไซต์เผยแพร่ตามประกาศเทศบาลตำบลเชียงเคี่ยน เรื่อง มาตรการเผยแพร่ข้อมูล"
            "ต่อสาธารณะ ทุกรายการผ่านการตรวจสอบของหัวหน้าสำนักปลัดและการอนุมัติของปลัดเทศบาล"
            "ก่อนเผยแพร่ และระบุแหล่งที่มา ช่วงเวลาของข้อมูล และวันที่เผยแพร่",
            "ท่านนำข้อมูลบนเว็บไซต์ไปใช้ได้โดยอ้างอิงแหล่งที่มา ลิงก์ไปยังเว็บไซต์ภายนอกมีไว้เพื่อ"
            "ความสะดวก เทศบาลไม่รับผิดชอบเนื้อหาของเว็บไซต์เหล่านั้น",
            f"หากพบข้อมูลไม่ถูกต้อง โปรดแจ้ง{CONTACT_TH}",
        ],
        [
            "Everything on this website is published under the municipality's announcement on"
            " publishing information to the public: each item is checked by the head of the"
            " Clerk's office and approved by the Municipal Clerk, and states its source, data"
            " period and publication date.",
            "You may reuse the information with a reference to its source. Links to other"
            " websites are a convenience; the municipality is not responsible for their content.",
            f"To report an error, contact {CONTACT_EN}.",
        ],
    ),
    Code.SECURITY_POLICY: (
        "นโยบายการรักษาความมั่นคงปลอดภัยเว็บไซต์ของเทศบาลตำบลเชียงเคี่ยน",
        "Website security policy of Chiang Khian Subdistrict Municipality",
        [
            "เว็บไซต์ใช้การเชื่อมต่อแบบเข้ารหัส (HTTPS) ไม่โหลดสคริปต์หรือฟอนต์จากภายนอก"
            " และกำหนดนโยบายความปลอดภัยของเนื้อหา (Content Security Policy) ที่เข้มงวด",
            "เจ้าหน้าที่เข้าสู่ระบบด้วยรหัสผ่านและรหัสยืนยันตัวตนสองขั้นตอน ได้รับสิทธิ์เท่าที่หน้าที่"
            "ต้องใช้ ไฟล์ที่อัปโหลดตรวจจากเนื้อหาจริงก่อนเผยแพร่",
            "บันทึกการเข้าใช้งานระบบเก็บไว้ไม่น้อยกว่า 90 วันตามพระราชบัญญัติว่าด้วยการกระทำความผิด"
            "เกี่ยวกับคอมพิวเตอร์ พ.ศ. 2560 ข้อมูลสำรองไว้ทุกวัน",
            f"หากพบช่องโหว่หรือเหตุผิดปกติ โปรดแจ้ง{CONTACT_TH}",
        ],
        [
            "The website is served over HTTPS only, loads no script or font from elsewhere and"
            " enforces a strict Content Security Policy.",
            "Officers sign in with a password and a second factor and hold only the rights their"
            " duties need. Uploaded files are checked from their actual content before they are"
            " published.",
            "The access log is kept for at least 90 days as the Computer Crime Act B.E. 2560"
            " (2017) requires; the data are backed up every day.",
            f"To report a vulnerability or an incident, contact {CONTACT_EN}.",
        ],
    ),
    Code.ACCESSIBILITY: (
        "ประกาศการเข้าถึงเว็บไซต์เทศบาลตำบลเชียงเคี่ยน",
        "Accessibility statement of the Chiang Khian Subdistrict Municipality website",
        [
            "เทศบาลตำบลเชียงเคี่ยนมุ่งให้ทุกคนใช้เว็บไซต์ได้ ตามแนวทาง TWCAG 2022"
            " ของมาตรฐานเว็บไซต์ภาครัฐ เวอร์ชัน 3.0 (WCAG 2.1 ระดับ AA)",
            "ทุกหน้าใช้งานด้วยแป้นพิมพ์ได้ รูปภาพมีคำบรรยาย ปุ่ม ก- ก ก+ ปรับขนาดตัวอักษร"
            " และปุ่มความคมชัดสูงช่วยผู้มีสายตาเลือนราง แสดงผลได้บนโทรศัพท์มือถือ",
            f"หากพบส่วนที่ใช้งานไม่ได้ โปรดแจ้ง{CONTACT_TH} เราจะแก้ไขและตอบกลับภายใน 15 วันทำการ",
        ],
        [
            "Chiang Khian Subdistrict Municipality wants everyone to be able to use this website,"
            " following TWCAG 2022 of the Government Website Standard 3.0 (WCAG 2.1 level AA).",
            "Every page works with the keyboard, images have text alternatives, the ก- ก ก+"
            " buttons change the text size and a high-contrast mode helps people with low"
            " vision. The pages work on mobile phones.",
            f"If something does not work for you, contact {CONTACT_EN}; we fix it and answer"
            " within 15 working days.",
        ],
    ),
}
