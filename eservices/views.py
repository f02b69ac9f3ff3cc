"""The citizen's side of e-services: pick a service, file, follow the case, add, rate.

No account: a case is found by its private link, or by its code with the phone number or
e-mail given. These pages carry a form (CSRF), so they are never cached.
"""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from catalog.models import Category
from chiangkhian.privatefiles import private_file_response
from chiangkhian.spreadsheets import csv_response

from . import abuse, challenge, statistics, transitions
from .forms import AddInformationForm, CaseForm, LookupForm, RatingForm
from .models import Case, CaseFile, PublishedAnswer, Service

CATEGORY_CODE = "1.9"  # announcement 1.9, by its clause: the slug (URL name) may be renamed


@require_safe
def index(request):
    """บริการออนไลน์ (e-Service): the services a citizen can use now."""
    services = Service.objects.online()
    return render(request, "eservices/index.html", {"services": services, **_frame()})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@abuse.body_limit(abuse.form_body_mb)
def file(request, slug):
    service = get_object_or_404(
        Service.objects.online().select_related("manual__manualdetail", "unit"), slug=slug
    )
    posted = request.method == "POST"
    form = CaseForm(
        request.POST if posted else None, request.FILES if posted else None, service=service
    )
    if request.method == "POST":
        refused = _refused(request, form, "file")
        if refused:
            return refused
        if form.is_valid() and _challenge_passed(request, form):
            case = transitions.file_case(case=form.instance, files=form.files_to_attach)
            # No session cookie: the status page shows the code and link in full anyway.
            return redirect(f"{case.get_absolute_url()}?sent=1")
    context = {
        "service": service,
        "form": form,
        "retention_years": round(settings.ESERVICES_RETENTION_DAYS / 365, 1),
        **_frame(),
    }
    return render(request, "eservices/case_form.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@abuse.body_limit(abuse.text_body_mb)
def lookup(request):
    """Find a case by its code and the phone or e-mail given (both needed, so codes can't be
    walked through)."""
    form = LookupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        refused = _refused(request, form, "lookup")
        if refused:
            return refused
        if form.is_valid() and _challenge_passed(request, form):
            code = form.cleaned_data["code"].strip()
            case = Case.objects.filter(code=code).first()
            if case and case.contact_matches(form.cleaned_data["contact"]):
                return redirect("eservices:track", token=case.token)
            form.add_error(
                None,
                _("No case matches this code with this phone number or e-mail. Check both."),
            )
    return render(request, "eservices/lookup.html", {"form": form, **_frame()})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@abuse.body_limit(abuse.form_body_mb)
def track(request, token):
    """The status page: every step meant for the citizen, the unit, the next due date."""
    case = get_object_or_404(Case.objects.select_related("service", "unit"), token=token)
    add_form = rating_form = None
    if case.is_open:
        add_form = AddInformationForm(
            request.POST if "add" in request.POST else None,
            request.FILES if "add" in request.POST else None,
        )
    elif case.rating is None:
        rating_form = RatingForm(request.POST if "rate" in request.POST else None)
    if request.method == "POST":
        form = add_form if "add" in request.POST else rating_form
        if form is None:
            return redirect(case)
        refused = _refused(request, form, "track")
        if refused:
            return refused
        if form.is_valid() and _challenge_passed(request, form):
            return _follow_up(request, case, form)
    context = {
        "case": case,
        "steps": case.steps.filter(to_citizen=True).select_related("unit"),
        "files": case.files.all(),
        "sent": request.GET.get("sent") == "1",
        "private_url": request.build_absolute_uri(case.get_absolute_url()),
        "add_form": add_form,
        "rating_form": rating_form,
        "overdue": case.is_overdue(),
        "today": timezone.localdate(),
        **_frame(),
    }
    return render(request, "eservices/case_track.html", context)


@require_safe
def case_file(request, token, file_pk):
    """A photo or document the citizen sent, for whoever holds the case's private link."""
    found = get_object_or_404(CaseFile.objects.filter(case__token=token), pk=file_pk)
    return private_file_response(
        found.file.open("rb"), mime_type=found.mime_type, filename=found.original_name
    )


def _follow_up(request, case, form):
    try:
        if isinstance(form, AddInformationForm):
            transitions.add_information(
                case=case, text=form.cleaned_data["text"], files=form.files_to_attach
            )
            messages.success(request, _("Thank you. Your information was added to the case."))
        else:
            transitions.rate(
                case=case, score=form.cleaned_data["score"], comment=form.cleaned_data["comment"]
            )
            messages.success(request, _("Thank you for rating our service."))
    except transitions.WorkflowError as error:
        messages.error(request, error.message)
    return redirect(case)


def _challenge_passed(request, form):
    """The proof-of-work check; a failure is a form error, so nothing typed is lost."""
    if challenge.verify(request.POST.get("altcha", "")):
        return True
    form.add_error(None, abuse.NO_CHALLENGE)
    return False


def _refused(request, form, bucket):
    """A page that refuses a burst or a bot, storing nothing; None when the post may go on."""
    if abuse.over_limit(request, bucket):
        message = abuse.TOO_MANY
    elif form is not None and form.is_spam():
        message = abuse.NOT_ACCEPTED
    else:
        return None
    response = render(request, "eservices/refused.html", {"message": message, **_frame()})
    response.status_code = 429
    return response


def _frame():
    """The category of announcement 1.9, for the breadcrumbs as the catalog draws them."""
    category = Category.objects.filter(code=CATEGORY_CODE).first()
    return {"category": category, "crumbs": [category] if category else []}


def _summary(request):
    by = request.GET.get("by", "month")
    try:
        year = int(request.GET.get("fy", ""))
    except ValueError:
        year = None
    if year is not None and not 2400 <= year <= 3000:
        raise Http404  # a B.E. fiscal year; outside this, no date exists to compute it from
    result = statistics.summary(year=year, by=by)
    if year is not None and year not in result.years:
        raise Http404
    return result


@require_safe
def statistics_page(request):
    """Received, finished, in progress, overdue and speed, by month, quarter or fiscal year."""
    result = _summary(request)
    context = {
        "summary": result,
        "received_chart": statistics.chart(result, "received", _("Cases received")),
        "finished_chart": statistics.chart(result, "finished", _("Cases finished")),
        "groupings": [
            ("month", _("By month")),
            ("quarter", _("By quarter")),
            ("year", _("By fiscal year")),
        ],
        **_frame(),
    }
    return render(request, "eservices/statistics.html", context)


@require_safe
def statistics_csv(request):
    result = _summary(request)
    header = [
        _("Period"),
        _("Number received"),
        _("Number finished"),
        _("In progress at the end"),
        _("Overdue at the end"),
        _("Average days to finish"),
        _("Average days promised"),
    ]
    lines = [
        [
            row.label,
            row.received,
            row.finished,
            row.in_progress,
            row.overdue,
            row.average_days if row.average_days is not None else "",
            row.average_promised if row.average_promised is not None else "",
        ]
        for row in result.rows
    ]
    lines += [[], [_("Service"), _("Number received")]]
    lines += [[service.name, count] for service, count in result.services]
    filename = f"eservices-{result.fiscal_year}-{result.by}.csv"
    return csv_response(filename, header, lines)


@require_safe
def questions(request):
    """ถาม-ตอบ: the questions whose answers a webmaster has published."""
    answers = PublishedAnswer.objects.order_by("-published_at", "-pk")
    page = Paginator(answers, 20).get_page(request.GET.get("page"))
    ask = Service.objects.online().filter(kind=Service.Kind.QUESTION).first()
    context = {"page": page, "ask": ask, **_frame()}
    return render(request, "eservices/questions.html", context)


@require_safe
def public_cases(request):
    """The cases of services marked public: category, place, status, dates; nobody's name."""
    cases = (
        Case.objects.publicly_listed()
        .select_related("service")
        .only(
            "code",
            "topic",
            "place",
            "status",
            "received_at",
            "closed_at",
            "service__name_th",
            "service__name_en",
        )
        .order_by("-received_at", "-pk")
    )
    page = Paginator(cases, 30).get_page(request.GET.get("page"))
    return render(request, "eservices/public_cases.html", {"page": page, **_frame()})
