"""Moving a service's clock in tests: put its today (Asia/Shanghai) on a chosen date."""
from datetime import date, timedelta

from services.kit.clock import Clock


def set_today(clock: Clock, day: date) -> None:
    """Shift `clock` (an app's `state.clock`) whole days so that its today is `day`."""
    clock.shift = timedelta(0)
    clock.shift = timedelta(days=(day - clock.today()).days)
