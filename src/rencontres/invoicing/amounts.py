"""Money on invoices: VAT split, subrogation amounts, and euros as invoices write them. All in integer cents."""

from rencontres.core.formatting import NARROW_NBSP

# The standard rate (CGI art. 278) for a training body that opted for VAT; prices are shown VAT
# included (Organization.vat_note: « Prix TTC »), so the amount before VAT is taken out of them.
VAT_RATE_PERCENT = 20


def _div_half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def split_vat(amount_cents: int, *, charges_vat: bool) -> tuple[int, int]:
    """(net, VAT) of an amount VAT included; (amount, 0) for a body exempt from VAT (CGI art. 261-4-4° a)."""
    if not charges_vat:
        return amount_cents, 0
    net = _div_half_up(amount_cents * 100, 100 + VAT_RATE_PERCENT)
    return net, amount_cents - net


def subrogation_amount(*, price_cents: int, minutes_done: int, minutes_planned: int) -> int:
    """The hours done at the hourly rate (price ÷ planned hours), never more than the price."""
    if minutes_planned <= 0:
        return 0
    return min(price_cents, _div_half_up(price_cents * minutes_done, minutes_planned))


def euros(cents: int) -> str:
    """150050 → « 1 500,50 € »: always two decimals on an invoice."""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(int(cents)), 100)
    return f"{sign}{whole:,}".replace(",", NARROW_NBSP) + f",{rest:02d}\u00a0€"


def decimal_text(cents: int) -> str:
    """150050 → « 1500.50 », the amounts of the Factur-X XML."""
    whole, rest = divmod(int(cents), 100)
    return f"{whole}.{rest:02d}"
