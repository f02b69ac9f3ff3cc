"""The government's public holidays of B.E. 2569 and 2570 (วันหยุดราชการประจำปี), as data.

From the cabinet's yearly list, with the substitute days (วันหยุดชดเชย) for holidays that fall
on a weekend. The Buddhist holidays of 2570 follow the lunar calendar; the Royal Ploughing
Ceremony day and any extra day the cabinet grants are announced later each year: webmasters
add or correct them in the back office (Public holidays). Existing rows are left as they are.
"""

import datetime

from django.db import migrations

CHAKRI = "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราช และวันที่ระลึกมหาจักรีบรมราชวงศ์"
QUEEN = "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าสุทิดา พัชรสุธาพิมลลักษณ พระบรมราชินี"
KING = "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระวชิรเกล้าเจ้าอยู่หัว"
MOTHER = "วันเฉลิมพระชนมพรรษาสมเด็จพระบรมราชชนนีพันปีหลวง และวันแม่แห่งชาติ"
FATHER = "วันชาติ และวันพ่อแห่งชาติ (5 ธันวาคม)"

HOLIDAYS = [
    # B.E. 2569
    ("2026-01-01", "วันขึ้นปีใหม่", "New Year's Day"),
    ("2026-01-02", "วันหยุดราชการเพิ่มเป็นกรณีพิเศษ", "Special government holiday"),
    ("2026-03-03", "วันมาฆบูชา", "Makha Bucha Day"),
    ("2026-04-06", CHAKRI, "Chakri Memorial Day"),
    ("2026-04-13", "วันสงกรานต์", "Songkran Festival"),
    ("2026-04-14", "วันสงกรานต์", "Songkran Festival"),
    ("2026-04-15", "วันสงกรานต์", "Songkran Festival"),
    ("2026-05-04", "วันฉัตรมงคล", "Coronation Day"),
    ("2026-05-31", "วันวิสาขบูชา", "Visakha Bucha Day"),
    ("2026-06-01", "วันหยุดชดเชยวันวิสาขบูชา", "Substitution for Visakha Bucha Day"),
    ("2026-06-03", QUEEN, "H.M. Queen Suthida's Birthday"),
    ("2026-07-28", KING, "H.M. the King's Birthday"),
    ("2026-07-29", "วันอาสาฬหบูชา", "Asarnha Bucha Day"),
    ("2026-07-30", "วันเข้าพรรษา", "Buddhist Lent Day"),
    ("2026-08-12", MOTHER, "The Queen Mother's Birthday and Mother's Day"),
    ("2026-10-13", "วันนวมินทรมหาราช", "King Bhumibol Adulyadej Memorial Day"),
    ("2026-10-23", "วันปิยมหาราช", "King Chulalongkorn Memorial Day"),
    ("2026-12-05", FATHER, "National Day and Father's Day"),
    ("2026-12-07", "วันหยุดชดเชยวันชาติ และวันพ่อแห่งชาติ", "Substitution for Father's Day"),
    ("2026-12-10", "วันรัฐธรรมนูญ", "Constitution Day"),
    ("2026-12-31", "วันสิ้นปี", "New Year's Eve"),
    # B.E. 2570
    ("2027-01-01", "วันขึ้นปีใหม่", "New Year's Day"),
    ("2027-02-20", "วันมาฆบูชา", "Makha Bucha Day"),
    ("2027-02-22", "วันหยุดชดเชยวันมาฆบูชา", "Substitution for Makha Bucha Day"),
    ("2027-04-06", CHAKRI, "Chakri Memorial Day"),
    ("2027-04-13", "วันสงกรานต์", "Songkran Festival"),
    ("2027-04-14", "วันสงกรานต์", "Songkran Festival"),
    ("2027-04-15", "วันสงกรานต์", "Songkran Festival"),
    ("2027-05-04", "วันฉัตรมงคล", "Coronation Day"),
    ("2027-05-20", "วันวิสาขบูชา", "Visakha Bucha Day"),
    ("2027-06-03", QUEEN, "H.M. Queen Suthida's Birthday"),
    ("2027-07-18", "วันอาสาฬหบูชา", "Asarnha Bucha Day"),
    ("2027-07-19", "วันเข้าพรรษา", "Buddhist Lent Day"),
    ("2027-07-20", "วันหยุดชดเชยวันอาสาฬหบูชา", "Substitution for Asarnha Bucha Day"),
    ("2027-07-28", KING, "H.M. the King's Birthday"),
    ("2027-08-12", MOTHER, "The Queen Mother's Birthday and Mother's Day"),
    ("2027-10-13", "วันนวมินทรมหาราช", "King Bhumibol Adulyadej Memorial Day"),
    ("2027-10-23", "วันปิยมหาราช", "King Chulalongkorn Memorial Day"),
    ("2027-10-25", "วันหยุดชดเชยวันปิยมหาราช", "Substitution for Chulalongkorn Day"),
    ("2027-12-05", FATHER, "National Day and Father's Day"),
    ("2027-12-06", "วันหยุดชดเชยวันชาติ และวันพ่อแห่งชาติ", "Substitution for Father's Day"),
    ("2027-12-10", "วันรัฐธรรมนูญ", "Constitution Day"),
    ("2027-12-31", "วันสิ้นปี", "New Year's Eve"),
]


def load(apps, schema_editor):
    PublicHoliday = apps.get_model("chiangkhian", "PublicHoliday")
    for day, name_th, name_en in HOLIDAYS:
        PublicHoliday.objects.get_or_create(
            date=datetime.date.fromisoformat(day),
            defaults={"name_th": name_th, "name_en": name_en},
        )


class Migration(migrations.Migration):
    dependencies = [("chiangkhian", "0004_public_holidays")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
