"""The ten categories of announcement section 1 and their subcategories.

Data, not code: a municipality may rename, reorder or add subcategories in the admin.
"""

from django.db import migrations

# (code, slug, Thai, English, [(slug, Thai, English), ...])
TAXONOMY = [
    ("1.1", "general", "ข้อมูลทั่วไป", "General information", [
        ("history", "ประวัติความเป็นมา", "History"),
        ("vision", "วิสัยทัศน์และพันธกิจ", "Vision and mission"),
        ("structure", "โครงสร้างองค์กร", "Organisational structure"),
        ("executives", "คณะผู้บริหารและผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)", "Executives and the CIO"),
        ("duties", "อำนาจหน้าที่", "Authority and duties"),
        ("strategy", "ยุทธศาสตร์และแผนพัฒนาท้องถิ่น", "Strategy and development plan"),
        ("action-plan", "แผนการดำเนินงาน", "Action plan"),
        ("projects", "แผนงานและโครงการ", "Plans and projects"),
        ("budget", "งบประมาณรายจ่ายประจำปี", "Annual budget ordinance"),
        ("contact", "ข้อมูลการติดต่อและแผนที่", "Contacts and map"),
    ]),
    ("1.2", "laws", "กฎหมาย ระเบียบ ข้อบังคับ", "Laws and regulations", [
        ("acts", "พระราชบัญญัติและกฎหมายที่เกี่ยวข้อง", "Acts and related laws"),
        ("ordinances", "เทศบัญญัติ", "Municipal ordinances"),
        ("regulations", "ระเบียบ ประกาศ และคำสั่ง", "Regulations, announcements and orders"),
    ]),
    ("1.3", "knowledge", "คลังความรู้", "Knowledge base", [
        ("knowledge-news", "ข่าวสารความรู้", "Knowledge news"),
        ("multimedia", "สื่อมัลติมีเดีย", "Multimedia"),
        ("articles", "บทความ", "Articles"),
        ("research", "งานวิจัย", "Research"),
        ("statistics", "ข้อมูลสถิติ", "Statistics"),
    ]),
    ("1.4", "links", "เว็บลิงก์หน่วยงานที่เกี่ยวข้อง", "Related agencies", [
        ("agencies", "หน่วยงานราชการที่เกี่ยวข้อง", "Related government agencies"),
        ("other-links", "เว็บไซต์ที่น่าสนใจ", "Other useful websites"),
    ]),
    ("1.5", "public-info", "ข้อมูลข่าวสารตาม พ.ร.บ.ข้อมูลข่าวสารของราชการ", "Official information (public inspection)", [
        ("section-7", "ข้อมูลตามมาตรา 7", "Section 7 information"),
        ("section-9", "ข้อมูลตามมาตรา 9", "Section 9 information"),
        ("procurement-plan", "แผนการจัดซื้อจัดจ้าง", "Procurement plans"),
        ("procurement-summary", "สรุปผลการจัดซื้อจัดจ้างรายเดือน", "Monthly procurement summaries"),
        ("personnel", "การบริหารและพัฒนาทรัพยากรบุคคล", "Human resources management"),
        ("integrity", "คุณธรรมและการป้องกันการทุจริต", "Integrity and anti-corruption"),
        ("complaints", "การจัดการเรื่องร้องเรียน", "Complaint handling"),
        ("reports", "รายงานผลการดำเนินงาน", "Performance reports"),
    ]),
    ("1.6", "sop", "คู่มือมาตรฐานการปฏิบัติงาน", "Standard operating procedures", [
        ("sop-manuals", "คู่มือการปฏิบัติงาน", "Operating procedure manuals"),
    ]),
    ("1.7", "services", "คู่มือสำหรับประชาชน", "Citizen service manuals", [
        ("service-manuals", "คู่มือการให้บริการประชาชน", "Service manuals"),
        ("forms", "แบบฟอร์มดาวน์โหลด", "Downloadable forms"),
    ]),
    ("1.8", "news", "ข่าวประชาสัมพันธ์", "Public relations", [
        ("general-news", "ข่าวประชาสัมพันธ์ทั่วไป", "General news"),
        ("activities", "ข่าวกิจกรรม", "Activity photo news"),
        ("alerts", "ข่าวแจ้งเตือน", "Alerts"),
        ("jobs", "ประกาศรับสมัครงาน", "Job announcements"),
        ("procurement", "ประกาศจัดซื้อจัดจ้าง", "Procurement announcements"),
        ("procurement-results", "ผลการจัดซื้อจัดจ้าง", "Procurement results"),
    ]),
    ("1.9", "e-services", "บริการออนไลน์ (E-Service)", "E-services", [
        ("online-services", "บริการออนไลน์", "Online services"),
    ]),
    ("1.10", "statistics", "สถิติผู้เข้าชมและความพึงพอใจ", "Visitor statistics and satisfaction", [
        ("visitors", "สถิติผู้เข้าชมเว็บไซต์", "Website visitor statistics"),
        ("satisfaction", "แบบสำรวจความพึงพอใจ", "Satisfaction survey"),
    ]),
]


def seed(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    Subcategory = apps.get_model("catalog", "Subcategory")
    for order, (code, slug, name_th, name_en, subs) in enumerate(TAXONOMY, start=1):
        category, _ = Category.objects.update_or_create(
            code=code,
            defaults={"slug": slug, "name_th": name_th, "name_en": name_en, "order": order},
        )
        for sub_order, (sub_slug, sub_th, sub_en) in enumerate(subs, start=1):
            Subcategory.objects.update_or_create(
                category=category,
                slug=sub_slug,
                defaults={"name_th": sub_th, "name_en": sub_en, "order": sub_order},
            )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0002_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
