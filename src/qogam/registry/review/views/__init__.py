"""The review queue's views: the queue and a source's page (:mod:`.queue`), the decisions (:mod:`.actions`)."""
