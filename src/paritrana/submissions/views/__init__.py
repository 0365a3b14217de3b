"""Views: the candidate portal, the committee's verification, invitations, downloads."""
