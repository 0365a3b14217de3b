"""Pure engine package (analytics): no Django imports."""
