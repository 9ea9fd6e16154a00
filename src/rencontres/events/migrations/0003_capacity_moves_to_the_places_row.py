"""The capacity of an event now lives in its places row (registrations.EventPlaces).

registrations 0003 copies it there first; reversing this migration adds the fields back
(empty), and reversing registrations 0003 then copies the capacity back into them.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_dates_are_months"),
        ("registrations", "0003_eventplaces"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="event", name="capacity_min_not_above_max"),
        migrations.RemoveField(model_name="event", name="capacity_max"),
        migrations.RemoveField(model_name="event", name="capacity_min"),
    ]
