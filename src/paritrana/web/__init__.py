"""Public pages, dashboards and the site's shared templates."""
