from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from threshold.notices.models import FamilyContact, NoticeText


class TextForm(forms.ModelForm):
    class Meta:
        model = NoticeText
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 22})}
        help_texts = {
            "body": _(
                "Paragraphs are separated by an empty line; a line starting with '- ' is an item "
                "of a list. Words in braces, like {district}, are filled in when the notice is "
                "sent or shown."
            ),
        }


class ContactForm(forms.ModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = FamilyContact
        fields = ["contact_name", "contact_phone", "contact_email", "public_slug"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["website"] = self.instance.website
        # The website goes before the public address, as on the page.
        self.order_fields(["contact_name", "contact_phone", "contact_email", "website"])


class ReviewForm(forms.Form):
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
