"""Importing a large CSV file of colorways in steps the page's script drives.

One request reads the file and keeps its rows (`stage`); then each part of at most
CHUNK_ROWS rows is checked and prepared in a request of its own (`check_part`), so
that the page shows how far it has got and no request comes near a worker's timeout;
finally `commit` writes every prepared row in one transaction: all of them or none.
The checks are the resource's (colorways.resources), so a file gets the same answer
whichever way it is imported.
"""

import datetime
from dataclasses import dataclass

import tablib
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from colorways.models import Collaborator, Colorway, ImportBatch, ImportChunk
from colorways.resources import (
    PREPARED_FIELDS,
    ColorwayResource,
    announce_bulk_change,
    check_file,
    problems,
    written_fields,
)

CHUNK_ROWS = 1000
KEEP_BATCHES = datetime.timedelta(days=1)


class ImportRefused(Exception):
    """What is wrong, in sentences for the editor."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Saved:
    added: int
    changed: int


def stage(*, user, data: bytes, file_name: str) -> ImportBatch:
    """Read a CSV file (already checked to be UTF-8 text of at most 2 MB) and keep its rows."""
    try:
        dataset = tablib.Dataset().load(data.decode("utf-8-sig"), format="csv")
    except Exception as error:  # tablib raises whatever its CSV reader raises
        raise ImportRefused([f"The file could not be read as CSV ({error})."]) from error
    try:
        headers = check_file(dataset.headers, rows=len(dataset))
    except ValueError as error:
        raise ImportRefused([str(error)]) from error
    ImportBatch.objects.filter(created_at__lt=timezone.now() - KEEP_BATCHES).delete()
    return ImportBatch.objects.create(
        user=user,
        file_name=file_name[:255],
        headers=headers,
        rows=[["" if cell is None else str(cell) for cell in row] for row in dataset],
    )


def _first_rows(batch: ImportBatch) -> dict[str, dict[str, str]]:
    """Where each slug and style code first appears in the file (row numbers from 1)."""
    first = {"slug": {}, "style_code": {}}
    for column in first:
        if column not in batch.headers:
            continue
        index = batch.headers.index(column)
        for number, row in enumerate(batch.rows, 1):
            value = row[index].strip() if index < len(row) else ""
            if column == "style_code":
                value = value.upper()
            if value:
                first[column].setdefault(value, number)
    return first


def check_part(*, batch: ImportBatch, start: int) -> ImportChunk:
    """Check and prepare the rows from `start` on (at most CHUNK_ROWS), writing nothing
    but the prepared rows; the same part checked again replaces its earlier result."""
    if start < 0 or start >= len(batch.rows) or start % CHUNK_ROWS:
        raise ImportRefused([f"There is no part of the file starting at row {start + 1}."])
    rows = batch.rows[start : start + CHUNK_ROWS]
    dataset = tablib.Dataset(*[tuple(row) for row in rows], headers=batch.headers)
    resource = ColorwayResource()
    resource.row_offset = start
    resource.first_rows = _first_rows(batch)
    resource.prepared = []
    result = resource.import_data(dataset, dry_run=True, raise_errors=False)
    chunk, _ = ImportChunk.objects.update_or_create(
        batch=batch,
        start=start,
        defaults={
            "size": len(rows),
            "prepared": resource.prepared,
            "problems": problems(result),
            "totals": {kind: result.totals[kind] for kind in ("new", "update", "skip")},
        },
    )
    return chunk


def _colorway(values: dict, existing: Colorway | None, collaborators: dict) -> Colorway:
    colorway = existing or Colorway()
    for name in PREPARED_FIELDS:
        if name == "collaborator_id":
            # The object itself, so that naming the colorway in the log needs no query.
            colorway.collaborator = collaborators.get(values[name])
            continue
        field = Colorway._meta.get_field(name)
        setattr(colorway, name, field.to_python(values[name]))
    return colorway


def commit(*, batch: ImportBatch, user) -> Saved:
    """Write every prepared row of a fully checked file in one transaction."""
    chunks = list(batch.chunks.all())
    if sum(chunk.size for chunk in chunks) != len(batch.rows):
        raise ImportRefused(["Check the whole file before importing it."])
    found = [problem for chunk in chunks for problem in chunk.problems]
    if found:
        raise ImportRefused(found)
    prepared = [row for chunk in chunks for row in chunk.prepared]
    now = timezone.now()
    try:
        with transaction.atomic():
            slugs = [row["fields"]["slug"] for row in prepared if not row["new"]]
            existing = {
                colorway.slug: colorway
                for colorway in Colorway.objects.select_for_update().filter(slug__in=slugs)
            }
            collaborators = Collaborator.objects.in_bulk()
            if len(existing) != len(set(slugs)):
                raise ImportRefused(
                    ["A colorway the file changes was deleted since the check: check it again."]
                )
            added = [
                _colorway(row["fields"], None, collaborators) for row in prepared if row["new"]
            ]
            changed = [
                _colorway(row["fields"], existing[row["fields"]["slug"]], collaborators)
                for row in prepared
                if not row["new"]
            ]
            for colorway in changed:
                colorway.updated_at = now
            Colorway.objects.bulk_create(added, batch_size=CHUNK_ROWS)
            Colorway.objects.bulk_update(
                changed, written_fields(batch.headers), batch_size=CHUNK_ROWS
            )
            for instances, action, message in (
                (added, ADDITION, "Added by a CSV import."),
                (changed, CHANGE, "Changed by a CSV import."),
            ):
                if instances:
                    LogEntry.objects.log_actions(
                        user.pk, instances, action, change_message=message, single_object=False
                    )
            batch.delete()
            if added or changed:
                announce_bulk_change((added or changed)[0])
    except IntegrityError as error:
        raise ImportRefused(
            [
                "Nothing was imported: the catalogue changed since the file was checked "
                f"({str(error).splitlines()[0]}). Check the file again."
            ]
        ) from error
    except DatabaseError as error:
        raise ImportRefused(
            ["Nothing was imported: the database did not accept the rows. Try again in a moment."]
        ) from error
    return Saved(added=len(added), changed=len(changed))
