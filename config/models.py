"""The site package has no models; this module lets its post-migrate hook run."""
