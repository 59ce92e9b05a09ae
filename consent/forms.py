from django import forms

from consent.models import ConsentRecord
from consent.state import Catalogue


class ConsentForm(forms.Form):
    """One decision: accept all, reject all, or the optional groups ticked one by one."""

    method = forms.ChoiceField(choices=ConsentRecord.Method.choices)
    groups = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Optional cookies"
    )
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, catalogue: Catalogue, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        self.fields["groups"].choices = [
            (group.varname, group.name) for group in catalogue.optional_groups
        ]

    def accepted(self) -> frozenset[str]:
        method = self.cleaned_data["method"]
        if method == ConsentRecord.Method.ACCEPT_ALL:
            return self.catalogue.optional_varnames
        if method == ConsentRecord.Method.REJECT_ALL:
            return frozenset()
        return frozenset(self.cleaned_data["groups"])
