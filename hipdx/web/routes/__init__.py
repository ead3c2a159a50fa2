"""One router per area: service and knowledge base, assessments, interviews, pages."""
