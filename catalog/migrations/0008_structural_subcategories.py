"""Subcategories that give each checklist requirement a listing of its own.

The completeness checklist judges from structure (compliance/checklists/*.toml): where an
item is published and its typed fields, never words of its title. Requirements that used to
share one listing (the ITA integrity indicators O15 and O20-O26, the complaint indicators
O16-O18, section 9 items of the Official Information Act, the site's policy pages) each get
their own, as Thai government sites lay out their ITA pages: one listing per indicator.
"""

from django.db import migrations

# category slug -> [(slug, Thai, English)], appended after the existing subcategories.
ADDED = {
    "general": [
        ("privacy-policy", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", "Privacy policy"),
        ("cookie-policy", "นโยบายคุกกี้", "Cookie policy"),
        ("website-policy", "นโยบายเว็บไซต์และการรักษาความมั่นคงปลอดภัย", "Website and security policy"),
        ("accessibility", "ประกาศการเข้าถึงเว็บไซต์", "Accessibility statement"),
    ],
    "laws": [
        ("procurement-laws", "กฎหมายและระเบียบการจัดซื้อจัดจ้าง", "Procurement laws and regulations"),
    ],
    "public-info": [
        ("info-index", "ดัชนีข้อมูลข่าวสาร", "Information index"),
        ("decisions", "ผลการพิจารณาหรือคำวินิจฉัย (มาตรา 9 (1))", "Decisions affecting private persons (s.9(1))"),
        ("concessions", "สัญญาสัมปทานและสัญญาร่วมทุน (มาตรา 9 (6))", "Concession and joint-venture contracts (s.9(6))"),
        ("resolutions", "มติคณะรัฐมนตรีและมติคณะกรรมการ (มาตรา 9 (7))", "Resolutions of the Cabinet and committees (s.9(7))"),
        ("procurement-report", "รายงานผลการจัดซื้อจัดจ้างประจำปี", "Annual procurement reports"),
        ("budget-report", "รายงานการเงินและการใช้จ่ายงบประมาณ", "Financial and budget spending reports"),
        ("internal-control", "รายงานการควบคุมภายใน", "Internal-control reports"),
        ("audit", "รายงานผลการตรวจสอบ", "Audit reports"),
        ("hr-report", "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล", "HR management and development reports"),
        ("ethics", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม", "Code of ethics and its promotion"),
        ("no-gift", "นโยบายไม่รับของขวัญ (No Gift Policy)", "No Gift Policy"),
        ("risk-assessment", "การประเมินความเสี่ยงการทุจริต", "Corruption-risk assessment"),
        ("risk-report", "รายงานผลการบริหารจัดการความเสี่ยงการทุจริต", "Corruption-risk management reports"),
        ("anti-corruption-plan", "แผนปฏิบัติการป้องกันการทุจริต", "Anti-corruption action plans"),
        ("anti-corruption-report", "รายงานผลการดำเนินการป้องกันการทุจริต", "Anti-corruption reports"),
        ("ita-improvement", "มาตรการส่งเสริมคุณธรรมจากผลการประเมิน ITA", "Measures from the ITA result"),
        ("integrity-report", "รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส", "Integrity and transparency reports"),
        ("corruption-complaints", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต", "Handling corruption complaints"),
        ("corruption-statistics", "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", "Corruption complaint statistics"),
        ("participation", "การเปิดโอกาสให้มีส่วนร่วม", "Public participation"),
    ],
}  # fmt: skip


def add(apps, schema_editor):
    Category = apps.get_model("catalog", "Category")
    Subcategory = apps.get_model("catalog", "Subcategory")
    for category_slug, subs in ADDED.items():
        category = Category.objects.filter(slug=category_slug).first()
        if category is None:
            continue
        start = category.subcategories.count()
        for order, (slug, name_th, name_en) in enumerate(subs, start=start + 1):
            Subcategory.objects.get_or_create(
                category=category,
                slug=slug,
                defaults={"name_th": name_th, "name_en": name_en, "order": order},
            )


def remove(apps, schema_editor):
    Subcategory = apps.get_model("catalog", "Subcategory")
    for category_slug, subs in ADDED.items():
        Subcategory.objects.filter(
            category__slug=category_slug, slug__in=[slug for slug, *_ in subs], items__isnull=True
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("catalog", "0007_item_document_date")]

    operations = [migrations.RunPython(add, remove)]
