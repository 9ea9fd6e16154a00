"""What a training action's papers and the BPF need to know of each trainee: who they are, who pays."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..enums import OpcoScheme, PayerCategory, TraineeType
from ..exceptions import RegistrationError
from ..models import Registration
from . import places as places_row


@transaction.atomic
def set_training_profile(
    *, registration: Registration, trainee_type: str, payer_category: str, opco_scheme: str = "", actor=None
) -> Registration:
    """The trainee type and the payer category (with the OPCO's scheme, only when an OPCO pays), journaled."""
    errors = []
    if trainee_type not in {"", *TraineeType.values}:
        errors.append(("trainee_type", _("Choisissez un type de stagiaire dans la liste.")))
    if payer_category not in {"", *PayerCategory.values}:
        errors.append(("payer_category", _("Choisissez une catégorie de financeur dans la liste.")))
    if payer_category == PayerCategory.OPCO and opco_scheme not in OpcoScheme.values:
        errors.append(("opco_scheme", _("Indiquez le dispositif au titre duquel l'OPCO finance la formation.")))
    if payer_category != PayerCategory.OPCO and opco_scheme:
        errors.append(("opco_scheme", _("Le dispositif ne s'indique que lorsqu'un OPCO finance la formation.")))
    if errors:
        raise RegistrationError.for_fields(errors)
    registration.trainee_type, registration.payer_category = trainee_type, payer_category
    registration.opco_scheme = opco_scheme
    registration.save(update_fields=["trainee_type", "payer_category", "opco_scheme", "updated_at"])
    places_row.log(
        registration, registration.state, registration.state, actor=actor, note=_("profil de formation renseigné")
    )
    return registration
