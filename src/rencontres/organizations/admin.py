from django.contrib import admin, messages
from django.utils.translation import gettext as _

from .models import ApiToken, MemberInvitation, Membership, Organization


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "siret", "training_body_number", "charges_vat"]
    search_fields = ["name", "short_name", "siret"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role"]
    list_filter = ["role"]
    autocomplete_fields = ["user", "organization"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created here or with `rencontres create_api_token`; the clear secret is shown once."""

    list_display = ["label", "organization", "created_at", "last_used_at"]
    list_filter = ["organization"]
    search_fields = ["label", "organization__name"]
    autocomplete_fields = ["organization"]
    readonly_fields = ["created_at", "last_used_at"]

    def get_readonly_fields(self, request, obj=None):
        # A token stays with the organisation it was made for.
        return [*self.readonly_fields, "organization"] if obj is not None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        token, clear_token = ApiToken.issue(organization=obj.organization, label=obj.label)
        obj.pk, obj.token_hash, obj.created_at = token.pk, token.token_hash, token.created_at
        self.message_user(
            request,
            _("Jeton créé. Copiez-le maintenant, il ne sera plus jamais affiché : %(token)s") % {"token": clear_token},
            level=messages.WARNING,
        )


@admin.register(MemberInvitation)
class MemberInvitationAdmin(admin.ModelAdmin):
    """The trace of invitations (who invited, accepted or withdrew, when); they are sent from the back-office."""

    list_display = ["email", "organization", "role", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["organization", "role"]
    search_fields = ["email", "organization__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
