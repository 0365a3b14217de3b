"""Forms with more than one field; single values are read by the domain functions."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class InviteForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))


class FieldNoteForm(forms.Form):
    text = forms.CharField(
        label=_("Field-verification note"), widget=forms.Textarea(attrs={"rows": 4})
    )
