import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from blog.models import FAQ, Author, Category, Post, Tag
from colorways.models import (
    Collaborator,
    Colorway,
    ColorwayImage,
    Listing,
    Milestone,
    PaletteColour,
    ReleasePrecision,
    ResaleObservation,
    Retailer,
    RetailPrice,
    Source,
)
from sizing.models import Brand, Comparison, Shoe, SizeChartRow, WidthRule


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class StaffFactory(UserFactory):
    """A staff account in the given roles: StaffFactory(roles=["Writers"])."""

    is_staff = True

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        if create and extracted:
            user.groups.add(*Group.objects.filter(name__in=extracted))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    bio = "Writes about sneakers."


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    name = factory.Sequence(lambda n: f"Tag {n}")
    slug = factory.Sequence(lambda n: f"tag-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Post number {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    author = factory.SubFactory(AuthorFactory)
    category = factory.SubFactory(CategoryFactory)
    summary = "A short standfirst."
    body = "## First section\n\nSome text about the shoe.\n\n## Second section\n\nMore text."
    status = Post.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def tags(post, create, extracted, **kwargs):
        if create and extracted:
            post.tags.set(extracted)


class FAQFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FAQ

    post = factory.SubFactory(PostFactory)
    question = factory.Sequence(lambda n: f"Question {n}?")
    answer = "An **answer**."
    order = factory.Sequence(int)


# sizing


class BrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brand
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Brand {n}")
    slug = factory.Sequence(lambda n: f"brand-{n}")
    chart_source = "A public conversion table."


class SizeChartRowFactory(factory.django.DjangoModelFactory):
    """Rows of a regular chart: the n-th row is US men's 6 + n/2."""

    class Meta:
        model = SizeChartRow

    brand = factory.SubFactory(BrandFactory)
    us_men = factory.Sequence(lambda n: Decimal(6) + Decimal(n) / 2)
    us_women = factory.LazyAttribute(lambda row: row.us_men + Decimal("1.5"))
    uk = factory.LazyAttribute(lambda row: row.us_men - 1)
    eu = factory.LazyAttribute(lambda row: Decimal(33) + row.us_men)
    cm = factory.LazyAttribute(lambda row: Decimal(18) + row.us_men)


class ShoeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shoe

    brand = factory.SubFactory(BrandFactory)
    model = factory.Sequence(lambda n: f"Runner {n}")
    slug = factory.Sequence(lambda n: f"runner-{n}")
    fit_notes = "Fits true to size."


class ComparisonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comparison

    shoe = factory.SubFactory(ShoeFactory)
    explanation = "Take the same size."


class WidthRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WidthRule
        django_get_or_create = ("width",)

    width = "regular"
    explanation = "Stay true to size."


# consent
class CookieGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cookie_consent.CookieGroup"
        django_get_or_create = ("varname",)

    varname = factory.Sequence(lambda n: f"group{n}")
    name = factory.LazyAttribute(lambda g: g.varname.title())
    description = "What these cookies are for."
    is_required = False
    ordering = factory.Sequence(int)


class CookieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "cookie_consent.Cookie"
        skip_postgeneration_save = True

    cookiegroup = factory.SubFactory(CookieGroupFactory)
    name = factory.Sequence(lambda n: f"cookie_{n}")
    description = "Why the cookie is set."
    detail = factory.RelatedFactory(
        "tests.factories.CookieDetailFactory", factory_related_name="cookie"
    )


class CookieDetailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consent.CookieDetail"

    cookie = factory.SubFactory(CookieFactory, detail=None)
    provider = "Kayano 14 Hub (first party)"
    lifetime = "6 months"


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consent.ConsentRecord"

    confirmed_at = factory.LazyFunction(timezone.now)
    visitor_id = factory.Sequence(lambda n: f"{n:032x}")
    banner_version = "0123456789abcdef"
    choices = factory.LazyFunction(lambda: {"analytics": False, "marketing": False})
    method = "reject_all"


class PolicyPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consent.PolicyPage"
        django_get_or_create = ("kind",)

    kind = "privacy"
    title = "Privacy policy"
    body = "## What we keep\n\nAs little as we can."


# colorways
class CollaboratorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collaborator

    name = factory.Sequence(lambda n: f"Studio {n}")
    slug = factory.Sequence(lambda n: f"studio-{n}")
    kind = Collaborator.Kind.STUDIO


class ColorwayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Colorway

    name = factory.Sequence(lambda n: f"White/Silver {n}")
    slug = factory.Sequence(lambda n: f"colorway-{n}")
    style_code = factory.Sequence(lambda n: f"1201A{n % 1000:03d}-{n // 1000 % 1000:03d}")
    collaborator = factory.SubFactory(CollaboratorFactory)
    release_date = datetime.date(2022, 8, 1)
    release_precision = ReleasePrecision.MONTH


class PaletteColourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PaletteColour

    colorway = factory.SubFactory(ColorwayFactory)
    name = "Metallic Silver"
    hex = "#B8BCC4"
    family = PaletteColour.Family.SILVER
    order = factory.Sequence(int)


class RetailPriceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RetailPrice

    colorway = factory.SubFactory(ColorwayFactory)
    region = "United States"
    amount = Decimal("180")
    currency = "USD"


class RetailerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Retailer

    name = factory.Sequence(lambda n: f"Shop {n}")
    website = factory.LazyAttribute(lambda r: f"https://{r.name.lower().replace(' ', '')}.test/")


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    colorway = factory.SubFactory(ColorwayFactory)
    retailer = factory.SubFactory(RetailerFactory)
    url = factory.Sequence(lambda n: f"https://shop.test/kayano-14/{n}")
    price = Decimal("180")
    currency = "USD"
    availability = Listing.Availability.IN_STOCK


class ResaleObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResaleObservation

    colorway = factory.SubFactory(ColorwayFactory)
    observed_on = datetime.date(2024, 1, 1)
    price = Decimal("400")
    currency = "USD"
    source_name = "A resale market"


class ColorwayImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ColorwayImage

    colorway = factory.SubFactory(ColorwayFactory)
    image = factory.django.ImageField(width=40, height=30, format="PNG")
    alt = "The shoe from the side"
    order = factory.Sequence(int)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    colorway = factory.SubFactory(ColorwayFactory)
    fact = Source.Fact.STYLE_CODE
    claim = "1201A457-101"
    publication = "A listing"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    title = factory.Sequence(lambda n: f"Milestone {n}")
    release_date = datetime.date(2008, 1, 1)
    release_precision = ReleasePrecision.YEAR
