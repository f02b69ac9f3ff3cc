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


class _Echo:
    def write(self, value):
        return value


def csv_stream_response(filename, header, lines):
    """csv_response for exports too large to build in memory (lines is an iterator)."""
    from django.http import StreamingHttpResponse

    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff" + writer.writerow(header)
        for line in lines:
            yield writer.writerow([_cell(value) for value in line])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
