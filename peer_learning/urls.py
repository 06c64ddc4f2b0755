"""Front-end URLs of Peer Learning Meetings (the meeting pages themselves are Wagtail pages)."""

from django.urls import path

from .views import checkin, knowledge, materials, mine, participants, registration, stories

app_name = "peer_learning"

urlpatterns = [
    path("pertemuan-saya/", mine.my_meetings, name="mine"),
    # Registration and nomination.
    path("pbs/<int:meeting_id>/daftar/", registration.nominate, name="nominate"),
    path(
        "pbs/<int:meeting_id>/daftar/<int:registration_id>/batal/",
        registration.cancel,
        name="cancel",
    ),
    path("pbs/<int:meeting_id>/qr/<str:code>.svg", registration.badge_qr, name="badge_qr"),
    # Organisers.
    path("pbs/<int:meeting_id>/peserta/", participants.participant_list, name="participants"),
    path(
        "pbs/<int:meeting_id>/peserta/ekspor/",
        participants.participant_export,
        name="participants_export",
    ),
    path("pbs/<int:meeting_id>/hadir/", checkin.checkin, name="checkin"),
    path("pbs/<int:meeting_id>/hadir/manual/", checkin.checkin_manual, name="checkin_manual"),
    # Stories (cerita).
    path("pbs/<int:meeting_id>/cerita/", stories.library_stories, name="stories"),
    path("pbs/<int:meeting_id>/cerita/baru/", stories.story_create, name="story_create"),
    path("pbs/cerita/<int:story_id>/", stories.story_edit, name="story_edit"),
    path("pbs/cerita/<int:story_id>/kirim/", stories.story_submit, name="story_submit"),
    path("pbs/cerita/<int:story_id>/tinjau/", stories.story_review, name="story_review"),
    path("pbs/tinjauan/", stories.review_queue, name="review_queue"),
    path("pbs/<int:meeting_id>/cerita/jadwal/", stories.story_schedule, name="story_schedule"),
    path("pbs/pengetahuan/", knowledge.knowledge_base, name="knowledge"),
    path("pbs/pengetahuan/<int:story_id>/", knowledge.knowledge_story, name="knowledge_story"),
    # Materials.
    path("pbs/<int:meeting_id>/materi/", materials.material_list, name="materials"),
    path(
        "pbs/<int:meeting_id>/materi/<str:kind>/buat/",
        materials.material_generate,
        name="material_generate",
    ),
    path("pbs/materi/<int:job_id>/", materials.material_job, name="material_job"),
    path("pbs/materi/<int:job_id>/unduh/", materials.material_download, name="material_download"),
]
