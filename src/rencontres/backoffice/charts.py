"""Bar charts of survey answers, drawn on the server as SVG: no script, readable by screen readers."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from rencontres.surveys.selectors import QuestionResult

WIDTH, ROW, LABEL, BAR = 520, 28, 170, 250


def bar_chart(result: QuestionResult) -> SafeString:
    """One horizontal bar per score or choice, with its count and share; the title says it all in words."""
    height = ROW * len(result.bars) + 4
    summary = ", ".join(f"{bar.label} : {bar.count} ({bar.percent} %)" for bar in result.bars)
    rows = format_html_join(
        "",
        '<g transform="translate(0 {})"><text x="0" y="18" font-size="14" fill="#161616">{}</text>'
        '<rect x="{}" y="5" width="{}" height="16" fill="#000091"></rect>'
        '<text x="{}" y="18" font-size="14" fill="#161616">{} ({} %)</text></g>',
        (
            (
                i * ROW,
                bar.label if len(bar.label) <= 22 else bar.label[:21] + "…",
                LABEL,
                round(BAR * bar.percent / 100),
                LABEL + round(BAR * bar.percent / 100) + 6,
                bar.count,
                bar.percent,
            )
            for i, bar in enumerate(result.bars)
        ),
    )
    return format_html(
        '<svg class="survey-chart" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{rows}</svg>',
        w=WIDTH,
        h=height,
        title=f"{result.question.label} — {summary}",
        rows=rows,
    )
