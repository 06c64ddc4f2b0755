"""The meeting page's admin form: the agenda's rules checked across all its sessions."""

from types import SimpleNamespace

from wagtail.admin.forms import WagtailAdminPageForm

from .. import agenda


class MeetingPageForm(WagtailAdminPageForm):
    """Rejects sessions outside the meeting's days and sessions sharing a room at once.

    Each message goes on the later session's row, and once at the top of the page."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_valid():
            return cleaned_data
        rows = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not form.has_changed() and not form.instance.pk:
                continue
            rows.append(
                SimpleNamespace(
                    form=form,
                    day=data.get("day"),
                    starts_at=data.get("starts_at"),
                    ends_at=data.get("ends_at"),
                    title=data.get("title") or "",
                    room=data.get("room") or "",
                )
            )
        starts_on, ends_on = cleaned_data.get("starts_on"), cleaned_data.get("ends_on")
        if starts_on and ends_on:
            for row in rows:
                if row.day and not starts_on <= row.day <= ends_on:
                    message = agenda.outside_message(row, starts_on, ends_on)
                    row.form.add_error("day", message)
                    self.add_error(None, message)
        for first, second in agenda.overlaps(rows):
            message = agenda.overlap_message(first, second)
            second.form.add_error("starts_at", message)
            self.add_error(None, message)
        return cleaned_data
