"""Writing and verifying the audit chain.

The hash covers a canonical JSON of every recorded field plus the previous hash, so
changing any field of any entry, removing one or reordering them is detected by
:func:`audit_verify`, which names the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from paritrana.audit.models import GENESIS_HASH, AuditEntry, ChainHead


def _canonical(value: Any) -> Any:
    # Round-trip through JSON so what is hashed is exactly what the JSON column stores.
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True))


def entry_hash(fields: dict[str, Any], prev_hash: str) -> str:
    payload = json.dumps(
        {"prev": prev_hash, **fields}, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "created_at": entry.created_at.isoformat(),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "before": entry.before,
        "after": entry.after,
    }


def audit_log(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one entry. Call inside the transaction that makes the change it records."""
    if obj is not None:
        object_type = object_type or obj._meta.label
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    with transaction.atomic():
        head, _created = ChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            created_at=timezone.now(),
            actor=actor if is_user else None,
            actor_label=str(actor) if is_user else (str(actor) if actor else "system"),
            action=action,
            object_type=object_type,
            object_id=object_id,
            object_repr=object_repr,
            before=_canonical(before),
            after=_canonical(after),
            prev_hash=head.last_hash,
        )
        entry.hash = entry_hash(_hashed_fields(entry), entry.prev_hash)
        entry.save()
        ChainHead.objects.filter(pk=1).update(last_hash=entry.hash, count=head.count + 1)
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    broken_at: int | None = None
    reason: str = ""


def audit_verify() -> ChainReport:
    """Walk the chain in order; report the first entry whose hash or link is wrong."""
    prev = GENESIS_HASH
    checked = 0
    for entry in AuditEntry.objects.order_by("id").iterator(chunk_size=2000):
        checked += 1
        if entry.prev_hash != prev:
            return ChainReport(
                ok=False,
                checked=checked,
                broken_at=entry.pk,
                reason="link to the previous entry is broken",
            )
        if entry_hash(_hashed_fields(entry), entry.prev_hash) != entry.hash:
            return ChainReport(
                ok=False,
                checked=checked,
                broken_at=entry.pk,
                reason="content does not match its hash",
            )
        prev = entry.hash
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and (head.last_hash != prev or head.count != checked):
        return ChainReport(
            ok=False,
            checked=checked,
            reason="entries are missing after the last one (head does not match)",
        )
    return ChainReport(ok=True, checked=checked)
