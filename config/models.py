"""The site package has no models; its migrations create the staff roles (config.roles)."""
