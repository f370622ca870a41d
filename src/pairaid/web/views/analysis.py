"""The analysis page: one indicator by area or pairing and year, from the roll-ups; CSV and XLSX downloads."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from pairaid.accounts.permissions import user_rights
from pairaid.core.errors import PairaidError
from pairaid.core.registry.records import FIRST_YEAR, LAST_YEAR
from pairaid.indicators.pivot import ROWS, pivot_table_cached
from pairaid.indicators.selectors import last_datavalue_year
from pairaid.indicators.totals import summed_indicator_list
from pairaid.interop.pivot_files import pivot_csv, pivot_xlsx
from pairaid.web.templatetags.pairaid_web import name, unit
from pairaid.web.views import site_view, text_param


def _row_labels() -> dict[str, str]:
    return {
        "province": _("Recipient province"),
        "prefecture": _("Recipient prefecture"),
        "county": _("Recipient county"),
        "pairing": _("Pairing (top level)"),
        "pairing_all": _("Pairing (every level)"),
    }


def _is_year(raw: str) -> bool:
    """Whether a query parameter is a whole year the pages accept (1949–2100)."""
    return raw.lstrip("-").isdigit() and len(raw) <= 5 and FIRST_YEAR <= int(raw) <= LAST_YEAR


@site_view
def analysis(request: HttpRequest) -> HttpResponse:
    indicators = summed_indicator_list()
    codes = {i.code: i for i in indicators}
    code = text_param(request, "indicator") or "aid_funds"
    rows = text_param(request, "rows") or "province"
    given = {key: request.GET.get(key, "").strip() for key in ("from", "to")}
    wrong_years = any(raw and not _is_year(raw) for raw in given.values())
    last = int(given["to"]) if _is_year(given["to"]) else last_datavalue_year() or 2009
    first = int(given["from"]) if _is_year(given["from"]) else max(last - 5, FIRST_YEAR)
    extracted = request.GET.get("extracted") == "1" and user_rights(request.user).authenticated
    language = get_language() or "en"
    table, error = None, ""
    if wrong_years:
        error = _("The years must be within %(first)s–%(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
    elif code not in codes or rows not in ROWS:
        error = _("Choose an indicator and what the rows are.")
    else:
        try:
            table = pivot_table_cached(
                indicator=code,
                rows=rows,
                first_year=first,
                last_year=last,
                language=language,
                include_extracted=extracted,
            )
        except PairaidError as exc:
            error = str(exc)
    labels = _row_labels()
    fmt = request.GET.get("format", "")
    if table is not None and fmt in ("csv", "xlsx"):
        words = {"row_label": labels[rows], "total_label": _("Total"), "national_label": _("National total")}
        stem = f"pivot-{code}-{rows}-{first}-{last}"
        if fmt == "csv":
            response = HttpResponse(pivot_csv(table, **words), content_type="text/csv; charset=utf-8")
        else:
            data = pivot_xlsx(table, title=name(table.indicator), unit=unit(table.unit), **words)
            response = HttpResponse(
                data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            )
        response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
        return response
    query = {"indicator": code, "rows": rows, "from": first, "to": last, **({"extracted": 1} if extracted else {})}
    context = {
        "indicators": indicators,
        "row_kinds": labels,
        "row_label": labels.get(rows, ""),
        "chosen": {"indicator": code, "rows": rows, "from": first, "to": last, "extracted": extracted},
        "query": "&".join(f"{k}={v}" for k, v in query.items()),
        "table": table,
        "error": error,
    }
    return render(request, "web/analysis.html", context, status=400 if error else 200)
