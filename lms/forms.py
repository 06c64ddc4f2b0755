"""Admin forms of the library network."""

from wagtail.admin.forms import WagtailAdminModelForm

from .models import Library


class LibraryForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mentor = self.fields.get("mentor_library")
        if mentor is not None:
            mentor.queryset = (
                Library.objects.filter(kind=Library.Kind.REGENCY)
                .select_related("regency")
                .order_by("regency__name", "name")
            )
