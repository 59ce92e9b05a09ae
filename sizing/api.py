"""The size finder as JSON: `/api/sizing/recommend` and `/api/sizing/shoes`."""

from ninja import Router, Schema, Status
from ninja.decorators import decorate_view

from caching.pages import cache_public
from sizing.choices import System
from sizing.engine import ChartRow, Guide, valid_sizes
from sizing.forms import SizeFinderForm
from sizing.guide import current_guide

router = Router(tags=["sizing"])


class SizeOut(Schema):
    us_men: float
    us_women: float
    uk: float
    eu: float
    cm: float

    @staticmethod
    def from_row(row: ChartRow) -> "SizeOut":
        return SizeOut(**{system.column: float(row.size_in(system)) for system in System})


class RecommendationOut(Schema):
    recommended: list[SizeOut]
    reasons: list[str]
    warnings: list[str]


class SizingErrorOut(Schema):
    # Its own name: OpenAPI components are named by class, and the catalogue has an ErrorOut.
    detail: str
    errors: dict[str, list[str]] = {}


class ShoeOut(Schema):
    slug: str
    name: str
    brand: str
    fit: str
    fit_notes: str
    widths: str
    sizes: dict[str, list[float]]


QUESTION = ("shoe", "size", "system", "width", "sized_down", "bought_wide")


@router.get(
    "/recommend",
    response={200: RecommendationOut, 400: SizingErrorOut, 503: SizingErrorOut},
    summary="Recommend a Kayano 14 size",
)
@decorate_view(cache_public(query=QUESTION))
def recommend(
    request,
    shoe: str = "",
    size: str = "",
    system: str = System.US_MEN.value,
    width: str = "",
    sized_down: str = "",
    bought_wide: str = "",
):
    """The Kayano 14 size(s) for a reader who wears `size` (in `system`: us-men, us-women,
    uk, eu, cm) in the reference shoe `shoe` (a slug from /api/sizing/shoes). `width` is
    narrow, regular (the default) or wide; `sized_down=1` and `bought_wide=1` are the
    check boxes of the size finder. The same answer as the /sizing/ page."""
    question = (shoe, size, system, width, sized_down, bought_wide)
    status, body = _answer(dict(zip(QUESTION, question, strict=True)), current_guide())
    return Status(status, body)


def _answer(data: dict, guide: Guide) -> tuple[int, Schema]:
    if not guide.is_ready:
        return 503, SizingErrorOut(detail="The size finder has no size charts or shoes yet.")
    form = SizeFinderForm(data, guide=guide)
    if not form.is_valid():
        return 400, SizingErrorOut(
            detail="Some parameters are not valid: " + ", ".join(form.errors) + ".",
            errors={field: list(errors) for field, errors in form.errors.items()},
        )
    answer = form.recommendation()
    return 200, RecommendationOut(
        recommended=[SizeOut.from_row(row) for row in answer.sizes],
        reasons=list(answer.reasons),
        warnings=list(answer.warnings),
    )


@router.get("/shoes", response=list[ShoeOut], summary="Reference shoes the finder compares")
@decorate_view(cache_public())
def shoes(request):
    """Every shoe the size finder compares with, its slug for `recommend`, and its sizes."""
    return [
        ShoeOut(
            slug=shoe.slug,
            name=shoe.name,
            brand=shoe.brand,
            fit=shoe.fit,
            fit_notes=shoe.fit_notes,
            widths=shoe.widths,
            sizes={
                system.value: [float(size) for size in valid_sizes(chart=shoe.chart, system=system)]
                for system in System
            },
        )
        for shoe in current_guide().shoes
    ]
