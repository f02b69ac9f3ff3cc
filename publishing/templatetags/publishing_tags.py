from django import template

from publishing import access, timeline

register = template.Library()


@register.inclusion_tag("publishing/includes/queues.html", takes_context=True)
def workflow_queues(context, limit=10):
    """The queues of the signed-in user's roles, with counts and how long each has waited."""
    user = context["request"].user
    queues = []
    for label, queryset, since in access.queues_for(user):
        rows = [(request, getattr(request, since)) for request in queryset[:limit]]
        queues.append({"label": label, "count": queryset.count(), "rows": rows})
    return {
        "queues": queues,
        "can_file": user.has_perm("publishing.add_publicationrequest"),
        "can_import": user.has_perm("publishing.import_items"),
    }


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    user = context["request"].user
    return user.notifications.filter(read=False).count() if user.is_authenticated else 0


register.filter("waited", timeline.waited)
