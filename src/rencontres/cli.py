"""The `rencontres` command: Django's manage.py, with dashed command names accepted.

`rencontres parse-announcement FILE` runs the `parse_announcement` management command.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rencontres.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(argv)
    except ImproperlyConfigured as error:
        # A setting the operator must fix: say which, in French, without a traceback.
        sys.exit(f"rencontres : {error}")


if __name__ == "__main__":
    main()
