"""The frames and lines of the BPF as the form prints them, and where each of our categories goes.

Form: « Bilan pédagogique et financier », Cerfa n° 10443*17 (DGEFP, with its notice
n° 50199#17), filed on « Mon Activité Formation » before 30 April for the last closed
accounting year (Code du travail L6352-11 and R6352-22 to R6352-24). Version *17 differs
from *16 in frame B (a yes/no « actions en tout ou partie à distance » instead of a count in
F-1): we give the yes/no and, beside F-1, the count, which the organiser can check.

Labels are short forms of the form's own words; `line` is the number or letter it prints.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from rencontres.events.enums import BpfObjective, TrainingNature
from rencontres.registrations.enums import OpcoScheme, PayerCategory, TraineeType

FORM_VERSION = "10443*17"


# Frame C, « Bilan financier hors taxes : origine des produits de l'organisme ».
C_LINES = (
    ("1", _("Entreprises, pour la formation de leurs salariés")),
    ("2a", _("Organismes gestionnaires des fonds de la formation : contrats d'apprentissage")),
    ("2b", _("… contrats de professionnalisation")),
    ("2c", _("… promotion ou reconversion par alternance")),
    ("2d", _("… projets de transition professionnelle")),
    ("2e", _("… compte personnel de formation")),
    ("2f", _("… dispositifs spécifiques pour les personnes en recherche d'emploi")),
    ("2g", _("… dispositifs spécifiques pour les travailleurs non-salariés")),
    ("2h", _("… plan de développement des compétences ou autres dispositifs")),
    ("2", _("Total des produits provenant des organismes gestionnaires des fonds de la formation (a à h)")),
    ("3", _("Pouvoirs publics, pour la formation de leurs agents")),
    ("4", _("Pouvoirs publics, pour la formation de publics spécifiques : instances européennes")),
    ("5", _("… État")),
    ("6", _("… conseils régionaux")),
    ("7", _("… France Travail")),
    ("8", _("… autres ressources publiques")),
    ("9", _("Contrats conclus avec des personnes à titre individuel et à leurs frais")),
    ("10", _("Contrats conclus avec d'autres organismes de formation (y compris CFA)")),
    ("11", _("Autres produits au titre de la formation professionnelle")),
)
C_OPCO_LINES = ("2a", "2b", "2c", "2d", "2e", "2f", "2g", "2h")

OPCO_SCHEME_LINES = {
    OpcoScheme.APPRENTICESHIP: "2a",
    OpcoScheme.PROFESSIONALISATION: "2b",
    OpcoScheme.PRO_A: "2c",
    OpcoScheme.TRANSITION: "2d",
    OpcoScheme.CPF: "2e",
    OpcoScheme.JOBSEEKERS: "2f",
    OpcoScheme.SELF_EMPLOYED: "2g",
    OpcoScheme.SKILLS_PLAN: "2h",
}
# The line goes by who is invoiced. A public body paying is taken as paying for its own
# agents (line 3): the CCAS and départements of our seeds; lines 4 to 8 (public funding of
# specific publics) need a distinction Rencontres does not record.
PAYER_LINES = {
    PayerCategory.COMPANY: "1",
    PayerCategory.PUBLIC_BODY: "3",
    PayerCategory.INDIVIDUAL: "9",
    PayerCategory.TRAINING_BODY: "10",
}


def c_line(payer_category: str, opco_scheme: str) -> str | None:
    """The frame C line of an invoiced amount; None when the payer category is unknown (then line 11, flagged)."""
    if payer_category == PayerCategory.OPCO:
        return OPCO_SCHEME_LINES.get(opco_scheme, "2h")
    return PAYER_LINES.get(payer_category)


# Frame E, « Personnes dispensant des heures de formation ».
E_LINES = (
    ("1", _("Personnes de votre organisme dispensant des heures de formation")),
    ("2", _("Personnes extérieures à votre organisme dispensant des heures de formation (sous-traitance)")),
)

# Frame F-1, « Type de stagiaires de l'organisme ».
F1_LINES = (
    ("a", _("Salariés d'employeurs privés hors apprentis")),
    ("b", _("Apprentis")),
    ("c", _("Personnes en recherche d'emploi formées par votre organisme")),
    ("d", _("Particuliers à leurs propres frais formés par votre organisme")),
    ("e", _("Autres stagiaires")),
)
# Public agents have no line of their own on *17: « autres stagiaires ».
TRAINEE_TYPE_LINES = {
    TraineeType.PRIVATE_EMPLOYEE: "a",
    TraineeType.JOBSEEKER: "c",
    TraineeType.INDIVIDUAL: "d",
    TraineeType.PUBLIC_AGENT: "e",
    TraineeType.OTHER: "e",
}


def f1_line(trainee_type: str, training_nature: str) -> str:
    """An apprenticeship action's trainees are apprentices (line b); the others by their type, untyped in e."""
    if training_nature == TrainingNature.APPRENTICESHIP:
        return "b"
    return TRAINEE_TYPE_LINES.get(trainee_type, "e")


# Frame F-3, « Objectif général des prestations dispensées ».
F3_LINES = (
    ("a", _("Formations visant un diplôme, un titre à finalité professionnelle ou un CQP inscrit au RNCP")),
    ("b", _("Formations visant une certification ou une habilitation inscrite au répertoire spécifique (RS)")),
    ("c", _("Formations visant un CQP non enregistré au RNCP ou au RS")),
    ("d", _("Autres formations professionnelles")),
    ("e", _("Bilans de compétences")),
    ("f", _("Actions d'accompagnement à la validation des acquis de l'expérience")),
)
# The levels the form asks within line a (décret n° 2019-14).
F3_RNCP_LEVELS = (
    ("a1", _("dont niveau 6 à 8 (licence, master, doctorat…)"), (6, 7, 8)),
    ("a2", _("dont niveau 5 (BTS, DUT…)"), (5,)),
    ("a3", _("dont niveau 4 (baccalauréat…)"), (4,)),
    ("a4", _("dont niveau 3 (CAP, BEP…)"), (3,)),
    ("a5", _("dont niveau 2"), (2,)),
    ("a6", _("dont certificat de qualification professionnelle (CQP) sans niveau de qualification"), ()),
)
OBJECTIVE_LINES = {BpfObjective.RNCP: "a", BpfObjective.RS: "b", BpfObjective.CQP: "c", BpfObjective.OTHER: "d"}


def f3_line(bpf_objective: str, training_nature: str) -> str:
    """Skills assessments and VAE have their own lines; the other actions go by their objective, unset in d."""
    if training_nature == TrainingNature.SKILLS_ASSESSMENT:
        return "e"
    if training_nature == TrainingNature.VAE:
        return "f"
    return OBJECTIVE_LINES.get(bpf_objective, "d")


def f3_level_line(rncp_level: int | None) -> str | None:
    return next((code for code, _label, levels in F3_RNCP_LEVELS if rncp_level in levels), None)


# Frame F-4: the five main specialities (NSF), the others on one line.
F4_MAIN = 5
F4_OTHERS_LABEL = _("Autres spécialités")

G_LABEL = _("Stagiaires dont la formation a été confiée à votre organisme par un autre organisme de formation")


@dataclass(frozen=True)
class FrameLabel:
    code: str
    title: str


FRAMES = {
    "B": FrameLabel("B", _("Cadre B – Informations générales")),
    "C": FrameLabel("C", _("Cadre C – Bilan financier hors taxes : origine des produits de l'organisme")),
    "D": FrameLabel("D", _("Cadre D – Bilan financier hors taxes : charges de l'organisme")),
    "E": FrameLabel("E", _("Cadre E – Personnes dispensant des heures de formation")),
    "F1": FrameLabel("F-1", _("Cadre F-1 – Type de stagiaires de l'organisme")),
    "F3": FrameLabel("F-3", _("Cadre F-3 – Objectif général des prestations dispensées")),
    "F4": FrameLabel("F-4", _("Cadre F-4 – Spécialités de formation")),
    "G": FrameLabel("G", _("Cadre G – Stagiaires confiés à votre organisme par un autre organisme de formation")),
}
