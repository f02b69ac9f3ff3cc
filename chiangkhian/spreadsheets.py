"""CSV downloads that staff and auditors open in Excel."""

import csv

from django.http import HttpResponse


def csv_response(filename, header, lines):
    """A CSV download Excel opens with its Thai text intact (UTF-8 with a byte-order mark)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows([_cell(value) for value in line] for line in lines)
    return response


def _cell(value):
    # A comment or title typed as "=HYPERLINK(...)" must stay text when Excel opens the file.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
