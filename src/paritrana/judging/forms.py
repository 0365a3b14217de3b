"""Forms of the committee's jury pages and the jurors' conflict declarations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from paritrana.accounts.models import Role, User
from paritrana.regions.models import Province, Regency


class PanelForm(forms.Form):
    name = forms.CharField(label=_("Panel name"), max_length=150)
    blind = forms.BooleanField(
        label=_("Blind scoring (jurors see others' scores only after submitting)"),
        required=False,
    )


class MemberAddForm(forms.Form):
    juror = forms.ModelChoiceField(label=_("Juror"), queryset=User.objects.none())

    def __init__(self, *args: Any, panel: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = (
            User.objects.filter(role_assignments__role=Role.JUROR, is_active=True)
            .exclude(panel_memberships__panel=panel)
            .distinct()
            .order_by("full_name", "username")
        )


class GenerateForm(forms.Form):
    k = forms.IntegerField(label=_("Jurors per candidate (k)"), min_value=1, max_value=50)


class PairForm(forms.Form):
    """A juror of the panel and an interviewed candidate of the round."""

    juror = forms.ModelChoiceField(label=_("Juror"), queryset=User.objects.none())
    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=None)

    def __init__(self, *args: Any, jurors: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = jurors
        self.fields["candidate"].queryset = candidates


class ClearForm(PairForm):
    reason = forms.CharField(label=_("Why this is not a conflict"), widget=forms.Textarea)


class ProfileForm(forms.Form):
    home_province = forms.ModelChoiceField(
        label=_("Home province"), queryset=Province.objects.order_by("code"), required=False
    )
    home_regency = forms.ModelChoiceField(
        label=_("Home regency/city"), queryset=Regency.objects.order_by("code"), required=False
    )
    employer_name = forms.CharField(
        label=_("Employer / organisation"), max_length=250, required=False
    )
    employer_npp = forms.CharField(label=_("Employer NPP"), max_length=40, required=False)


class DeclareForm(forms.Form):
    candidate = forms.ModelChoiceField(label=_("Candidate"), queryset=None)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = candidates
