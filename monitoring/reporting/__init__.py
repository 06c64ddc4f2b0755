"""Libraries' monthly reports: writing them, scoring them against targets, flagging late ones."""
