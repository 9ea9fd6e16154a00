"""A static files finder for the stylesheets built from the DSFR's parts (core/dsfr_css.py).

Found like any other static file: by `runserver` and the tests' live server through the
finders, by collectstatic (which then compresses them and gives them hashed names).
"""

from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

from . import dsfr_css

BUILT = (dsfr_css.STYLESHEET, dsfr_css.PRINT_STYLESHEET)


class DsfrSubsetFinder(BaseFinder):
    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        if kwargs:  # RemovedInDjango61Warning: the old `all` keyword.
            find_all = self._check_deprecated_find_param(find_all=find_all, **kwargs)
        if path not in BUILT:
            return []
        match = str(dsfr_css.built_folder() / path)
        return [match] if find_all else match

    def list(self, ignore_patterns):
        storage = FileSystemStorage(location=dsfr_css.built_folder())
        for path in BUILT:
            yield path, storage
