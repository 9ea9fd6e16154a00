"""Frame C's source: what the organisation invoiced for training actions in an accounting year, less credit notes.

The one place reporting reads invoices (rows `(payer_category, opco_scheme, net_cents)`, the
categories frozen on each invoice line when it was issued: the line goes by who is invoiced).
"""

import datetime as dt

from rencontres.invoicing import selectors as invoicing_selectors
from rencontres.organizations.models import Organization


def invoiced_amounts(organization: Organization, start: dt.date, end: dt.date) -> list[tuple[str, str, int]]:
    """Net invoiced amounts of the accounting year from `start` to `end`, by payer category and OPCO scheme."""
    return invoicing_selectors.invoiced_amounts(organization, end.year, period=(start, end))
