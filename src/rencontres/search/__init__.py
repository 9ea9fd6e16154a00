"""One French search over events, sessions, speakers, resources, proceedings and experiences.

`search(query, *, kind=None, viewer=None, ...)` is the whole interface (query.py); the two
databases' differences live in fulltext.py.
"""


def search(query: str, **options):
    from .query import search as run

    return run(query, **options)
