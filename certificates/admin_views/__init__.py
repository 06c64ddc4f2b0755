"""The certificates screens of the Wagtail admin, one module per screen; only programme
admins reach them (see `access`)."""
