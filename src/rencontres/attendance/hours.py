"""Hours done, from counter-signed slots only: planned minutes, less minutes missed, never more."""

from dataclasses import dataclass, field

from .enums import ATTENDED_STATUSES


def attended_minutes(*, status: str, minutes_missed: int, planned_minutes: int) -> int:
    """What one presence counts: the slot's planned minutes less those missed; nothing if absent."""
    if status not in ATTENDED_STATUSES:
        return 0
    return max(planned_minutes - minutes_missed, 0)


@dataclass
class PersonHours:
    registration_id: int
    name: str
    payer: str
    minutes_by_slot: dict[int, int] = field(default_factory=dict)

    @property
    def minutes(self) -> int:
        return sum(self.minutes_by_slot.values())

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


def format_hours(minutes: int) -> str:
    """« 6 h », « 3 h 30 » as French papers write durations."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}\u00a0h" + (f"\u00a0{rest:02d}" if rest else "")
