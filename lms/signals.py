"""Cross-app events. Senders fire them in `transaction.on_commit`, so a receiver never
sees an event whose data was rolled back; receivers live in each app's `handlers.py`.
"""

from django.dispatch import Signal

# A learner completed every required item of a course, recorded once.
# args: user, course (the course page), completed_at
course_completed = Signal()

# A participant finished a training cohort (attendance threshold met, course completed).
# args: user, cohort, facilitators (list of users), finished_at
cohort_finished = Signal()

# A person was promoted in a curriculum's trainer progression.
# args: user, curriculum, level, approved_by, promoted_at
trainer_promoted = Signal()

# A person attended a Peer Learning Meeting (checked in), as participant or presenter.
# args: user, meeting, role, attended_on
meeting_attended = Signal()
