"""The body editor of items: django-prose-editor (ProseMirror), self-hosted.

Its output is HTML that catalog.richtext.clean() sanitises on save and on render; the
extensions below produce nothing outside richtext.TAGS (tests/catalog/test_rich_text.py).
"""

from django import forms
from django.urls import reverse_lazy
from django_prose_editor.widgets import AdminProseEditorWidget

from . import richtext

BODY_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},  # the page title is the h1
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}


class BodyEditorWidget(AdminProseEditorWidget):
    """A textarea that static/js/body-editor.js turns into the editor.

    Its media are files only: the module script imports the package's editor.js by a
    relative path, so neither the package's inline import map nor an inline script is used.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, config={"extensions": BODY_EDITOR_EXTENSIONS}, preset="body")

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "css/body-editor.css",
                ]
            },
            js=[
                # The Thai texts of the editor's dialogs and buttons (a JavaScript catalog).
                reverse_lazy("catalog:editor_jsi18n"),
                forms.Script("js/body-editor.js", type="module"),
            ],
        )

    def format_value(self, value):
        # A plain-text body (older rows, the demo) opens as its paragraphs, not one run.
        return richtext.clean(value)
