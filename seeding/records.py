"""How the demo loaders correct their own records without touching an editor's work.

A demo record is described by its *state*: a plain dict of everything the demo content
sets on it (its fields, and its children as lists of tuples). When the demo content is
loaded, each record's stored state is compared with the demo content's:

- no such record: it is created;
- the same state: it is found, and nothing is done;
- the state an earlier version of the demo content created (its fingerprint is listed
  among the record's earlier versions): nobody has edited it since it was loaded, so it
  is brought up to date;
- any other state: an editor changed it, and it is left exactly as it is.

When you change a demo record, add the fingerprint of its old state to its earlier
versions (the demo module's EARLIER_VERSIONS): `fingerprint()` of what the module's state
function reads from a database loaded with the old content. What a state function reads
is part of every fingerprint: when you make it read more (a new field), recompute the
earlier fingerprints the same way.
"""

import datetime
import hashlib
import json
from collections.abc import Collection
from decimal import Decimal
from enum import StrEnum


class Outcome(StrEnum):
    CREATED = "created"
    FOUND = "found"
    UPDATED = "updated to the current demo content"
    KEPT = "found, changed by an editor, left as it is"


def canonical(value):
    """`value` as JSON-ready data that does not depend on the database: decimals without
    trailing zeros, dates in ISO 8601 (times in UTC), tuples (one child's values) in order,
    lists (a record's children) sorted."""
    if isinstance(value, dict):
        return {str(key): canonical(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [canonical(item) for item in value]
    if isinstance(value, list | set | frozenset):
        items = [canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def fingerprint(state: dict) -> str:
    """A short digest of a record's state, the same on every database."""
    text = json.dumps(canonical(state), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def compare(*, stored: dict, wanted: dict, earlier: Collection[str] = ()) -> Outcome:
    """What loading should do with a stored demo record: leave it (FOUND, KEPT) or bring
    it up to date (UPDATED). `earlier` holds the fingerprints of its earlier demo states."""
    stored_print = fingerprint(stored)
    if stored_print == fingerprint(wanted):
        return Outcome.FOUND
    if stored_print in earlier:
        return Outcome.UPDATED
    return Outcome.KEPT


def field_values(instance, fields) -> dict:
    """The values of `fields` on a model instance; a file field by its stored name."""
    values = {}
    for name in fields:
        value = getattr(instance, name)
        values[name] = (value.name or "") if hasattr(value, "storage") else value
    return values


def defaults_of(model, fields, data: dict) -> dict:
    """The values of `fields` that `data` (a demo spec) gives, the model's defaults for
    the others: what a record created from `data` stores."""
    return {
        name: data[name] if name in data else model._meta.get_field(name).get_default()
        for name in fields
    }


def load_record(model, lookup: dict, *, state, wanted: dict, earlier: Collection[str], write):
    """Create, leave or update the demo record that `lookup` finds, as described above.

    `state(record)` reads a stored record's state; `write(record)` stores the demo content
    in a record, new or to be updated, with its children. Returns the record and what
    was done.
    """
    record = model.objects.filter(**lookup).first()
    if record is None:
        record = model(**lookup)
        write(record)
        return record, Outcome.CREATED
    outcome = compare(stored=state(record), wanted=wanted, earlier=earlier)
    if outcome is Outcome.UPDATED:
        write(record)
    return record, outcome


def write_fields(record, model, fields, data: dict, **relations) -> None:
    """Set `fields` on `record` as a record created from `data` would have them (see
    `defaults_of`), and `relations` (related records) as given, then save it."""
    for name, value in {**defaults_of(model, fields, data), **relations}.items():
        setattr(record, name, value)
    record.save()
