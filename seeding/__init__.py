"""Loading demo content: records created once, corrected while untouched, never overwritten
once an editor has changed them (see `records`)."""
