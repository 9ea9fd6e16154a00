"""The places row of each event: capacity moved from the event, counts taken from its registrations.

Forwards, every existing event gets its row, with the capacity the event had and its live
registrations counted by state; backwards, the capacity goes back to the event (the events
app's field is added back first, by reversing events 0003) and the rows are dropped.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, Max, Q

COUNT_FIELDS = {"confirmed": "confirmed", "offered": "offered", "waiting": "waiting", "pending": "pending"}


def create_places_rows(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    EventPlaces = apps.get_model("registrations", "EventPlaces")
    Registration = apps.get_model("registrations", "Registration")
    for event in Event.objects.only("id", "capacity_min", "capacity_max").iterator():
        counts = Registration.objects.filter(event_id=event.id).aggregate(
            last_queue_number=Max("queue_number"),
            **{name: Count("id", filter=Q(state=state)) for state, name in COUNT_FIELDS.items()},
        )
        counts["last_queue_number"] = counts["last_queue_number"] or 0
        EventPlaces.objects.create(
            event_id=event.id, capacity_min=event.capacity_min, capacity_max=event.capacity_max, **counts
        )


def restore_event_capacity(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    EventPlaces = apps.get_model("registrations", "EventPlaces")
    for places in EventPlaces.objects.exclude(capacity_min=None, capacity_max=None).iterator():
        Event.objects.filter(id=places.event_id).update(
            capacity_min=places.capacity_min, capacity_max=places.capacity_max
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_dates_are_months"),
        ("registrations", "0002_registration_acknowledged_at"),
    ]

    operations = [
        migrations.CreateModel(
            name="EventPlaces",
            fields=[
                (
                    "event",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="places",
                        serialize=False,
                        to="events.event",
                    ),
                ),
                (
                    "capacity_max",
                    models.PositiveIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MinValueValidator(1)],
                        verbose_name="nombre maximum de participants",
                    ),
                ),
                (
                    "capacity_min",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="nombre minimum de participants"),
                ),
                ("confirmed", models.PositiveIntegerField(default=0, editable=False)),
                ("offered", models.PositiveIntegerField(default=0, editable=False)),
                ("waiting", models.PositiveIntegerField(default=0, editable=False)),
                ("pending", models.PositiveIntegerField(default=0, editable=False)),
                ("last_queue_number", models.PositiveIntegerField(default=0, editable=False)),
            ],
            options={
                "verbose_name": "places d'un événement",
                "verbose_name_plural": "places des événements",
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("capacity_min__isnull", True),
                            ("capacity_max__isnull", True),
                            ("capacity_min__lte", models.F("capacity_max")),
                            _connector="OR",
                        ),
                        name="places_capacity_min_not_above_max",
                    )
                ],
            },
        ),
        migrations.RunPython(create_places_rows, restore_event_capacity),
    ]
