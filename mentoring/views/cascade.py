"""The cascade view: a curriculum's trainer tree with each trainer's reach, and one person's
lineage (her trainers and her own subtree), each exportable as CSV or XLSX."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from courses.selectors import curricula
from lms.exports import Table, export_response, requested_format

from ..lineage import Node, downstream, trainer_chain
from ..permissions import can_view_cascade, can_view_person

# The picture and the on-page table stop here; the counts and the exports cover everyone.
MAX_DRAWN = 300
# Branches this shallow start unfolded in the picture.
OPEN_DEPTH = 1


def _curricula_and_current(curriculum_id):
    """Every curriculum (one query) and the one asked for, or the first; 404 if unknown."""
    options = list(curricula())
    if curriculum_id is None:
        return options, (options[0] if options else None)
    for option in options:
        if option.pk == curriculum_id:
            return options, option
    raise Http404


def _days(node: Node):
    return node.days_to_first_cohort if node.days_to_first_cohort is not None else ""


def _node_row(node: Node) -> list:
    return [
        node.name,
        node.tier_label,
        node.level_label,
        node.library,
        node.regency,
        node.direct,
        node.indirect,
        node.depth,
        node.multiplier if node.multiplier is not None else "",
        _days(node),
        _("yes") if node.trained_no_one else "",
    ]


def _node_columns() -> list[str]:
    return [
        _("Name"),
        _("Tier"),
        _("Level"),
        _("Library"),
        _("Kabupaten/kota"),
        _("Direct trainees"),
        _("Indirect trainees"),
        _("Depth"),
        _("Multiplier"),
        _("Days to first cohort"),
        _("Trained no one"),
    ]


def _person_urls(curriculum, *, linked: bool):
    """A function giving each person's lineage URL (one reverse() for the whole page), or
    no URL where the viewer may not open other people's lineage."""
    if not linked:
        return lambda user_id: ""
    marker = 987654321
    pattern = reverse("mentoring:cascade_person", args=[curriculum.pk, marker])
    head, tail = pattern.split(str(marker))
    return lambda user_id: f"{head}{user_id}{tail}"


def _drawing(nodes: list[Node], url) -> list[dict]:
    """The first MAX_DRAWN nodes (depth first) with what the template needs to nest them:
    whether a branch opens below a node, and how many branches close after it."""
    drawn = nodes[:MAX_DRAWN]
    if not drawn:
        return []
    base = min(node.depth for node in drawn)
    items = []
    for index, node in enumerate(drawn):
        level = node.depth - base
        following = drawn[index + 1].depth - base if index + 1 < len(drawn) else 0
        has_branch = following > level
        items.append(
            {
                "node": node,
                "url": url(node.user_id),
                "has_branch": has_branch,
                "open": level < OPEN_DEPTH,
                # Each close ends a branch: </ul></details></li>.
                "closes": range(max(level - following, 0)),
            }
        )
    return items


# The generations picture: one bar per generation, BAR_MAX wide for the largest.
BAR_MAX = 240
BAR_STEP = 28


def _rows(trainers: list[Node], url) -> list[dict]:
    """The on-page table: the first MAX_DRAWN trainers, each with her lineage URL."""
    return [{"node": node, "url": url(node.user_id)} for node in trainers[:MAX_DRAWN]]


def _generations(nodes: list[Node]) -> dict:
    """People per generation of the tree, as bars of an SVG picture."""
    counts: dict[int, int] = {}
    for node in nodes:
        counts[node.depth] = counts.get(node.depth, 0) + 1
    widest = max(counts.values(), default=0)
    bars = [
        {
            "depth": depth,
            "label": depth + 1,
            "count": count,
            "width": max(round(BAR_MAX * count / widest), 1),
            "y": index * BAR_STEP,
            "text_y": index * BAR_STEP + 17,
        }
        for index, (depth, count) in enumerate(sorted(counts.items()))
    ]
    return {"bars": bars, "height": len(bars) * BAR_STEP, "count_x": BAR_MAX + 96}


def _summary(nodes: list[Node]) -> dict:
    roots = [node for node in nodes if node.depth == 0]
    trainers = [node for node in nodes if node.is_trainer]
    return {
        "people": len(nodes),
        "trainers": len(trainers),
        "roots": len(roots),
        "generations": max((node.depth for node in nodes), default=-1) + 1,
        "trained_no_one": sum(1 for node in nodes if node.trained_no_one),
    }


@login_required
def cascade(request, curriculum_id: int | None = None):
    if not can_view_cascade(request.user):
        raise PermissionDenied
    options, curriculum = _curricula_and_current(curriculum_id)
    nodes = downstream(curriculum=curriculum) if curriculum else []
    trainers = [node for node in nodes if node.is_trainer]
    fmt = requested_format(request)
    if fmt and curriculum:
        title = _("Cascade %(curriculum)s") % {"curriculum": curriculum.title}
        table = Table(title, _node_columns(), [_node_row(node) for node in trainers])
        return export_response(table, fmt)
    url = _person_urls(curriculum, linked=True) if curriculum else None
    return render(
        request,
        "mentoring/cascade.html",
        {
            "curricula": options,
            "curriculum": curriculum,
            "summary": _summary(nodes),
            "generations": _generations(nodes),
            "drawing": _drawing(nodes, url),
            "drawn_all": len(nodes) <= MAX_DRAWN,
            "max_drawn": MAX_DRAWN,
            "trainers": _rows(trainers, url),
            "trainers_total": len(trainers),
            "may_view_cascade": True,
        },
    )


@login_required
def person(request, curriculum_id: int, user_id: int):
    someone = get_object_or_404(get_user_model(), pk=user_id)
    may_view_cascade = can_view_cascade(request.user)
    if not (may_view_cascade or can_view_person(request.user, someone)):
        raise PermissionDenied
    _options, curriculum = _curricula_and_current(curriculum_id)
    chain = trainer_chain(user=someone, curriculum=curriculum)
    nodes = downstream(curriculum=curriculum, root=someone)
    fmt = requested_format(request)
    if fmt:
        return export_response(_lineage_table(someone, curriculum, chain, nodes), fmt)
    url = _person_urls(curriculum, linked=may_view_cascade)
    return render(
        request,
        "mentoring/lineage_person.html",
        {
            "curriculum": curriculum,
            "person": someone,
            "own": nodes[0] if nodes else None,
            "chain": list(reversed(chain)),  # from the top of the cascade down to her
            "summary": _summary(nodes),
            "drawing": _drawing(nodes, url),
            "drawn_all": len(nodes) <= MAX_DRAWN,
            "max_drawn": MAX_DRAWN,
            "trainers": _rows([node for node in nodes if node.is_trainer], url),
            "trainers_total": sum(1 for node in nodes if node.is_trainer),
            "may_view_cascade": may_view_cascade,
        },
    )


def _lineage_table(someone, curriculum, chain, nodes) -> Table:
    """Her trainers (negative generations), herself (0) and everyone below her."""
    name = someone.get_full_name() or someone.get_username()
    title = _("Lineage %(name)s %(curriculum)s") % {"name": name, "curriculum": curriculum.title}
    columns = [_("Relation"), _("Generation"), *_node_columns()]
    rows = [
        [
            _("Trainer"),
            -link.generation,
            link.name,
            link.tier_label,
            link.level_label,
            link.library,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
        for link in reversed(chain)
    ]
    for node in nodes:
        relation = _("Herself") if node.depth == 0 else _("Trainee")
        rows.append([relation, node.depth, *_node_row(node)])
    return Table(title, columns, rows)


urlpatterns = [
    path("kaskade/", cascade, name="cascade"),
    path("kaskade/<int:curriculum_id>/", cascade, name="cascade_curriculum"),
    path("kaskade/<int:curriculum_id>/orang/<int:user_id>/", person, name="cascade_person"),
]
