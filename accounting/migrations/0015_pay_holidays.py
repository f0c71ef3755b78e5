"""Romania's legal public holidays (Codul muncii, art. 139) for 2025-2027.

Orthodox Easter and Pentecost move: Easter 2025-04-20, 2026-04-12,
2027-05-02; Pentecost is 49 days later. Good Friday, both Easter days and
both Pentecost days are days off. Later years are added by a migration like
this one, or in the admin.
"""

from datetime import date

from django.db import migrations

HOLIDAYS = {
    2025: [
        ((1, 1), "Anul Nou"),
        ((1, 2), "Anul Nou"),
        ((1, 6), "Boboteaza"),
        ((1, 7), "Sfântul Ioan Botezătorul"),
        ((1, 24), "Ziua Unirii Principatelor Române"),
        ((4, 18), "Vinerea Mare"),
        ((4, 20), "Paștele"),
        ((4, 21), "A doua zi de Paște"),
        ((5, 1), "Ziua Muncii"),
        ((6, 1), "Ziua Copilului"),
        ((6, 8), "Rusaliile"),
        ((6, 9), "A doua zi de Rusalii"),
        ((8, 15), "Adormirea Maicii Domnului"),
        ((11, 30), "Sfântul Andrei"),
        ((12, 1), "Ziua Națională a României"),
        ((12, 25), "Crăciunul"),
        ((12, 26), "A doua zi de Crăciun"),
    ],
    2026: [
        ((1, 1), "Anul Nou"),
        ((1, 2), "Anul Nou"),
        ((1, 6), "Boboteaza"),
        ((1, 7), "Sfântul Ioan Botezătorul"),
        ((1, 24), "Ziua Unirii Principatelor Române"),
        ((4, 10), "Vinerea Mare"),
        ((4, 12), "Paștele"),
        ((4, 13), "A doua zi de Paște"),
        ((5, 1), "Ziua Muncii"),
        ((5, 31), "Rusaliile"),
        ((6, 1), "Ziua Copilului; a doua zi de Rusalii"),
        ((8, 15), "Adormirea Maicii Domnului"),
        ((11, 30), "Sfântul Andrei"),
        ((12, 1), "Ziua Națională a României"),
        ((12, 25), "Crăciunul"),
        ((12, 26), "A doua zi de Crăciun"),
    ],
    2027: [
        ((1, 1), "Anul Nou"),
        ((1, 2), "Anul Nou"),
        ((1, 6), "Boboteaza"),
        ((1, 7), "Sfântul Ioan Botezătorul"),
        ((1, 24), "Ziua Unirii Principatelor Române"),
        ((4, 30), "Vinerea Mare"),
        ((5, 1), "Ziua Muncii"),
        ((5, 2), "Paștele"),
        ((5, 3), "A doua zi de Paște"),
        ((6, 1), "Ziua Copilului"),
        ((6, 20), "Rusaliile"),
        ((6, 21), "A doua zi de Rusalii"),
        ((8, 15), "Adormirea Maicii Domnului"),
        ((11, 30), "Sfântul Andrei"),
        ((12, 1), "Ziua Națională a României"),
        ((12, 25), "Crăciunul"),
        ((12, 26), "A doua zi de Crăciun"),
    ],
}


def _dates():
    for year, days in HOLIDAYS.items():
        for (month, day), name in days:
            yield date(year, month, day), name


def add_holidays(apps, schema_editor):
    PublicHoliday = apps.get_model("accounting", "PublicHoliday")
    for day, name in _dates():
        PublicHoliday.objects.get_or_create(date=day, defaults={"name": name})


def remove_holidays(apps, schema_editor):
    PublicHoliday = apps.get_model("accounting", "PublicHoliday")
    PublicHoliday.objects.filter(date__in=[day for day, _name in _dates()]).delete()


class Migration(migrations.Migration):
    dependencies = [("accounting", "0014_pay")]

    operations = [migrations.RunPython(add_holidays, remove_holidays)]
