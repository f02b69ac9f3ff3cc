"""Permissions named in the interface's language.

Django stores a permission's name in English when it is created ("Can add content item",
"Can change historical unit"), so the back office would show English however its catalogue
is translated. These helpers name a permission from its codename and the model's (translated)
verbose name instead; a custom permission's name is its own msgid (Meta.permissions).
"""

from django.apps import apps
from django.utils.translation import gettext as _

DEFAULT_ACTIONS = {
    "add": lambda name: _("Can add %(name)s") % {"name": name},
    "change": lambda name: _("Can change %(name)s") % {"name": name},
    "delete": lambda name: _("Can delete %(name)s") % {"name": name},
    "view": lambda name: _("Can view %(name)s") % {"name": name},
}


def model_name(model):
    """A model's verbose name; simple_history's "historical X" becomes "history of X"."""
    original = getattr(model, "instance_type", None)  # set on simple_history's models
    if original is not None and original is not model:
        return _("history of %(name)s") % {"name": original._meta.verbose_name}
    return str(model._meta.verbose_name)


def permission_name(permission):
    model = permission.content_type.model_class()
    action, _sep, rest = permission.codename.partition("_")
    if model is not None and action in DEFAULT_ACTIONS and rest == model._meta.model_name:
        return DEFAULT_ACTIONS[action](model_name(model))
    return _(permission.name)


def permission_label(permission):
    """ "Website content | category | Can add category", in the current language."""
    content_type = permission.content_type
    model = content_type.model_class()
    try:
        app = apps.get_app_config(content_type.app_label).verbose_name
    except LookupError:
        app = content_type.app_label
    model_label = model_name(model) if model else content_type.model
    return f"{app} | {model_label} | {permission_name(permission)}"
