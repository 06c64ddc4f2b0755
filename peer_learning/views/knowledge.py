"""The knowledge base: obstacles the libraries met and how they solved them, from every
meeting, for anyone signed in."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from ..forms.stories import KnowledgeFilterForm
from ..selectors import knowledge as selectors

PER_PAGE = 20


@login_required
def knowledge_base(request):
    all_kinds = request.GET.get("all") in ("on", "1", "true")
    choices = selectors.knowledge_choices(all_kinds=all_kinds)
    form = KnowledgeFilterForm(request.GET or None, choices=choices)
    cleaned = {}
    if form.is_bound:
        # cleaned_data keeps the valid fields: a stale or mistyped filter is dropped rather
        # than failing the whole search.
        form.is_valid()
        cleaned = form.cleaned_data
    filters = selectors.KnowledgeFilters(
        q=(cleaned.get("q") or "").strip(),
        theme=cleaned.get("theme") or "",
        province=cleaned.get("province"),
        curriculum=cleaned.get("curriculum"),
        all_kinds=all_kinds,
    )
    page = Paginator(selectors.knowledge_stories(filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "peer_learning/knowledge_base.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "filtered": any((filters.q, filters.theme, filters.province, filters.curriculum)),
        },
    )


@login_required
def knowledge_story(request, story_id: int):
    story = selectors.knowledge_story(story_id=story_id)
    if story is None:
        raise Http404
    return render(
        request,
        "peer_learning/knowledge_story.html",
        {"story": story, "photos": list(story.photos.all())},
    )
