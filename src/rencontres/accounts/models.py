from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _


class EmailUserManager(UserManager):
    """Users are identified by their email address; the username is kept equal to it."""

    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email or username)
        return super()._create_user(email, email, password, **extra_fields)

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.pop("username", None)
        return super().create_user(email, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.pop("username", None)
        return super().create_superuser(email, email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: an organiser today, a participant when registrations come."""

    email = models.EmailField(_("adresse électronique"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = EmailUserManager()

    class Meta(AbstractUser.Meta):
        constraints = [
            # One account per address whatever its case. It is also the index of the
            # case-insensitive lookups (`email__iexact` is UPPER(email) = UPPER(%s)), and it
            # lets registering create the account in one INSERT ... ON CONFLICT DO NOTHING.
            models.UniqueConstraint(
                Upper("email"),
                name="one_account_per_address_ignoring_case",
                violation_error_message=_("Un compte existe déjà avec cette adresse électronique."),
            ),
        ]

    def save(self, *args, **kwargs):
        self.username = self.email
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.get_full_name() or self.email
