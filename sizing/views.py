from dataclasses import dataclass
from decimal import Decimal
from http import HTTPStatus

from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from caching.fragments import kept
from caching.pages import cache_public
from seo.meta import page_meta
from sizing.choices import Condition, System, Width
from sizing.engine import Guide, Recommendation, format_size
from sizing.forms import SizeFinderForm
from sizing.guide import current_guide

CONDITION_LEADS = {
    Condition.ALWAYS: "",
    Condition.SIZED_DOWN: "If you sized down in them: ",
    Condition.WIDE_WIDTH: "If you buy them in a wide width: ",
}
CONDITION_ORDER = {condition: index for index, condition in enumerate(Condition)}
MEASURE_ANSWER = (
    "Stand on a sheet of paper with your heel against a wall, mark the tip of your longest "
    "toe, and measure from the wall to the mark in centimetres. Measure both feet in the "
    "evening and use the longer one. Asics prints the length in cm on the tongue label and "
    "the box, so you can compare directly."
)


def offset_words(low: int, high: int) -> str:
    """Offsets in half sizes as words: "Same size", "Same size or half a size up"..."""

    def words(offset: int) -> str:
        if offset == 0:
            return "same size"
        direction = "up" if offset > 0 else "down"
        if abs(offset) == 1:
            return f"half a size {direction}"
        if abs(offset) == 2:
            return f"a full size {direction}"
        return f"{format_size(Decimal(abs(offset)) / 2)} sizes {direction}"

    return capfirst(words(low) if low == high else f"{words(low)} or {words(high)}")


def comparison_rows(guide: Guide) -> list[dict]:
    """The comparison table: each reference shoe, how it runs, and the advice."""
    return [
        {
            "shoe": shoe,
            "advice": [
                {
                    "condition": rule.condition,
                    "lead": CONDITION_LEADS[rule.condition],
                    "offsets": offset_words(rule.offset_min, rule.offset_max),
                    "explanation": rule.explanation,
                }
                for rule in sorted(shoe.rules, key=lambda rule: CONDITION_ORDER[rule.condition])
            ],
        }
        for shoe in guide.shoes
    ]


def faq_entries(guide: Guide) -> list[tuple[str, str]]:
    """Questions and answers shown on the page and given to search engines as FAQPage."""
    target = guide.target
    entries = []
    if target:
        entries.append((f"Does the {target.name} run true to size?", target.fit_notes))
    wide = guide.width_rules_by_width.get(Width.WIDE)
    if wide:
        entries.append(("Should I size up for wide feet?", wide.explanation))
    if target and target.stretch_notes:
        entries.append((f"Does the {target.name} stretch?", target.stretch_notes))
    entries.append(
        (
            "How do women's sizes compare with men's?",
            "US women's sizes are US men's plus 1.5: a men's US 7 is about a women's US 8.5. "
            "Centimetres are the one measure that does not change with gender or brand.",
        )
    )
    entries.append(("How do I measure my foot?", MEASURE_ANSWER))
    for row in comparison_rows(guide):
        answer = " ".join(f"{item['lead']}{item['explanation']}" for item in row["advice"])
        if answer:
            entries.append((f"Which Kayano 14 size if I wear the {row['shoe'].name}?", answer))
    return entries


def faq_structured_data(entries: list[tuple[str, str]]) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question,
                "acceptedAnswer": {"@type": "Answer", "text": answer},
            }
            for question, answer in entries
        ],
    }


def answer_context(recommendation: Recommendation, system: System) -> dict:
    """The headline (in the reader's system) and every size in every system."""
    sizes = recommendation.sizes
    headline = ""
    if sizes:
        headline = sizes[0].label(system)
        if len(sizes) == 2:
            headline += f" or {format_size(sizes[1].size_in(system))}"
            if system == System.CM:
                headline += " cm"
    return {
        "recommendation": recommendation,
        "headline": headline,
        # One row per system, one column per size: narrow enough for a phone.
        "size_rows": [
            (choice.label, [format_size(size.size_in(choice)) for size in sizes])
            for choice in System
        ],
    }


@dataclass(frozen=True, slots=True)
class FinderAnswer:
    html: str
    headline: str
    status: int


def _render_answer(form: SizeFinderForm, guide: Guide) -> FinderAnswer:
    context = {"form": form}
    status = HTTPStatus.OK
    if form.is_bound:
        if guide.is_ready and form.is_valid():
            system = System(form.cleaned_data["system"])
            context.update(answer_context(form.recommendation(), system))
        else:
            status = HTTPStatus.BAD_REQUEST
    html = mark_safe(render_to_string("sizing/finder_form.html", context))
    return FinderAnswer(html=html, headline=context.get("headline", ""), status=status)


def _answer(data, guide: Guide) -> FinderAnswer:
    """The form and the answer to the values `data` (the query string).

    A valid question is answered once per content generation and kept: there are only
    so many shoes, sizes, systems and widths. The form is then shown as that question
    reads (10,5 as 10.5). A question with a mistake is answered afresh every time."""
    if "size" not in data:
        form = SizeFinderForm.preselected(data, guide=guide)
        key = ("preselected", *sorted(form.initial.items()))
        return kept("finder-answer", key, lambda: _render_answer(form, guide))
    form = SizeFinderForm(data, guide=guide)
    if not (guide.is_ready and form.is_valid()):
        return _render_answer(form, guide)
    question = {name: form.cleaned_data[name] for name in FINDER_FIELDS}
    question["size"] = format_size(question["size"])
    for name in SizeFinderForm.FLAGS:
        question[name] = "1" if question[name] else ""

    def build() -> FinderAnswer:
        return _render_answer(SizeFinderForm(question, guide=guide), guide)

    return kept("finder-answer", tuple(sorted(question.items())), build)


FINDER_FIELDS = tuple(SizeFinderForm.base_fields)


@cache_public(query=FINDER_FIELDS)
def finder(request):
    """The size finder: the answer lives in the query string, so it can be shared."""
    guide = current_guide()
    answer = _answer(request.GET, guide)
    sections = guide_sections(guide)
    context = {
        "guide": guide,
        "finder": answer.html,
        "headline": answer.headline,
        "guide_sections": sections.html,
        "meta": page_meta(
            request,
            title="Asics Gel-Kayano 14 size finder",
            description=(
                "Which Asics Gel-Kayano 14 size to buy, from the size you wear in the Air "
                "Force 1, Dunk, New Balance or other Asics: one answer in US, UK, EU and cm, "
                "with the reasons."
            ),
            structured_data=(sections.faq,),
        ),
    }
    return render(request, "sizing/finder.html", context, status=answer.status)


@dataclass(frozen=True, slots=True)
class GuideSections:
    html: str
    faq: dict  # FAQPage structured data


def _render_sections(guide: Guide) -> GuideSections:
    faq = faq_entries(guide)
    html = render_to_string(
        "sizing/guide_sections.html",
        {
            "guide": guide,
            "comparison_rows": comparison_rows(guide),
            "systems": System.choices,
            "faq": faq,
        },
    )
    return GuideSections(html=mark_safe(html), faq=faq_structured_data(faq))


def guide_sections(guide: Guide) -> GuideSections:
    """The page's sections that depend on the guide alone (fit, comparisons, charts,
    FAQ), kept for the content generation."""
    return kept("sizing-guide-sections", None, lambda: _render_sections(guide))
