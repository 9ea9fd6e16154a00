"""Run the same code from several threads at the same instant, each on its own database connection.

What two cron hosts firing one periodic command at the same minute do to the database, in a
test: every thread waits at a barrier, runs, then closes its connections.
"""

import io
import threading

from django.core.management import call_command
from django.db import connections


def at_once(target, *, runs: int = 2) -> tuple[list, list[Exception]]:
    """Run `target()` in `runs` threads released together; return their results and their errors."""
    barrier = threading.Barrier(runs)
    results, errors = [], []

    def one():
        try:
            barrier.wait()
            results.append(target())
        except Exception as error:  # noqa: BLE001 — returned, and asserted on by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def command_at_once(name: str, *, runs: int = 2) -> tuple[list[str], list[Exception]]:
    """The management command `name` run `runs` times at once; returns what each run printed."""

    def run() -> str:
        out = io.StringIO()
        call_command(name, stdout=out)
        return out.getvalue().strip()

    return at_once(run, runs=runs)
