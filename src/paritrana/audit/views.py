"""The audit log, readable by the national committee."""

from __future__ import annotations

from typing import Any

from django.views.generic import ListView
from rules.contrib.views import PermissionRequiredMixin

from paritrana.audit.domain import audit_verify
from paritrana.audit.models import AuditEntry, ChainHead


class AuditLogView(PermissionRequiredMixin, ListView):
    permission_required = "audit.view_log"
    template_name = "audit/log.html"
    paginate_by = 50
    context_object_name = "entries"

    def get_queryset(self) -> Any:
        return AuditEntry.objects.order_by("-id")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Verifying re-hashes the whole chain, so it runs when asked, not on every page view.
        chain = audit_verify() if self.request.GET.get("verify") else None
        return {
            **super().get_context_data(**kwargs),
            "chain": chain,
            "head": ChainHead.objects.filter(pk=1).first(),
        }
